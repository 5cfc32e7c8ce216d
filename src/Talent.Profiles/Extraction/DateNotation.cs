using System.Globalization;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>A period as written in CVs (<c>Aug. 2021 – May 2025</c>, <c>01.2024 - Present</c>, <c>2022.07 - 2023.12</c>, <c>2019–now</c>), as <c>YYYY-MM</c>/<c>YYYY</c> with a null end while ongoing.</summary>
internal readonly record struct DateRange(string? Start, string? End, bool Ongoing, int Index, int Length);

internal static partial class DateNotation
{
    /// <summary>A month's name or its abbreviation, with or without a dot.</summary>
    internal const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    /// <summary>A season of a year, as academic CVs date terms and internships ("Summer 2015", "Fall 2015 – Spring 2017").</summary>
    internal const string Season = "(?:Spring|Summer|Fall|Autumn|Winter)";

    private const string OneDate = @"(?:(?:" + Month + "|" + Season + @")\s*,?\s*(?:19|20)\d{2}|\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}[./-]\d{1,2}|(?:19|20)\d{2})";

    private const string MonthYear = Month + @"\s*,?\s*(?:19|20)\d{2}";

    /// <summary>
    /// A period: two dates joined by a dash or "to" (or the start and "present"), two months with their years side by side
    /// ("Jun 2022 aug 2023"), two months of one year ("June – August 2019"), a start with nothing after its dash ("(Aug.
    /// 2017 - )", "2020 -:"), or a season of a year ("Summer 2015").
    /// </summary>
    [GeneratedRegex(@"(?<start>" + OneDate + @")\s*(?:–|—|−|-|~|to|until|bis)\s*(?<end>" + OneDate + "|" + Ongoing + @")|(?<start>" + MonthYear + @")\s+(?<end>" + MonthYear + @")|^[*_(\[ ]{0,3}(?:since|seit|depuis|desde)\s+(?<since>" + OneDate + @")|(?<fromMonth>" + Month + @")\s*(?:–|—|−|-|to)\s*(?<end>" + MonthYear + @")|(?<since>" + OneDate + @")\s*(?:–|—|−|-)\s*(?:\)|:|$)|(?<season>" + Season + @")\s*,?\s*(?<seasonYear>(?:19|20)\d{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
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
            // "Since 2019", "seit 08/1996" at the start of a line, or "(May 2017 - )": a period going on since then; the
            // parentheses around it go with it.
            var (index, length) = (match.Index, match.Length);
            if (text[index + length - 1] == ')' && text.LastIndexOf('(', index) is var open && open >= 0 && text.AsSpan(open + 1, index - open - 1).IsWhiteSpace())
            {
                (index, length) = (open, index + length - open);
            }

            return Normalize(since.Value) is { } begun ? new DateRange(begun, null, true, index, length) : null;
        }

        if (match.Groups["season"] is { Success: true } season)
        {
            // "Summer 2015": the season's months of that year.
            var (first, last) = SeasonMonths(season.Value);
            var year = match.Groups["seasonYear"].Value;
            return new DateRange(MonthOf(year, first), MonthOf(year, last), false, match.Index, match.Length);
        }

        var endRaw = match.Groups["end"].Value;
        var ongoing = IsPresent(endRaw);
        var end = ongoing ? null : Normalize(endRaw, lastMonth: true);
        var start = match.Groups["fromMonth"] is { Success: true } fromMonth ? StartInYearOf(fromMonth.Value, end) : Normalize(match.Groups["start"].Value);
        if (start is null)
        {
            return null;
        }

        return new DateRange(start, end, ongoing, match.Index, match.Length);
    }

    /// <summary>
    /// "June" before "August 2019": June of that year, or of the year before when the month comes later in the year
    /// ("November – February 2018").
    /// </summary>
    private static string? StartInYearOf(string month, string? end)
    {
        if (YearOf(end) is not { } year || end is not { Length: 7 })
        {
            return null;
        }

        var number = MonthNumber(month.TrimEnd('.'));
        var endMonth = int.Parse(end.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return number == 0 ? null : MonthOf((number > endMonth ? year - 1 : year).ToString(CultureInfo.InvariantCulture), number);
    }

    private static string MonthOf(string year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}");

    /// <summary>The first and last month of a season as CVs use them: spring March–May, summer June–August, fall September–November, winter January–February.</summary>
    private static (int First, int Last) SeasonMonths(string season) => season.ToLowerInvariant() switch
    {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "fall" or "autumn" => (9, 11),
        "winter" => (1, 2),
        _ => (0, 0),
    };

    /// <summary>One date as <c>YYYY-MM</c> or <c>YYYY</c>; null when it is not a date (or is "present").</summary>
    public static string? Normalize(string text) => Normalize(text, lastMonth: false);

    /// <summary>One date; a season is its first month, or its last when the date ends a period (<paramref name="lastMonth"/>).</summary>
    private static string? Normalize(string text, bool lastMonth)
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
            var name = match.Groups["m"].Value;
            month = MonthNumber(name);
            if (month == 0 && SeasonMonths(name) is { First: > 0 } season)
            {
                month = lastMonth ? season.Last : season.First;
            }
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
