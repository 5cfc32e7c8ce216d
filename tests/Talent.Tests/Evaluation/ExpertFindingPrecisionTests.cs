using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

/// <summary>Average precision and reciprocal rank of the expert-finding evaluation on rankings small enough to check by hand.</summary>
public sealed class ExpertFindingPrecisionTests
{
    [Fact]
    public void One_author_second_has_precision_and_reciprocal_rank_one_half() =>
        Assert.Equal((0.5, 0.5), ExpertFindingEvaluation.Precision(["a", "b", "c"], new HashSet<string> { "b" }));

    [Fact]
    public void Two_authors_first_and_third_average_their_precisions()
    {
        var (averagePrecision, reciprocalRank) = ExpertFindingEvaluation.Precision(["a", "b", "c"], new HashSet<string> { "a", "c" });

        Assert.Equal((1 + (2.0 / 3)) / 2, averagePrecision, 12);
        Assert.Equal(1, reciprocalRank);
    }

    [Fact]
    public void An_author_missing_from_the_ranking_counts_as_not_found() =>
        Assert.Equal((0.5, 1), ExpertFindingEvaluation.Precision(["a", "b"], new HashSet<string> { "a", "z" }));
}
