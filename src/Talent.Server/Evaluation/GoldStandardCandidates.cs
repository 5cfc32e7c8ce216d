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
            foreach (var (participant, paperIds) in profiles)
            {
                index.Upsert(Id(participant), Profile(dataset, participant, paperIds), updatedAt);
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

    /// <summary>A candidate as ingestion would merge it from a publication list: the papers' titles, abstracts and years.</summary>
    private static CandidateProfile Profile(GoldStandardDataset dataset, string participant, IReadOnlyList<string> paperIds) => new()
    {
        Name = "participant " + participant,
        Publications = paperIds
            .Select(id => dataset.Papers.GetValueOrDefault(id))
            .Where(p => p is { Title: not null })
            .Select(p => new MergedPublication(new Publication { Title = p!.Title!, Abstract = p.Abstract, Year = p.Year, Kind = PublicationKind.Conference }, [])) // filtered on a title above
            .ToList(),
    };
}
