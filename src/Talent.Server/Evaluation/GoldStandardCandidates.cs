using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;

namespace Talent.Server.Evaluation;

/// <summary>The gold standard's researchers as Talent candidates: one per participant, in a real index in a temporary folder.</summary>
internal static class GoldStandardCandidates
{
    /// <summary>Participant ids are Semantic Scholar author ids, numbers: they serve as candidate ids.</summary>
    public static long Id(string participant) => long.Parse(participant, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>One concatenated text (titles and abstracts) per participant: the documents the BM25 and FTS5 baselines index.</summary>
    public static Dictionary<string, string> Documents(GoldStandardDataset dataset, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles) =>
        profiles.ToDictionary(p => p.Key, p => string.Join("\n", p.Value.Select(id => dataset.Papers.GetValueOrDefault(id)?.Text)), StringComparer.Ordinal);

    /// <summary>Indexes every participant's papers of <paramref name="profiles"/> as a candidate, runs <paramref name="run"/> on the index, then deletes it.</summary>
    public static T WithIndex<T>(GoldStandardDataset dataset, ProfileCatalogs catalogs, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, Func<CandidateIndex, T> run)
    {
        var directory = Path.Combine(Path.GetTempPath(), "talent-goldstandard-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = CandidateIndex.OpenForWriting(directory, catalogs, NullLogger.Instance);
            var updatedAt = DateTimeOffset.UnixEpoch;
            var names = dataset.ParticipantNames();
            foreach (var (participant, paperIds) in profiles)
            {
                index.Upsert(Id(participant), Profile(dataset, names.GetValueOrDefault(participant), paperIds), updatedAt);
            }

            index.Commit(1);
            return run(index);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>
    /// A candidate as ingestion would merge it from a publication list: the papers' titles, abstracts and years, and
    /// the researcher's place in each author list (<paramref name="name"/>'s surname and first initial).
    /// </summary>
    private static CandidateProfile Profile(GoldStandardDataset dataset, string? name, IReadOnlyList<string> paperIds) => new()
    {
        Name = name ?? "a participant",
        Publications = paperIds
            .Select(id => dataset.Papers.GetValueOrDefault(id))
            .Where(p => p is { Title: not null })
            .Select(p => new MergedPublication(new Publication { Title = p!.Title!, Abstract = p.Abstract, Year = p.Year, Kind = PublicationKind.Conference, Authors = p.Authors, AuthorPosition = PositionOf(name, p.Authors) }, [])) // filtered on a title above
            .ToList(),
    };

    /// <summary>The 1-based place of the author whose surname and first initial are <paramref name="name"/>'s, or null.</summary>
    internal static int? PositionOf(string? name, IReadOnlyList<string> authors)
    {
        if (Key(name) is not { } wanted)
        {
            return null;
        }

        for (var i = 0; i < authors.Count; i++)
        {
            if (Key(authors[i]) == wanted)
            {
                return i + 1;
            }
        }

        return null;

        static string? Key(string? person)
        {
            var words = person?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return words is { Length: >= 2 } ? char.ToLowerInvariant(words[0][0]) + " " + words[^1].ToLowerInvariant() : null;
        }
    }
}
