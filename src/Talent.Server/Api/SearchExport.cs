using System.Globalization;
using System.Text;
using System.Text.Json;
using Talent.Search;

namespace Talent.Server.Api;

/// <summary>
/// Search results as CSV or JSON lines, written one candidate at a time (the HTTP export streams them; <c>talent search
/// --format</c> prints them): the same columns everywhere.
/// </summary>
public static class SearchExport
{
    public static readonly string[] Columns = ["id", "name", "title", "employer", "location", "fit", "fit_label", "skills", "matched_skills", "evidence", "score", "near_match"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes a header and one row per hit, flushing every <paramref name="flushEvery"/> rows; returns the ids written.</summary>
    public static async Task<List<long>> WriteCsvAsync(IEnumerable<SearchHit> hits, TextWriter writer, CancellationToken cancellationToken, int flushEvery = 100)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        var ids = new List<long>();
        foreach (var hit in hits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(Row(hit) + "\r\n");
            ids.Add(hit.Id);
            if (ids.Count % flushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return ids;
    }

    /// <summary>One JSON object per line (the card fields of <see cref="SearchHit"/>); returns the ids written.</summary>
    public static async Task<List<long>> WriteJsonLinesAsync(IEnumerable<SearchHit> hits, TextWriter writer, CancellationToken cancellationToken, int flushEvery = 100)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(writer);
        var ids = new List<long>();
        foreach (var hit in hits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(JsonSerializer.Serialize(hit with { Signals = null }, Json) + "\n");
            ids.Add(hit.Id);
            if (ids.Count % flushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return ids;
    }

    private static string Row(SearchHit hit) => string.Join(',', new[]
    {
        hit.Id.ToString(CultureInfo.InvariantCulture),
        hit.DisplayName,
        hit.Title,
        hit.Employer,
        hit.Location,
        hit.Fit?.ToString(CultureInfo.InvariantCulture),
        hit.FitLabel,
        string.Join("; ", hit.Skills.Select(s => s.Name)),
        string.Join("; ", hit.Skills.Where(s => s.Matched).Select(s => s.Name)),
        string.Join("; ", hit.Highlights),
        hit.Score.ToString("0.####", CultureInfo.InvariantCulture),
        hit.NearMatch == true ? "yes" : "",
    }.Select(Field));

    /// <summary>
    /// A CSV field (RFC 4180 quoting). A value a spreadsheet would run as a formula (starting with =, +, -, @, tab or
    /// carriage return) gets a leading apostrophe.
    /// </summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c == '"' ? "\"\"" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
