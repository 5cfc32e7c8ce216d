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
        var problems = new List<string>();

        if (expected.TryGetProperty("name", out var name))
        {
            Check(string.Equals(profile.Name, name.GetString(), StringComparison.Ordinal), $"name {profile.Name ?? "null"} != {name}");
        }

        CheckContains("emails", profile.Emails);
        CheckContains("homepages", profile.Homepages);
        CheckContains("phones", profile.Phones);
        CheckContains("homepagesOrLinksContain", profile.Homepages.Concat(profile.Links).ToList());
        CheckContains("institutions", profile.Education.Select(e => e.Institution ?? string.Empty).ToList());
        CheckContains("organizations", profile.Experience.Select(e => e.Organization ?? string.Empty).ToList());
        CheckContains("skills", profile.Skills);
        CheckContains("topics", profile.Topics);
        if (expected.TryGetProperty("notSkills", out var notSkills))
        {
            foreach (var skill in notSkills.EnumerateArray())
            {
                Check(!profile.Skills.Contains(skill.GetString()), $"{skill} must not be a skill");
            }
        }

        if (expected.TryGetProperty("venueYears", out var venueYears))
        {
            var available = profile.Publications.Select(p => $"{p.Venue} {p.Year}").ToList();
            foreach (var pair in venueYears.EnumerateArray())
            {
                var wanted = $"{pair[0].GetString()} {pair[1].GetInt32()}";
                Check(available.Remove(wanted), $"venue-year {wanted} missing (have {string.Join(", ", profile.Publications.Select(p => $"{p.Venue} {p.Year}"))})");
            }
        }

        if (expected.TryGetProperty("publicationCount", out var count))
        {
            Check(profile.Publications.Count == count.GetInt32(), $"publication count {profile.Publications.Count} != {count}: {string.Join(" | ", profile.Publications.Select(p => p.Title))}");
        }

        if (expected.TryGetProperty("publicationCountRange", out var range))
        {
            Check(profile.Publications.Count >= range[0].GetInt32() && profile.Publications.Count <= range[1].GetInt32(), $"publication count {profile.Publications.Count} outside {range}");
        }

        if (expected.TryGetProperty("awardedTitlesContain", out var awarded))
        {
            foreach (var fragment in awarded.EnumerateArray())
            {
                Check(profile.Publications.Any(p => p.Awards.Count > 0 && p.Title.Contains(fragment.GetString()!, StringComparison.Ordinal)), $"no award on {fragment}");
            }
        }

        if (expected.TryGetProperty("titlesContain", out var titles))
        {
            foreach (var fragment in titles.EnumerateArray())
            {
                Check(profile.Publications.Any(p => p.Title.Contains(fragment.GetString()!, StringComparison.Ordinal)), $"no title containing {fragment}");
            }
        }

        if (expected.TryGetProperty("metrics", out var metrics))
        {
            Check(profile.Metrics.HIndex == metrics.GetProperty("hIndex").GetInt32(), $"h-index {profile.Metrics.HIndex}");
            Check(profile.Metrics.Papers == metrics.GetProperty("papers").GetInt32(), $"papers {profile.Metrics.Papers}");
            Check(profile.Metrics.Citations == metrics.GetProperty("citations").GetInt32(), $"citations {profile.Metrics.Citations}");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        void CheckContains(string property, IReadOnlyList<string> actual)
        {
            if (!expected.TryGetProperty(property, out var values))
            {
                return;
            }

            foreach (var value in values.EnumerateArray())
            {
                Check(actual.Contains(value.GetString()), $"{property}: {value} missing (have {string.Join(", ", actual)})");
            }
        }
    }

    [SeedFact]
    public void Resolving_the_five_seeds_in_order_yields_the_two_expected_people()
    {
        var candidates = new Dictionary<long, List<SourceProfile>>();
        var next = 1L;
        foreach (var seed in Seeds)
        {
            var profile = Extract(seed);
            var known = candidates.Select(c => new KnownCandidate(c.Key, c.Value.Select(s => s.Profile).ToList())).ToList();
            var decision = IdentityResolver.Resolve(profile, known);
            var source = new SourceProfile(seed, profile, DateTimeOffset.UnixEpoch.AddMinutes(candidates.Count + next));
            if (decision.IsNewCandidate)
            {
                candidates[next++] = [source];
                continue;
            }

            var target = decision.Matches[0].CandidateId;
            foreach (var other in decision.Matches.Skip(1))
            {
                candidates[target].AddRange(candidates[other.CandidateId]);
                candidates.Remove(other.CandidateId);
            }

            candidates[target].Add(source);
        }

        var merged = candidates.Values.Select(ProfileMerger.Merge).OrderBy(c => c.SourceIds[0], StringComparer.Ordinal).ToList();
        Assert.Equal(2, merged.Count);
        Assert.Equal("Zangwei Zheng", merged[0].Name);
        Assert.Equal(Seeds[..3], merged[0].SourceIds.Order(StringComparer.Ordinal));
        Assert.Equal("Xuanlei Zhao", merged[1].Name);
        Assert.Equal(Seeds[3..], merged[1].SourceIds.Order(StringComparer.Ordinal));
    }

    private static ExtractedProfile Extract(string seed)
    {
        var content = File.ReadAllText(Path.Combine(RepoPaths.SeedsDirectory, seed));
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput(seed, "text/markdown", content));
        return Assert.IsType<ExtractionResult.Accepted>(result).Profile;
    }
}
