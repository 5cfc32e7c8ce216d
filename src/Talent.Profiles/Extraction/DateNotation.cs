using System.Globalization;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>A period as written in CVs (<c>Aug. 2021 – May 2025</c>, <c>01.2024 - Present</c>, <c>2022.07 - 2023.12</c>, <c>2019–now</c>), as <c>YYYY-MM</c>/<c>YYYY</c> with a null end while ongoing.</summary>
internal readonly record struct DateRange(string? Start, string? End, bool Ongoing, int Index, int Length);

internal static partial class DateNotation
{
    /// <summary>A month's name or its abbreviation, with or without a dot.</summary>
    internal const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    private const string OneDate = @"(?:" + Month + @"\s*,?\s*(?:19|20)\d{2}|\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}|(?:19|20)\d{2})";

    private const string MonthYear = Month + @"\s*,?\s*(?:19|20)\d{2}";

    /// <summary>A period: two dates joined by a dash or "to" (or the start and "present"), or two months with their years side by side ("Jun 2022 aug 2023").</summary>
    [GeneratedRegex(@"(?<start>" + OneDate + @")\s*(?:–|—|−|-|~|to|until|bis)\s*(?<end>" + OneDate + "|" + Ongoing + @")|(?<start>" + MonthYear + @")\s+(?<end>" + MonthYear + @")|^[*_(\[ ]{0,3}(?:since|seit|depuis|desde)\s+(?<since>" + OneDate + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RangePattern();

    /// <summary>The end of a period still going on, in the languages CVs are written in.</summary>
    private const string Ongoing = "present|now|current|today|ongoing|heute|jetzt|aktuell|présent|aujourd'hui|actualidad|presente|hoy|atual";

    [GeneratedRegex(@"^(?<m>[A-Za-z]+)\.?\s*,?\s*(?<y>\d{4})$|^(?<m1>\d{1,2})[./](?<y1>\d{4})$|^(?<y2>\d{4})[./-](?<m2>\d{1,2})$|^(?<y3>\d{4})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SinglePattern();

    [GeneratedRegex(@"^[(·•,]?\s*(?:\d{1,2}\s*(?:years?|yrs?)(?:\s*,?\s*\d{1,2}\s*(?:months?|mos?))?|\d{1,2}\s*(?:months?|mos?)|less than a year)\s*\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DurationPattern();

    /// <summary>
    /// What is left of a dated line once the range is out, without the length of time a profile adds after it ("January
    /// 2021 - Present (3 years 11 months)", "· 2 yrs 1 mo"): nothing, when that is all there was.
    /// </summary>
    public static string WithoutDuration(string rest) => DurationPattern().IsMatch(rest) ? string.Empty : rest;

    /// <summary>The first date range in <paramref name="text"/>, or null.</summary>
    public static DateRange? FindRange(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return null; // every range starts with a year
        }

        var match = RangePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["since"] is { Success: true } since)
        {
            // "Since 2019", "seit 08/1996" at the start of a line: a period going on since then.
            return Normalize(since.Value) is { } begun ? new DateRange(begun, null, true, match.Index, match.Length) : null;
        }

        var start = Normalize(match.Groups["start"].Value);
        var endRaw = match.Groups["end"].Value;
        var ongoing = IsPresent(endRaw);
        var end = ongoing ? null : Normalize(endRaw);
        if (start is null)
        {
            return null;
        }

        return new DateRange(start, end, ongoing, match.Index, match.Length);
    }

    /// <summary>One date as <c>YYYY-MM</c> or <c>YYYY</c>; null when it is not a date (or is "present").</summary>
    public static string? Normalize(string text)
    {
        var trimmed = text.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || IsPresent(trimmed))
        {
            return null;
        }

        // ISO dates from JSON Resume: 2021-08-01.
        if (trimmed.Length == 10 && trimmed[4] == '-' && trimmed[7] == '-')
        {
            trimmed = trimmed[..7];
        }

        var match = SinglePattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["y3"].Success)
        {
            return match.Groups["y3"].Value;
        }

        string year;
        int month;
        if (match.Groups["m"].Success)
        {
            year = match.Groups["y"].Value;
            month = MonthNumber(match.Groups["m"].Value);
        }
        else if (match.Groups["m1"].Success)
        {
            year = match.Groups["y1"].Value;
            month = int.Parse(match.Groups["m1"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            year = match.Groups["y2"].Value;
            month = int.Parse(match.Groups["m2"].Value, CultureInfo.InvariantCulture);
        }

        return month is >= 1 and <= 12 ? string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}") : null;
    }

    /// <summary>True when the two periods share at least one month (an open end runs forever).</summary>
    public static bool Overlap(string? startA, string? endA, string? startB, string? endB)
    {
        if (startA is null || startB is null)
        {
            return false;
        }

        return string.CompareOrdinal(Low(startA), High(endB)) <= 0 && string.CompareOrdinal(Low(startB), High(endA)) <= 0;

        static string Low(string date) => date.Length == 4 ? date + "-01" : date;
        static string High(string? date) => date is null ? "9999-12" : date.Length == 4 ? date + "-12" : date;
    }

    public static int? YearOf(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static bool IsPresent(string text) =>
        OngoingWords.Contains(text.Trim().ToLowerInvariant());

    private static readonly HashSet<string> OngoingWords = new(Ongoing.Split('|'), StringComparer.Ordinal);

    private static int MonthNumber(string name)
    {
        var prefix = name.Length >= 3 ? name[..3].ToLowerInvariant() : name.ToLowerInvariant();
        return prefix switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => 0,
        };
    }
}
