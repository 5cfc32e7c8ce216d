using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>A venue filter ranks by the papers there, weighted by the venue's tier, their recency and the author position.</summary>
public sealed class VenueEvidenceTests : IDisposable
{
    private const long Left = 1;
    private const long Right = 2;

    private static readonly ProfileCatalogs TieredCatalogs = new(
        new VenueCatalog(
        [
            new VenueInfo("ICLR", "International Conference on Learning Representations", "machine learning", "A*", ["ICLR"], "conference"),
            new VenueInfo("ICPP", "International Conference on Parallel Processing", "systems", "B", ["ICPP"], "conference"),
        ]),
        new SkillCatalog([]),
        new TopicCatalog([]));

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_paper_at_a_higher_tier_venue_counts_more()
    {
        var ranked = Rank(Paper("Pipeline Schedules", "ICLR", 2025, 2), Paper("Pipeline Schedules Revisited", "ICPP", 2025, 2));
        Assert.Equal([Left, Right], ranked);
        Assert.Equal([Right, Left], Rank(Paper("Pipeline Schedules", "ICPP", 2025, 2), Paper("Pipeline Schedules Revisited", "ICLR", 2025, 2)));
    }

    [Fact]
    public void A_recent_paper_counts_more_than_an_old_one()
    {
        Assert.Equal([Left, Right], Rank(Paper("Pipeline Schedules", "ICLR", 2025, 2), Paper("Pipeline Schedules Revisited", "ICLR", 2017, 2)));
        Assert.Equal([Right, Left], Rank(Paper("Pipeline Schedules", "ICLR", 2017, 2), Paper("Pipeline Schedules Revisited", "ICLR", 2025, 2)));
    }

    [Fact]
    public void Without_a_recency_weight_the_year_does_not_matter()
    {
        var options = new SearchOptions { VenueRecencyBoost = 0 };
        var (left, right) = Scores(options, Paper("Pipeline Schedules", "ICLR", 2025, 2), Paper("Pipeline Schedules Revisited", "ICLR", 2017, 2));
        Assert.Equal(left, right, 4);
    }

    [Fact]
    public void A_first_authored_paper_counts_more_than_a_middle_authored_one()
    {
        Assert.Equal([Left, Right], Rank(Paper("Pipeline Schedules", "ICLR", 2024, 1), Paper("Pipeline Schedules Revisited", "ICLR", 2024, 3)));
        Assert.Equal([Right, Left], Rank(Paper("Pipeline Schedules", "ICLR", 2024, 3), Paper("Pipeline Schedules Revisited", "ICLR", 2024, 1)));
    }

    [Fact]
    public void A_recent_first_authored_A_star_paper_beats_an_old_middle_authored_B_paper()
    {
        Assert.Equal([Left, Right], Rank(Paper("Pipeline Schedules", "ICLR", 2025, 1), Paper("Pipeline Schedules Revisited", "ICPP", 2016, 4)));
    }

    [Fact]
    public void More_papers_count_more_but_each_further_one_adds_less()
    {
        var one = new[] { Paper("Pipelines 1", "ICLR", 2024, 2) };
        var two = one.Append(Paper("Pipelines 2", "ICLR", 2024, 2)).ToArray();
        var three = two.Append(Paper("Pipelines 3", "ICLR", 2024, 2)).ToArray();
        var (s1, s2) = Scores(new SearchOptions { VenueRecencyBoost = 0, FirstAuthorVenueBoost = 0 }, one, two);
        var (_, s3) = Scores(new SearchOptions { VenueRecencyBoost = 0, FirstAuthorVenueBoost = 0 }, one, three);
        Assert.True(s2 > s1 && s3 > s2, $"scores {s1}, {s2}, {s3} should grow with papers");
        Assert.True(s3 - s2 < s2 - s1, $"the third paper should add less than the second ({s1}, {s2}, {s3})");
    }

    private List<long> Rank(MergedPublication left, MergedPublication right)
    {
        using var index = Open(new SearchOptions(), [left], [right]);
        return Found(index.Search(Request(venues: ["ICLR", "ICPP"]))).Results.Select(r => r.Id).ToList();
    }

    private (double Left, double Right) Scores(SearchOptions options, MergedPublication left, MergedPublication right) =>
        Scores(options, [left], [right]);

    private (double Left, double Right) Scores(SearchOptions options, MergedPublication[] left, MergedPublication[] right)
    {
        using var index = Open(options, left, right);
        var results = Found(index.Search(Request(venues: ["ICLR", "ICPP"]))).Results;
        return (results.Single(r => r.Id == Left).Score, results.Single(r => r.Id == Right).Score);
    }

    private CandidateIndex Open(SearchOptions options, MergedPublication[] left, MergedPublication[] right)
    {
        var index = CandidateIndex.OpenForWriting(Path.Combine(directory.Path, Guid.NewGuid().ToString("N")), TieredCatalogs, NullLogger.Instance, options, new FixedClock(2025));
        index.Upsert(Left, new CandidateProfile { Name = "Left Person", Publications = left }, BaseTime);
        index.Upsert(Right, new CandidateProfile { Name = "Right Person", Publications = right }, BaseTime);
        index.Commit(2);
        return index;
    }

    private sealed class FixedClock(int year) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
