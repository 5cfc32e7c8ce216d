using System.Text.Json;
using Talent.Profiles.Extraction;
using Talent.Profiles.Identity;
using Talent.Profiles.Merging;

namespace Talent.Profiles.Tests;

public sealed class SeedAcceptanceTests
{
    private static readonly string[] Seeds =
    [
        "000_931b10d64d0a7bd7.txt", "001_f2f467bd2de4ea85.txt", "002_8ef29bd0e85b47d8.txt", "003_09d1b4b9b41081e4.txt", "004_ab1a8f9fb245783d.txt",
    ];

    public static TheoryData<string> SeedNames() => new(Seeds);

    [SeedTheory]
    [MemberData(nameof(SeedNames))]
    public void Every_expected_fact_of_a_seed_is_extracted(string seed)
    {
        using var expectedDocument = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SeedsDirectory, "expected.json")));
        var expected = expectedDocument.RootElement.GetProperty("documents").GetProperty(seed);
        var profile = Extract(seed);

        var problems = ExpectedFacts.Problems(profile, expected);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SeedFact]
    public void Resolving_the_five_seeds_in_any_order_yields_the_two_expected_people()
    {
        var extracted = Seeds.Select(s => (Seed: s, Profile: Extract(s))).ToList();
        var random = new Random(5);
        for (var order = 0; order < 10; order++)
        {
            var shuffled = extracted.OrderBy(_ => random.Next()).ToList();
            var grouping = IdentityResolver.Resolve(shuffled.Select(e => SourceIdentity.Of(e.Seed, e.Profile)).ToList(), []);
            var merged = grouping.Groups
                .Select(g => ProfileMerger.Merge(g.SourceIds.Select(id => new SourceProfile(id, extracted.Single(e => e.Seed == id).Profile, DateTimeOffset.UnixEpoch)).ToList()))
                .OrderBy(c => c.SourceIds[0], StringComparer.Ordinal).ToList();

            Assert.Equal(2, merged.Count);
            Assert.Equal("Zangwei Zheng", merged[0].Name);
            Assert.Equal(Seeds[..3], merged[0].SourceIds.Order(StringComparer.Ordinal));
            Assert.Equal("Xuanlei Zhao", merged[1].Name);
            Assert.Equal(Seeds[3..], merged[1].SourceIds.Order(StringComparer.Ordinal));

            // The nameless homepage (004) can only join through evidence: its shared papers.
            var nameless = Assert.Single(grouping.Groups[1].Links, l => l.SourceB == Seeds[4]);
            Assert.Matches(@"^\d+ shared publication titles, one side names nobody$", nameless.Reason);
            Assert.Contains(merged[0].Publications, p => p.Publication.Title.StartsWith("CowClip", StringComparison.Ordinal)
                && p.Publication.Venue == "AAAI" && p.Claims.Any(c => c.Venue == "arXiv"));
        }
    }

    [SeedFact]
    public void A_word_in_one_abstract_of_a_long_scholar_page_is_no_topic_of_its_owner()
    {
        // The seed's 19 papers mention "accessibility" and "autonomous driving" once each, in passing.
        var profile = Extract("002_8ef29bd0e85b47d8.txt");

        Assert.DoesNotContain("accessibility", profile.Topics);
        Assert.DoesNotContain("autonomous driving", profile.Topics);
        Assert.Contains("video generation", profile.Topics);
    }

    private static ExtractedProfile Extract(string seed)
    {
        var content = File.ReadAllText(Path.Combine(RepoPaths.SeedsDirectory, seed));
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput(seed, "text/markdown", content));
        return Assert.IsType<ExtractionResult.Accepted>(result).Profile;
    }
}
