using System.Text.Json;

namespace Talent.Profiles.Tests;

/// <summary>
/// Compares an extracted profile with hand-written expected facts (the shape of the seeds' expected.json):
/// every listed fact must be present; facts not listed may be extracted too.
/// </summary>
internal static class ExpectedFacts
{
    public static List<string> Problems(ExtractedProfile profile, JsonElement expected)
    {
        var problems = new List<string>();
        var webAddresses = profile.Homepages.Concat(profile.Links).ToList();

        if (expected.TryGetProperty("name", out var name))
        {
            Check(string.Equals(profile.Name, name.GetString(), StringComparison.Ordinal), $"name {profile.Name ?? "null"} != {name}");
        }

        if (expected.TryGetProperty("location", out var location))
        {
            Check(string.Equals(profile.Location, location.GetString(), StringComparison.Ordinal), $"location {profile.Location ?? "null"} != {location}");
        }

        Contains("emails", profile.Emails);
        Contains("homepages", profile.Homepages);
        Contains("phones", profile.Phones);
        Contains("institutions", profile.Education.Select(e => e.Institution ?? string.Empty).ToList());
        Contains("organizations", profile.Experience.Select(e => e.Organization ?? string.Empty).ToList());
        Contains("advisors", profile.Education.Select(e => e.Advisor ?? string.Empty).ToList());
        // Skills are extracted as written; the index and every search compare them by their catalog name.
        Contains("skills", profile.Skills.Select(s => RepoPaths.Catalogs.Skills.Find(s)?.Name ?? s).ToList());
        Contains("topics", profile.Topics);
        foreach (var value in Strings("homepagesOrLinksContain"))
        {
            Check(webAddresses.Any(a => a.Contains(value, StringComparison.Ordinal)), $"no homepage or link containing {value} (have {string.Join(", ", webAddresses)})");
        }

        foreach (var value in Strings("notHomepagesOrLinks"))
        {
            Check(!webAddresses.Any(a => a.Contains(value, StringComparison.Ordinal)), $"{value} is someone else's page");
        }

        foreach (var skill in Strings("notSkills"))
        {
            Check(!profile.Skills.Any(s => string.Equals(RepoPaths.Catalogs.Skills.Find(s)?.Name ?? s, skill, StringComparison.Ordinal)), $"{skill} must not be a skill");
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

        foreach (var fragment in Strings("awardedTitlesContain"))
        {
            Check(profile.Publications.Any(p => p.Awards.Count > 0 && p.Title.Contains(fragment, StringComparison.Ordinal)), $"no award on {fragment}");
        }

        foreach (var fragment in Strings("titlesContain"))
        {
            Check(profile.Publications.Any(p => p.Title.Contains(fragment, StringComparison.Ordinal)), $"no title containing {fragment}");
        }

        foreach (var fragment in Strings("notTitlesContain"))
        {
            Check(!profile.Publications.Any(p => p.Title.Contains(fragment, StringComparison.Ordinal)), $"{fragment} is not a publication");
        }

        foreach (var fragment in Strings("firstAuthorTitlesContain"))
        {
            Check(profile.Publications.Any(p => p.FirstAuthor && p.Title.Contains(fragment, StringComparison.Ordinal)), $"not first author of {fragment}");
        }

        if (expected.TryGetProperty("metrics", out var metrics))
        {
            Check(profile.Metrics.HIndex == metrics.GetProperty("hIndex").GetInt32(), $"h-index {profile.Metrics.HIndex}");
            Check(profile.Metrics.Papers == metrics.GetProperty("papers").GetInt32(), $"papers {profile.Metrics.Papers}");
            Check(profile.Metrics.Citations == metrics.GetProperty("citations").GetInt32(), $"citations {profile.Metrics.Citations}");
        }

        return problems;

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        IEnumerable<string> Strings(string property) =>
            expected.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.GetString() ?? string.Empty) : [];

        void Contains(string property, IReadOnlyList<string> actual)
        {
            foreach (var value in Strings(property))
            {
                Check(actual.Contains(value), $"{property}: {value} missing (have {string.Join(", ", actual)})");
            }
        }
    }
}
