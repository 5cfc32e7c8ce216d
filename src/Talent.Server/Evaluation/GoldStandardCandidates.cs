using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
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

    /// <summary>
    /// Indexes every participant's papers of <paramref name="profiles"/> as a candidate, runs <paramref name="run"/> on the
    /// index, then deletes it. With <paramref name="asDblpXml"/>, each candidate is read as ingestion reads a document:
    /// their papers written as dblp's XML of a person (<see cref="DblpXml"/>), extracted and merged.
    /// </summary>
    public static T WithIndex<T>(
        GoldStandardDataset dataset, ProfileCatalogs catalogs, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, Func<CandidateIndex, T> run, bool asDblpXml = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "talent-goldstandard-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = CandidateIndex.OpenForWriting(directory, catalogs, NullLogger.Instance);
            var updatedAt = DateTimeOffset.UnixEpoch;
            var names = dataset.ParticipantNames();
            var extractor = new ProfileExtractor(catalogs);
            foreach (var (participant, paperIds) in profiles)
            {
                var name = names.GetValueOrDefault(participant);
                var profile = asDblpXml ? Extracted(extractor, participant, DblpXml(dataset, participant, name, paperIds), updatedAt) : Profile(dataset, name, paperIds);
                index.Upsert(Id(participant), profile, updatedAt);
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

    /// <summary>
    /// A participant's papers as dblp's XML of a person lists them: title, authors and year, no abstract; the researcher's
    /// own entry in each author list carries their person id, as dblp's records do.
    /// </summary>
    internal static string DblpXml(GoldStandardDataset dataset, string participant, string? name, IReadOnlyList<string> paperIds)
    {
        var pid = "gs/" + participant;
        var records = paperIds
            .Select(id => dataset.Papers.GetValueOrDefault(id))
            .Where(p => p is { Title.Length: > 0 })
            .Select(p => (Paper: p!, Place: PositionOf(name, p!.Authors))) // filtered on a title above
            .Select(p => new XElement(
                "r",
                new XElement(
                    "inproceedings",
                    p.Paper.Authors.Select((author, i) => new XElement("author", p.Place == i + 1 ? new XAttribute("pid", pid) : null, author)),
                    new XElement("title", p.Paper.Title + "."),
                    p.Paper.Year is { } year ? new XElement("year", year) : null)));
        return new XElement("dblpperson", new XAttribute("name", name ?? "a participant"), new XAttribute("pid", pid), records).ToString();
    }

    private static CandidateProfile Extracted(ProfileExtractor extractor, string participant, string xml, DateTimeOffset receivedAt)
    {
        var sourceId = "dblp:" + participant;
        return extractor.Extract(new DocumentInput(sourceId, "application/xml", xml)) switch
        {
            ExtractionResult.Accepted accepted => ProfileMerger.Merge([new SourceProfile(sourceId, accepted.Profile, receivedAt)]),
            ExtractionResult.Rejected rejected => throw new InvalidOperationException($"The dblp XML of participant {participant} was refused: {rejected.Reason}"),
            _ => throw new InvalidOperationException($"Unexpected extraction result for participant {participant}"),
        };
    }

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
