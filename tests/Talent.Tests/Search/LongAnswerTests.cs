using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Matching;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>
/// A command-line answer holds up to 1,000 candidates (<c>talent search</c>, <c>match</c> and <c>similar --top</c>); an HTTP
/// page holds at most 100.
/// </summary>
public sealed class LongAnswerTests : IDisposable
{
    private const int Candidates = 250;

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Search_match_and_similar_answer_with_more_than_an_http_page_of_distinct_candidates()
    {
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        for (var id = 1; id <= Candidates; id++)
        {
            index.Upsert(id, Profile(id), BaseTime.AddMinutes(id));
        }

        index.Commit(Candidates);

        var (search, errors) = SearchRequest.Create("graph neural networks", null, null, null, null, 1, Candidates, SearchRequest.MaxCommandLineSize);
        Assert.Empty(errors);
        var found = Assert.IsType<SearchOutcome.Found>(index.Search(search!)).Response;
        Assert.Equal(Candidates, found.Total);
        AssertDistinctCandidates(found.Results.Select(r => r.Id));

        var (match, matchErrors) = MatchRequest.Create("Graph neural networks for molecule property prediction", null, Candidates, MatchRequest.MaxCommandLineTop);
        Assert.Empty(matchErrors);
        AssertDistinctCandidates(index.Match(match!).Results.Select(r => r.Id));

        var similar = index.Similar(1, Candidates - 1)!.Results.Select(r => r.Id).ToList();
        Assert.Equal(Candidates - 1, similar.Count);
        Assert.DoesNotContain(1, similar);
        Assert.Equal(Candidates - 1, similar.Distinct().Count());
    }

    [Fact]
    public void Http_pages_keep_at_most_100_and_the_command_line_at_most_1000()
    {
        Assert.Contains("size", SearchRequest.Create("x", null, null, null, null, 1, SearchRequest.MaxSize + 1).Errors.Keys);
        Assert.Empty(SearchRequest.Create("x", null, null, null, null, 1, 1000, SearchRequest.MaxCommandLineSize).Errors);
        Assert.Contains("size", SearchRequest.Create("x", null, null, null, null, 1, 1001, SearchRequest.MaxCommandLineSize).Errors.Keys);
        Assert.Contains("top", MatchRequest.Create("x", null, MatchRequest.MaxTop + 1).Errors.Keys);
        Assert.Empty(MatchRequest.Create("x", null, 1000, MatchRequest.MaxCommandLineTop).Errors);
        Assert.Contains("top", MatchRequest.Create("x", null, 1001, MatchRequest.MaxCommandLineTop).Errors.Keys);
    }

    private static void AssertDistinctCandidates(IEnumerable<long> ids)
    {
        var list = ids.ToList();
        Assert.Equal(Candidates, list.Count);
        Assert.Equal(Enumerable.Range(1, Candidates).Select(i => (long)i), list.Order());
    }

    private static CandidateProfile Profile(int id)
    {
        var n = id.ToString(CultureInfo.InvariantCulture);
        return new CandidateProfile
        {
            Name = "Researcher " + n,
            Skills = ["PyTorch"],
            Publications =
            [
                Paper($"Graph Neural Networks for Molecule Property Prediction, Part {n}", "ICLR", 2020 + (id % 5), 1),
                Paper($"Scaling Graph Neural Networks over Sparse Networks ({n})", "NeurIPS", 2019 + (id % 6), 2),
            ],
        };
    }
}
