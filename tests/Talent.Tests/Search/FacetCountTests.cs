using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

public sealed class FacetCountTests : IDisposable
{
    private static readonly string[] SkillPool = ["PyTorch", "CUDA", "Rust", "Go", "Java", "Scala", "Haskell", "Kotlin"];
    private static readonly string[] VenuePool = ["ICLR", "NeurIPS", "MLSys", "PPoPP", "AAAI", "arXiv"];
    private static readonly string[] InstitutionPool = ["NUS", "MIT", "ETH Zurich", "Tsinghua University"];

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(null, null)]
    [InlineData("PyTorch", null)]
    [InlineData(null, "NeurIPS")]
    [InlineData("Rust", "ICLR")]
    public void Facet_counts_equal_a_brute_force_count_over_the_matching_candidates(string? skill, string? venue)
    {
        var random = new Random(1234);
        var corpus = Enumerable.Range(1, 200).Select(i => (Id: (long)i, Profile: RandomProfile(random, i))).ToList();
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        foreach (var (id, profile) in corpus)
        {
            index.Upsert(id, profile, BaseTime.AddMinutes(id));
            if (id % 45 == 0)
            {
                index.Commit(id); // several segments, so ordinals are per segment
            }
        }

        index.Commit(corpus.Count);

        var matching = corpus
            .Where(c => skill is null || c.Profile.Skills.Contains(skill))
            .Where(c => venue is null || c.Profile.Publications.Any(p => p.Publication.Venue == venue))
            .Select(c => c.Profile)
            .ToList();
        var response = Found(index.Search(Request(
            skills: skill is null ? null : [skill], venues: venue is null ? null : [venue], size: 5)));

        Assert.Equal(matching.Count, response.Total);
        Assert.Equal(Expected(matching, p => p.Skills), response.Facets.Skills);
        Assert.Equal(Expected(matching, p => p.Publications.Select(x => x.Publication.Venue!)), response.Facets.Venues);
        Assert.Equal(Expected(matching, p => p.Institutions), response.Facets.Institutions);
        Assert.Equal(Expected(matching, p => p.Publications.Select(x => x.Publication.Year!.Value.ToString(CultureInfo.InvariantCulture))), response.Facets.Years);
    }

    [Fact]
    public void Values_first_indexed_after_earlier_searches_are_counted_with_the_values_already_seen()
    {
        var random = new Random(99);
        var first = Enumerable.Range(1, 60).Select(i => (Id: (long)i, Profile: RandomProfile(random, i))).ToList();
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        foreach (var (id, profile) in first)
        {
            index.Upsert(id, profile, BaseTime.AddMinutes(id));
        }

        index.Commit(first.Count);
        Assert.Equal(Expected(first.Select(c => c.Profile).ToList(), p => p.Skills), Found(index.Search(Request(size: 5))).Facets.Skills);

        // New segments bring skills no earlier segment had, beside ones it had.
        var later = Enumerable.Range(61, 60)
            .Select(i => (Id: (long)i, Profile: RandomProfile(random, i) with { Skills = ["Quillwork", "Tool " + (i % 3).ToString(CultureInfo.InvariantCulture), "Rust"] }))
            .ToList();
        foreach (var (id, profile) in later)
        {
            index.Upsert(id, profile, BaseTime.AddMinutes(id));
            if (id % 20 == 0)
            {
                index.Commit(id);
            }
        }

        index.Commit(120);
        var all = first.Concat(later).Select(c => c.Profile).ToList();
        var response = Found(index.Search(Request(size: 5)));
        Assert.Equal(Expected(all, p => p.Skills), response.Facets.Skills);
        Assert.Contains(new FacetValue("Quillwork", 60), response.Facets.Skills);
        var rust = Found(index.Search(Request(skills: ["Rust"], size: 5)));
        Assert.Equal(Expected(all.Where(p => p.Skills.Contains("Rust")).ToList(), p => p.Skills), rust.Facets.Skills);
    }

    private static List<FacetValue> Expected(List<CandidateProfile> matching, Func<CandidateProfile, IEnumerable<string>> values) =>
        matching
            .SelectMany(p => values(p).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Value, StringComparer.Ordinal)
            .Take(10)
            .ToList();

    private static CandidateProfile RandomProfile(Random random, int i) => new()
    {
        Name = "Person " + i.ToString(CultureInfo.InvariantCulture),
        Skills = SkillPool.Where(_ => random.NextDouble() < 0.3).ToList(),
        Institutions = [InstitutionPool[random.Next(InstitutionPool.Length)]],
        Publications = Enumerable.Range(0, random.Next(0, 6))
            .Select(n => Paper(
                "Paper " + n.ToString(CultureInfo.InvariantCulture) + " of " + i.ToString(CultureInfo.InvariantCulture),
                VenuePool[random.Next(VenuePool.Length)],
                2010 + random.Next(15),
                random.Next(1, 4),
                PublicationKind.Conference))
            .ToList(),
    };
}
