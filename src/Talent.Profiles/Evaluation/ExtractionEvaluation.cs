using System.Text;
using System.Text.Json;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Evaluation;

/// <summary>Precision and recall of one field, micro-averaged: counts are summed over documents before dividing.</summary>
public sealed record FieldScore(string Field, int Correct, int Extracted, int Expected)
{
    /// <summary>Correct / extracted; 1 when nothing was extracted.</summary>
    public double Precision => Extracted == 0 ? 1.0 : (double)Correct / Extracted;

    /// <summary>Correct / expected; 1 when nothing was expected.</summary>
    public double Recall => Expected == 0 ? 1.0 : (double)Correct / Expected;
}

/// <summary>What one document got wrong: per field, the expected facts not extracted and the extracted facts not expected.</summary>
public sealed record DocumentErrors(string Document, IReadOnlyDictionary<string, IReadOnlyList<string>> Missing, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra, string? Rejection);

public sealed record EvaluationReport(int Documents, IReadOnlyList<FieldScore> Fields, IReadOnlyList<DocumentErrors> Errors);

/// <summary>
/// Scores the extractor against a labelled set: a folder of documents, each with <c>NAME.expected.json</c> beside it
/// holding its content type and every fact of the scored fields, written by hand. Facts are compared as sets per
/// document (venue+year as a multiset) after the normalisation each field needs, and the counts are summed.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>The scored fields, in report order.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["name", "emails", "institutions", "titles", "venueYears", "skills", "topics"];

    public const string ExpectedSuffix = ".expected.json";

    /// <summary>Runs the extractor over every labelled document in <paramref name="directory"/>.</summary>
    public static EvaluationReport Run(string directory, ProfileCatalogs catalogs)
    {
        var extractor = new ProfileExtractor(catalogs);
        var cases = new List<(string Document, ExtractedProfile? Profile, string? Rejection, JsonElement Expected)>();
        foreach (var expectedPath in Directory.GetFiles(directory, "*" + ExpectedSuffix).Order(StringComparer.Ordinal))
        {
            var documentPath = expectedPath[..^ExpectedSuffix.Length];
            using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
            var contentType = expected.RootElement.GetProperty("contentType").GetString() ?? "text/plain";
            var result = extractor.Extract(Input(Path.GetFileName(documentPath), contentType, File.ReadAllBytes(documentPath)));
            cases.Add((Path.GetFileName(documentPath), (result as ExtractionResult.Accepted)?.Profile, (result as ExtractionResult.Rejected)?.Reason, expected.RootElement.Clone()));
        }

        return Score(cases, catalogs.Venues);
    }

    /// <summary>A document of the set as its stated content type is read: a PDF or DOCX as its bytes, text as UTF-8.</summary>
    private static DocumentInput Input(string name, string contentType, byte[] bytes) =>
        DocumentFormats.ForContentType(contentType)?.IsBinary == true
            ? new DocumentInput(name, contentType, string.Empty) { Bytes = bytes }
            : new DocumentInput(name, contentType, Encoding.UTF8.GetString(bytes));

    /// <summary>Scores extracted profiles (null when rejected) against expected facts.</summary>
    public static EvaluationReport Score(IReadOnlyList<(string Document, ExtractedProfile? Profile, string? Rejection, JsonElement Expected)> cases, VenueCatalog venues)
    {
        var totals = FieldNames.ToDictionary(f => f, _ => (Correct: 0, Extracted: 0, Expected: 0), StringComparer.Ordinal);
        var errors = new List<DocumentErrors>();
        foreach (var (document, profile, rejection, expected) in cases)
        {
            var missing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var extra = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var field in FieldNames)
            {
                var want = ExpectedFacts(expected, field);
                var have = profile is null ? [] : ExtractedFacts(profile, field, venues);
                var unmatched = new List<string>(want);
                var wrong = new List<string>();
                foreach (var fact in have)
                {
                    if (!unmatched.Remove(fact))
                    {
                        wrong.Add(fact);
                    }
                }

                var correct = have.Count - wrong.Count;
                var t = totals[field];
                totals[field] = (t.Correct + correct, t.Extracted + have.Count, t.Expected + want.Count);
                if (unmatched.Count > 0)
                {
                    missing[field] = unmatched;
                }

                if (wrong.Count > 0)
                {
                    extra[field] = wrong;
                }
            }

            if (missing.Count > 0 || extra.Count > 0 || rejection is not null)
            {
                errors.Add(new DocumentErrors(document, missing, extra, rejection));
            }
        }

        return new EvaluationReport(cases.Count, FieldNames.Select(f => new FieldScore(f, totals[f].Correct, totals[f].Extracted, totals[f].Expected)).ToList(), errors);
    }

    /// <summary>Normalised facts of one field of an extracted profile; venue+year only for catalog venues with a year.</summary>
    internal static List<string> ExtractedFacts(ExtractedProfile profile, string field, VenueCatalog venues) => field switch
    {
        "name" => profile.Name is { } name ? [NameKey(name)] : [],
        "emails" => Distinct(profile.Emails.Select(e => e.ToLowerInvariant())),
        "institutions" => Distinct(profile.Education.Select(e => e.Institution ?? string.Empty).Where(i => i.Length > 0).Select(CatalogKey.Of)),
        "titles" => Distinct(profile.Publications.Select(p => CatalogKey.Of(p.Title))),
        "venueYears" => profile.Publications
            .Where(p => p.Venue is { } v && p.Year is not null && string.Equals(venues.Find(v)?.Name, v, StringComparison.Ordinal))
            .Select(p => $"{p.Venue} {p.Year}").ToList(),
        "skills" => Distinct(profile.Skills),
        "topics" => Distinct(profile.Topics),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };

    internal static List<string> ExpectedFacts(JsonElement expected, string field)
    {
        if (!expected.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return field switch
        {
            "name" => [NameKey(value.GetString() ?? string.Empty)],
            "emails" => Distinct(value.EnumerateArray().Select(v => (v.GetString() ?? string.Empty).ToLowerInvariant())),
            "institutions" or "titles" => Distinct(value.EnumerateArray().Select(v => CatalogKey.Of(v.GetString() ?? string.Empty))),
            "venueYears" => value.EnumerateArray().Select(p => $"{p[0].GetString()} {p[1].GetInt32()}").ToList(),
            _ => Distinct(value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)),
        };
    }

    /// <summary>Names compare as written, ignoring case and spacing, but not accents: "José" is not "Jose".</summary>
    private static string NameKey(string name) => string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static List<string> Distinct(IEnumerable<string> values) => values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
