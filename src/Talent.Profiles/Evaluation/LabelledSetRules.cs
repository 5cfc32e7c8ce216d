using System.Text;
using System.Text.Json;

namespace Talent.Profiles.Evaluation;

/// <summary>
/// The comparison rules of the shared scorer, one document at a time, on a profile in its JSON form
/// (<c>talent parse --json</c>) and its labels. Kept literal, field by field, so the two scorers agree.
/// </summary>
internal static class LabelledSetRules
{
    /// <summary>Receives a field's expected count, hits and predicted count (null where the field has no precision).</summary>
    public delegate void Tally(string field, int expected, int hits, int? predicted);

    public static void ScoreDocument(JsonElement profile, JsonElement labels, Tally tally)
    {
        if (Property(labels, "name") is { ValueKind: JsonValueKind.String } name && name.GetString() is { Length: > 0 } labelled)
        {
            var extracted = Property(profile, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() ?? string.Empty : string.Empty;
            tally("name", 1, string.Equals(Norm(extracted), Norm(labelled), StringComparison.Ordinal) ? 1 : 0, null);
        }

        SetField(tally, "emails", Strings(labels, "emails").Select(Norm), Strings(profile, "emails").Select(Norm), precision: true);
        SetField(tally, "homepages", Strings(labels, "homepages").Select(HostNorm), Strings(profile, "homepages").Select(HostNorm), precision: true);
        var institutions = Objects(profile, "education").Select(e => InstitutionNorm(Property(e, "institution") is { ValueKind: JsonValueKind.String } i ? i.GetString() ?? string.Empty : string.Empty));
        SetField(tally, "institutions", Strings(labels, "institutions").Select(InstitutionNorm), institutions, precision: Property(labels, "institutions") is not null);

        var expectedVenues = new List<string>();
        foreach (var pair in Elements(labels, "venueYears"))
        {
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() >= 2 && pair[1].ValueKind != JsonValueKind.Null)
            {
                expectedVenues.Add(Norm(Str(pair[0])) + "\u0001" + Str(pair[1]));
            }
        }

        var publications = Objects(profile, "publications").ToList();
        var extractedVenues = publications.Select(p => Norm(Property(p, "venue") is { ValueKind: not JsonValueKind.Null } v ? Str(v) : string.Empty) + "\u0001" + (Property(p, "year") is { } y ? Str(y) : "None")).ToList();
        var predicted = extractedVenues.Count(k => !k.EndsWith("\u0001None", StringComparison.Ordinal) && !k.StartsWith('\u0001'));
        tally("venueYears", expectedVenues.Count, MultisetOverlap(expectedVenues, extractedVenues), predicted);

        if (Property(labels, "publicationCount") is { ValueKind: JsonValueKind.Number } count)
        {
            tally("publicationCount", 1, count.TryGetInt32(out var c) && c == Elements(profile, "publications").Count() ? 1 : 0, null);
        }

        SetField(tally, "skills", Strings(labels, "skills").Select(Norm), Strings(profile, "skills").Select(Norm), precision: Property(labels, "skills") is not null);
        SetField(tally, "topics", Strings(labels, "topics").Select(Norm), Strings(profile, "topics").Select(Norm), precision: false);
    }

    /// <summary>Lower case, then only ASCII letters, digits, <c>+</c> and <c>#</c>.</summary>
    public static string Norm(string text)
    {
        var lower = text.ToLowerInvariant();
        var kept = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '#')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>An institution without a leading "the" (any case), normalised.</summary>
    public static string InstitutionNorm(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length >= 4 && trimmed.StartsWith("the", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(trimmed[3]))
        {
            return Norm(trimmed[3..].TrimStart());
        }

        return Norm(text);
    }

    /// <summary>An address without <c>http://</c> or <c>https://</c>, <c>www.</c> and trailing slashes, normalised.</summary>
    public static string HostNorm(string url)
    {
        var text = url;
        foreach (var prefix in new[] { "https://www.", "http://www.", "https://", "http://" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        return Norm(text.TrimEnd('/'));
    }

    private static void SetField(Tally tally, string field, IEnumerable<string> expected, IEnumerable<string> extracted, bool precision)
    {
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var have = extracted.ToHashSet(StringComparer.Ordinal);
        tally(field, want.Count, want.Count(have.Contains), precision ? have.Count : null);
    }

    private static int MultisetOverlap(List<string> expected, List<string> extracted)
    {
        var left = extracted.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var hits = 0;
        foreach (var key in expected)
        {
            if (left.TryGetValue(key, out var n) && n > 0)
            {
                left[key] = n - 1;
                hits++;
            }
        }

        return hits;
    }

    /// <summary>A value as the scorer's <c>str()</c> writes it: strings as they are, numbers as written, null as None.</summary>
    private static string Str(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => value.GetRawText(),
    };

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static IEnumerable<JsonElement> Elements(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static IEnumerable<string> Strings(JsonElement element, string name) => Elements(element, name).Select(Str);

    private static IEnumerable<JsonElement> Objects(JsonElement element, string name) => Elements(element, name).Where(e => e.ValueKind == JsonValueKind.Object);
}
