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
    [GeneratedRegex(@"arXiv\s*:?\s*(?<yy>\d{2})(?<mm>\d{2})\.\d{4,5}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArxivIdPattern();

    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf)/(?<yy>\d{2})(?<mm>\d{2})\.\d{4,5}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArxivUrlPattern();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b(?:awards?|best\s+\w*\s*paper|honou?rable\s+mention|oral|spotlight|outstanding|nominee|finalist)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AwardPattern();

    [GeneratedRegex(@"\bworkshops?\b|-W\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WorkshopPattern();

    /// <summary>The year of an arXiv identifier in an URL (<c>arxiv.org/abs/2408.12588</c> → 2024), or null.</summary>
    public static int? ArxivYearFromUrl(string url)
    {
        var match = ArxivUrlPattern().Match(url);
        return match.Success ? 2000 + int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Reads one notation; null when it names neither a known venue nor a year.</summary>
    public static VenueReading? Parse(string raw, VenueCatalog venues)
    {
        var text = raw.Replace("**", " ", StringComparison.Ordinal).Trim().Trim('[', ']', '(', ')', '|', ' ', '*', '.');
        if (text.Length == 0 || text.Length > 200)
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
        foreach (var part in SplitTopLevel(text))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (AwardPattern().IsMatch(trimmed))
            {
                awards.Add(trimmed);
            }
            else
            {
                rest.Add(trimmed);
            }
        }

        var remaining = string.Join(' ', rest);
        int? foundYear = null;
        var years = YearPattern().Matches(remaining);
        if (years.Count > 0)
        {
            foundYear = int.Parse(years[^1].Value, CultureInfo.InvariantCulture);
            remaining = YearPattern().Replace(remaining, " ");
        }
        else
        {
            // "AAAI 2023 Distinguished Paper Award" keeps the year inside the award part.
            foreach (var award in awards)
            {
                var inAward = YearPattern().Matches(award);
                if (inAward.Count > 0)
                {
                    foundYear = int.Parse(inAward[^1].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        var name = remaining.Trim().Trim(',', ';', ':', '-', '.', ' ', '\'', '’');
        if (name.Length == 0)
        {
            return foundYear is null && awards.Count == 0 ? null : new VenueReading(null, foundYear, PublicationKind.Unknown, awards, false);
        }

        var info = venues.Find(name) ?? FirstIn(name, venues);
        if (info is not null && WorkshopPattern().IsMatch(name) && !string.Equals(info.Kind, "workshop", StringComparison.OrdinalIgnoreCase))
        {
            var workshop = venues.Find(info.Name + " Workshops");
            return workshop is not null
                ? new VenueReading(workshop.Name, foundYear, PublicationKind.Workshop, awards, true)
                : new VenueReading(info.Name + " Workshops", foundYear, PublicationKind.Workshop, awards, true);
        }

        if (info is not null)
        {
            return new VenueReading(info.Name, foundYear, KindOf(info), awards, true);
        }

        if (foundYear is null || name.Length > 80)
        {
            return null;
        }

        return new VenueReading(name, foundYear, WorkshopPattern().IsMatch(name) ? PublicationKind.Workshop : PublicationKind.Unknown, awards, false);
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
