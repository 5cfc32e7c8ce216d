using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Merging;

/// <summary>Merges the sources of one candidate into one <see cref="CandidateProfile"/>.</summary>
public static class ProfileMerger
{
    public static CandidateProfile Merge(IReadOnlyList<SourceProfile> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        // Ordered by source id, not by arrival: the merge is a function of the set of sources alone, so nodes
        // that received the same documents in another order (read replicas, redelivery) hold the same profile.
        var ordered = sources.OrderBy(s => s.SourceId, StringComparer.Ordinal).ToList();
        var profiles = ordered.Select(s => s.Profile).ToList();

        var name = profiles.Where(p => p.Name is not null).GroupBy(p => p.Name!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

        var education = MergeSourced(ordered, p => p.Education, e => $"{CatalogKey.Of(e.Institution ?? string.Empty)}|{DegreeKey(e.Degree)}|{e.Start}");
        var experience = MergeSourced(ordered, p => p.Experience, e => $"{CatalogKey.Of(e.Organization ?? string.Empty)}|{e.Start ?? CatalogKey.Of(e.Title ?? string.Empty)}");

        return new CandidateProfile
        {
            Name = name,
            Headline = profiles.Select(p => p.Headline).FirstOrDefault(h => h is not null),
            Summary = profiles.Select(p => p.Summary).FirstOrDefault(s => s is not null),
            Emails = Union(profiles.SelectMany(p => p.Emails)),
            Homepages = Union(profiles.SelectMany(p => p.Homepages)),
            Links = Union(profiles.SelectMany(p => p.Links)),
            Phones = Union(profiles.SelectMany(p => p.Phones)),
            Location = profiles.Select(p => p.Location).FirstOrDefault(l => l is not null),
            Education = education,
            Experience = experience,
            Publications = MergePublications(ordered),
            Projects = MergeSourced(ordered, p => p.Projects, p => CatalogKey.Of(p.Name)).Take(ProfileLimits.MaxProjects).ToList(),
            Skills = Union(profiles.SelectMany(p => p.Skills)),
            Topics = Union(profiles.SelectMany(p => p.Topics)),
            TopicEvidence = MergeSourced(ordered, p => p.TopicEvidence, e => $"{e.Topic}|{e.Kind}|{e.Text}"),
            Interests = Union(profiles.SelectMany(p => p.Interests)),
            Institutions = Union(profiles.SelectMany(p => p.Education).Select(e => e.Institution).OfType<string>()),
            Organizations = Union(profiles.SelectMany(p => p.Experience).Select(e => e.Organization).OfType<string>()),
            Metrics = new ProfileMetrics
            {
                HIndex = profiles.Select(p => p.Metrics.HIndex).LastOrDefault(v => v is not null),
                Citations = profiles.Select(p => p.Metrics.Citations).LastOrDefault(v => v is not null),
                Papers = profiles.Select(p => p.Metrics.Papers).LastOrDefault(v => v is not null),
            },
            SourceIds = ordered.Select(s => s.SourceId).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Peer-reviewed venues beat workshops, which beat unknown venues, which beat preprints.</summary>
    internal static int Rank(PublicationKind kind, string? venue) => kind switch
    {
        PublicationKind.Conference or PublicationKind.Journal => 4,
        PublicationKind.Workshop => 3,
        PublicationKind.Unknown when venue is not null => 2,
        PublicationKind.Preprint => 1,
        _ => 0,
    };

    private static List<MergedPublication> MergePublications(List<SourceProfile> ordered)
    {
        var groups = new List<(string Key, List<(string Source, Publication Publication)> Items)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in ordered)
        {
            foreach (var publication in source.Profile.Publications)
            {
                var key = CatalogKey.Of(publication.Title);
                if (!index.TryGetValue(key, out var at))
                {
                    at = groups.Count;
                    index[key] = at;
                    groups.Add((key, []));
                }

                groups[at].Items.Add((source.SourceId, publication));
            }
        }

        return groups.Select(g =>
        {
            if (g.Items.Count == 1)
            {
                // One source names this paper (the usual case): it wins as it is.
                var (source, only) = g.Items[0];
                return new MergedPublication(
                    only with { Awards = Union(only.Awards) },
                    [new VenueClaim(source, only.Venue, only.VenueRaw, only.Year, only.Kind)]);
            }

            var winner = g.Items.Select((item, i) => (item, i)).OrderByDescending(x => Rank(x.item.Publication.Kind, x.item.Publication.Venue))
                .ThenByDescending(x => x.item.Publication.Year is not null).ThenBy(x => x.i).First().item.Publication;
            var all = g.Items.Select(i => i.Publication).ToList();
            // The longest author list; of two as long, the one that names every author ("…, Ada Lovelace" over "…, Ada Lovelace, et al.").
            var longest = all.OrderByDescending(p => p.Authors.Count).ThenBy(p => p.MoreAuthors).First();
            var merged = winner with
            {
                Authors = longest.Authors,
                MoreAuthors = longest.MoreAuthors,
                Awards = Union(all.SelectMany(p => p.Awards)),
                Abstract = winner.Abstract ?? all.Select(p => p.Abstract).FirstOrDefault(a => a is not null),
                FirstAuthor = all.Any(p => p.FirstAuthor),
                AuthorPosition = all.Select(p => p.AuthorPosition).Where(p => p is not null).Min(),
            };
            var claims = g.Items.Select(i => new VenueClaim(i.Source, i.Publication.Venue, i.Publication.VenueRaw, i.Publication.Year, i.Publication.Kind)).ToList();
            return new MergedPublication(merged, claims);
        }).ToList();
    }

    private static List<Sourced<T>> MergeSourced<T>(List<SourceProfile> ordered, Func<ExtractedProfile, IReadOnlyList<T>> select, Func<T, string> key)
    {
        var result = new List<(string Key, T Value, List<string> Sources)>();
        foreach (var source in ordered)
        {
            foreach (var value in select(source.Profile))
            {
                var k = key(value);
                var existing = result.FindIndex(r => string.Equals(r.Key, k, StringComparison.Ordinal));
                if (existing < 0)
                {
                    result.Add((k, value, [source.SourceId]));
                }
                else if (!result[existing].Sources.Contains(source.SourceId, StringComparer.Ordinal))
                {
                    result[existing].Sources.Add(source.SourceId);
                }
            }
        }

        return result.Select(r => new Sourced<T>(r.Value, r.Sources)).ToList();
    }

    private static string DegreeKey(string? degree) => CatalogKey.Of(degree ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static List<string> Union(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();
}
