using System.Text.Json;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Evaluation;

/// <summary>One field of a labelled-set score: facts found of those labelled, and of those extracted, where precision is defined.</summary>
public sealed record LabelledFieldScore(string Field, int Hits, int Expected, int Right, int Predicted)
{
    public double Recall => Expected == 0 ? 0 : (double)Hits / Expected;

    /// <summary>Right / predicted; null where the field has no precision or nothing was predicted.</summary>
    public double? Precision => Predicted == 0 ? null : (double)Right / Predicted;
}

/// <summary>The score of a labelled set: per field, the documents that could not be read, and the overall fact recall.</summary>
public sealed record LabelledSetReport(int Documents, IReadOnlyList<LabelledFieldScore> Fields, IReadOnlyList<string> Unread)
{
    public int Hits => Fields.Sum(f => f.Hits);

    public int Expected => Fields.Sum(f => f.Expected);

    public double OverallRecall => (double)Hits / Math.Max(Expected, 1);
}

/// <summary>
/// Scores the extractor on a hand-labelled set in the shared format: <c>labels.json</c> with <c>documents[]</c> of
/// <c>{id, labels}</c> and the documents as <c>docs/&lt;id&gt;.*</c> (or <c>documents</c> as an object of file → facts).
/// The rules are those of the shared scorer (<c>score_extraction.py</c>), so both print the same numbers: names,
/// e-mails and skills compared lower-cased with everything but letters, digits, <c>+</c> and <c>#</c> dropped;
/// homepages without scheme and <c>www.</c>; institutions without a leading "the"; venue and year as a multiset;
/// precision for e-mails, homepages and venue+year always, for institutions and skills where the document is labelled
/// for them. A document that is rejected or cannot be read is "not read" and scores nothing.
/// </summary>
public static class LabelledSetEvaluation
{
    public const string LabelsFileName = "labels.json";

    /// <summary>The fields in report order.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["name", "emails", "homepages", "institutions", "venueYears", "publicationCount", "skills", "topics"];

    /// <summary>The labels file a path names: the file itself, or <c>labels.json</c> in the folder; null when neither is there.</summary>
    public static string? LabelsFile(string path) =>
        File.Exists(path) ? path
        : File.Exists(Path.Combine(path, LabelsFileName)) ? Path.Combine(path, LabelsFileName)
        : null;

    /// <summary>
    /// Extracts every labelled document in process and scores it; <paramref name="read"/> turns a file's path and bytes
    /// into the extractor's input as <c>talent parse FILE --json</c> does (a PDF or DOCX as its bytes, text decoded).
    /// </summary>
    public static LabelledSetReport Run(string labelsFile, string documentsDirectory, ProfileCatalogs catalogs, Func<string, byte[], DocumentInput> read)
    {
        var extractor = new ProfileExtractor(catalogs);
        var cases = new List<(string Document, JsonElement? Profile, JsonElement Labels)>();
        foreach (var (path, labels) in Items(labelsFile, documentsDirectory))
        {
            JsonElement? profile = null;
            if (File.Exists(path))
            {
                if (extractor.Extract(read(path, File.ReadAllBytes(path))) is ExtractionResult.Accepted accepted)
                {
                    profile = JsonSerializer.SerializeToElement(accepted.Profile, ProfileJson.Options);
                }
            }

            cases.Add((Path.GetFileName(path), profile, labels));
        }

        return Score(cases);
    }

    /// <summary>The labelled documents: their paths and labels, in the labels file's order.</summary>
    public static IReadOnlyList<(string Path, JsonElement Labels)> Items(string labelsFile, string documentsDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(labelsFile));
        var documents = document.RootElement.GetProperty("documents");
        var items = new List<(string, JsonElement)>();
        if (documents.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in documents.EnumerateObject())
            {
                items.Add((Path.Combine(documentsDirectory, entry.Name), entry.Value.Clone()));
            }

            return items;
        }

        foreach (var entry in documents.EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString() ?? string.Empty;
            var file = Directory.Exists(documentsDirectory)
                ? Directory.GetFiles(documentsDirectory, id + ".*").Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (file is not null)
            {
                items.Add((file, entry.GetProperty("labels").Clone()));
            }
        }

        return items;
    }

    /// <summary>Scores profiles in their JSON form (null: not read) against labels.</summary>
    public static LabelledSetReport Score(IReadOnlyList<(string Document, JsonElement? Profile, JsonElement Labels)> cases)
    {
        var tally = FieldNames.ToDictionary(f => f, _ => new int[4], StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var (document, profile, labels) in cases)
        {
            if (profile is null || (profile.Value.ValueKind == JsonValueKind.Array && profile.Value.GetArrayLength() == 0))
            {
                unread.Add(document);
            }

            var facts = profile is { ValueKind: JsonValueKind.Object } p ? p
                : profile is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0]
                : default;
            LabelledSetRules.ScoreDocument(facts, labels, (field, expected, hits, predicted) =>
            {
                var t = tally[field];
                t[0] += hits;
                t[1] += expected;
                if (predicted is { } said)
                {
                    t[2] += hits;
                    t[3] += said;
                }
            });
        }

        var fields = FieldNames.Select(f => new LabelledFieldScore(f, tally[f][0], tally[f][1], tally[f][2], tally[f][3])).ToList();
        return new LabelledSetReport(cases.Count, fields, unread);
    }
}
