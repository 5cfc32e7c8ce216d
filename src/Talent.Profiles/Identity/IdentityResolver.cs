using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Identity;

/// <summary>
/// Decides which known candidates a new document's person is, from evidence only: shared e-mail,
/// homepage or profile link; two or more shared publication titles; or the same name with the same
/// institution and overlapping period. Never on name alone.
/// </summary>
public static class IdentityResolver
{
    /// <summary>Titles shorter than this (normalised) are too generic to identify anyone.</summary>
    private const int MinTitleKeyLength = 16;

    /// <summary>The normalised keys storage indexes to find candidates that may be the same person.</summary>
    public static IReadOnlyList<IdentityKey> KeysOf(ExtractedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var keys = new List<IdentityKey>();
        keys.AddRange(profile.Emails.Select(e => new IdentityKey("email", e.Trim().ToLowerInvariant())));
        keys.AddRange(profile.Homepages.Select(h => new IdentityKey("homepage", WebAddress.Normalize(h) ?? h.ToLowerInvariant())));
        keys.AddRange(profile.Links.Select(l => new IdentityKey("link", WebAddress.Normalize(l) ?? l.ToLowerInvariant())));
        keys.AddRange(profile.Publications.Select(p => TitleKey(p.Title)).Where(k => k.Length >= MinTitleKeyLength).Select(k => new IdentityKey("title", k)));
        if (profile.Name is { } name && CatalogKey.Of(name) is { Length: > 0 } nameKey)
        {
            keys.Add(new IdentityKey("name", nameKey));
        }

        return keys.Distinct().ToList();
    }

    public static IdentityDecision Resolve(ExtractedProfile profile, IReadOnlyList<KnownCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return new IdentityDecision([]); // nobody shares a key: a new person, the usual case
        }

        var mine = KeysOf(profile);
        var matches = new List<IdentityMatch>();
        foreach (var candidate in candidates.OrderBy(c => c.CandidateId))
        {
            var theirs = candidate.Sources.SelectMany(KeysOf).ToHashSet();
            var reasons = new List<string>();
            AddShared("email", "shared e-mail");
            AddShared("homepage", "shared homepage");
            AddShared("link", "shared profile link");
            var titles = mine.Count(k => k.Kind == "title" && theirs.Contains(k));
            if (titles >= 2)
            {
                reasons.Add($"{titles} shared publication titles");
            }

            if (SameNameInstitutionAndPeriod(profile, candidate.Sources) is { } institution)
            {
                reasons.Add($"same name, institution ({institution}) and period");
            }

            if (reasons.Count > 0)
            {
                matches.Add(new IdentityMatch(candidate.CandidateId, string.Join("; ", reasons)));
            }

            void AddShared(string kind, string reason)
            {
                if (mine.Any(k => k.Kind == kind && theirs.Contains(k)))
                {
                    reasons.Add(reason);
                }
            }
        }

        return new IdentityDecision(matches);
    }

    internal static string TitleKey(string title) => CatalogKey.Of(title);

    private static string? SameNameInstitutionAndPeriod(ExtractedProfile profile, IReadOnlyList<ExtractedProfile> sources)
    {
        if (profile.Name is null)
        {
            return null;
        }

        var name = AuthorList.SortedKey(profile.Name);
        foreach (var source in sources.Where(s => s.Name is not null && string.Equals(AuthorList.SortedKey(s.Name), name, StringComparison.Ordinal)))
        {
            foreach (var mine in Periods(profile))
            {
                foreach (var theirs in Periods(source))
                {
                    if (string.Equals(mine.Key, theirs.Key, StringComparison.Ordinal) && DateNotation.Overlap(mine.Start, mine.End, theirs.Start, theirs.End))
                    {
                        return mine.Name;
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<(string Key, string Name, string? Start, string? End)> Periods(ExtractedProfile profile) =>
        profile.Education.Where(e => e.Institution is not null).Select(e => (CatalogKey.Of(e.Institution!), e.Institution!, e.Start, e.End))
            .Concat(profile.Experience.Where(e => e.Organization is not null).Select(e => (CatalogKey.Of(e.Organization!), e.Organization!, e.Start, e.End)));
}
