using System.Globalization;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>What a venue notation says: canonical venue (or the raw name when unknown), year, kind and awards.</summary>
internal sealed record VenueReading(string? Venue, int? Year, PublicationKind Kind, IReadOnlyList<string> Awards, bool Known);

/// <summary>
/// Reads venue notations met in real documents: <c>Neurips 2023</c>, <c>arXiv, 2024</c>, <c>[ICLR 2025]</c>,
/// <c>ICMR-W 2021</c>, <c>arXiv:2303.04947</c>, <c>Distinguished Paper Award (0.1%), AAAI 2023</c>.
/// </summary>
internal static partial class VenueNotation
{
    [GeneratedRegex(@"arXiv\s*:?\s*(?<yy>\d{2})(?<mm>\d{2})\.\d{4,5}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ArxivIdPattern();

    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf)/(?<yy>\d{2})(?<mm>\d{2})\.\d{4,5}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ArxivUrlPattern();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex YearPattern();

    /// <summary>
    /// The days and month before a year ("Jul. 2025", "July 12, 2025", "12–15 July 2025"): a date, not part of the
    /// venue's name. The month must be followed by the year, so "Conf. Dec. Control 2019" keeps its "Dec.".
    /// </summary>
    [GeneratedRegex(@"\b(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?" + DateNotation.Month + @"(?:\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?\s*,?\s*(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:co-?located\s+with|in\s+conjunction\s+with|held\s+(?:with|at)|affiliated\s+with|@)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ParentMarkerPattern();

    [GeneratedRegex(@"[A-Za-z]\s?['’‘](?<yy>\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ShortYearPattern();

    [GeneratedRegex(@"\b(?:awards?|best\s+\w*\s*paper|honou?rable\s+mention|oral|spotlight|outstanding|nominee|finalist)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AwardPattern();

    [GeneratedRegex(@"\bworkshops?\b|-W\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WorkshopPattern();

    /// <summary>The year of an arXiv identifier in an URL (<c>arxiv.org/abs/2408.12588</c> → 2024), or null.</summary>
    public static int? ArxivYearFromUrl(string url)
    {
        var match = ArxivUrlPattern().Match(url);
        return match.Success ? 2000 + int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Reads one notation; null when it names neither a known venue nor a year.</summary>
    public static VenueReading? Parse(string raw, VenueCatalog venues) => Read(raw, venues, field: false);

    /// <summary>
    /// Reads a field known to hold a venue (a BibTeX <c>booktitle</c> or <c>journal</c>, a JSON Resume
    /// <c>publisher</c>): the whole text is the name, never split into awards, and a venue outside the catalog
    /// is kept, cleaned (<see cref="VenueName"/>), with or without a year. Null only for an empty field.
    /// </summary>
    public static VenueReading? ReadField(string raw, VenueCatalog venues) =>
        Read(raw.Length > MaxNotation ? raw[..MaxNotation] : raw, venues, field: true);

    private const int MaxNotation = 200;

    /// <summary>Two-digit years below this are read as 20yy, the others as 19yy.</summary>
    private const int ShortYearPivot = 60;

    private static VenueReading? Read(string raw, VenueCatalog venues, bool field)
    {
        var text = raw.Replace("**", " ", StringComparison.Ordinal).Trim().Trim('[', ']', '(', ')', '|', ' ', '*', '.');
        if (text.Length == 0 || text.Length > MaxNotation)
        {
            return null;
        }

        var arxiv = ArxivIdPattern().Match(text);
        if (arxiv.Success)
        {
            var year = 2000 + int.Parse(arxiv.Groups["yy"].Value, CultureInfo.InvariantCulture);
            return new VenueReading(venues.Find("arXiv")?.Name ?? "arXiv", year, PublicationKind.Preprint, [], true);
        }

        var awards = new List<string>();
        var rest = new List<string>();
        foreach (var part in field ? [text] : SplitTopLevel(text))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!field && AwardPattern().IsMatch(trimmed))
            {
                awards.Add(trimmed);
            }
            else if (!field && PublicationFeatures.IsStatus(trimmed) && Lookup(trimmed, venues) is null)
            {
                // "submitted for publication", "under review": where the paper stands, not where it appeared.
                continue;
            }
            else
            {
                rest.Add(trimmed);
            }
        }

        var remaining = string.Join(field ? ", " : " ", rest);
        var foundYear = YearIn(remaining);
        if (foundYear is null)
        {
            // "AAAI 2023 Distinguished Paper Award" keeps the year inside the award part.
            foreach (var award in awards)
            {
                foundYear = YearIn(award) ?? foundYear;
            }
        }

        var name = YearPattern().Replace(DatePattern().Replace(remaining, "${year}"), " ").Trim().Trim(',', ';', ':', '-', '.', ' ', '\'', '’');
        if (name.Length == 0)
        {
            return foundYear is null && awards.Count == 0 ? null : new VenueReading(null, foundYear, PublicationKind.Unknown, awards, false);
        }

        var info = Lookup(name, venues);
        if (info is not null && WorkshopPattern().IsMatch(name) && !string.Equals(info.Kind, "workshop", StringComparison.OrdinalIgnoreCase))
        {
            var workshop = venues.Find(info.Name + " Workshops");
            return new VenueReading(workshop?.Name ?? info.Name + " Workshops", foundYear, PublicationKind.Workshop, awards, true);
        }

        if (info is not null)
        {
            return new VenueReading(info.Name, foundYear, KindOf(info), awards, true);
        }

        var display = VenueName.Display(name);
        if (!field && (foundYear is null || display.Length > 80))
        {
            return null;
        }

        var kind = WorkshopPattern().IsMatch(name) ? PublicationKind.Workshop
            : VenueName.IsJournalName(display) ? PublicationKind.Journal
            : PublicationKind.Unknown;
        return new VenueReading(display, foundYear, kind, awards, false);
    }

    /// <summary>The last four-digit year, else a two-digit one after an apostrophe (<c>PPoPP'19</c>, <c>ICDE '21</c>).</summary>
    internal static int? YearIn(string text)
    {
        var years = YearPattern().Matches(text);
        if (years.Count > 0)
        {
            return int.Parse(years[^1].Value, CultureInfo.InvariantCulture);
        }

        var shortYear = ShortYearPattern().Match(text);
        if (!shortYear.Success)
        {
            return null;
        }

        // Publication lists reach back decades, not a century: "'19" is 2019, "'98" is 1998.
        var yy = int.Parse(shortYear.Groups["yy"].Value, CultureInfo.InvariantCulture);
        return yy < ShortYearPivot ? 2000 + yy : 1900 + yy;
    }

    /// <summary>
    /// The catalog venue a name means: the name itself, then its cleaned form ("Proceedings of the 36th …"),
    /// the acronym it states in parentheses, and last a catalog venue named inside it.
    /// </summary>
    private static VenueInfo? Lookup(string name, VenueCatalog venues)
    {
        if (venues.Find(name) is { } direct)
        {
            return direct;
        }

        var cleaned = VenueName.Clean(name);
        if (cleaned.Length > 0 && venues.Find(cleaned) is { } clean)
        {
            return clean;
        }

        if (VenueName.Acronym(name) is { } acronym && venues.Find(acronym) is { } abbreviated)
        {
            return abbreviated;
        }

        // A workshop names the conference it sits beside: "Workshop on Live Programming (co-located with SPLASH)".
        var parent = ParentMarkerPattern().Match(name);
        if (parent.Success && FirstIn(name[(parent.Index + parent.Length)..], venues) is { } host)
        {
            return host;
        }

        return FirstIn(name, venues);
    }

    public static PublicationKind KindOf(VenueInfo info) => info.Kind?.ToLowerInvariant() switch
    {
        "journal" => PublicationKind.Journal,
        "workshop" => PublicationKind.Workshop,
        "preprint" => PublicationKind.Preprint,
        _ => PublicationKind.Conference,
    };

    private static VenueInfo? FirstIn(string text, VenueCatalog venues)
    {
        var found = venues.FindIn(text);
        return found.Count > 0 ? venues.Find(found[0]) : null;
    }

    /// <summary>Splits on commas and semicolons outside parentheses ("Award (0.1%), AAAI 2023").</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' or ';' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }
}
