using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The row of links a publication entry ends with ("[Paper](…) | [arXiv](…) | [BibTeX](…)"): they point at versions of
/// the paper and its files, so a label there that names a venue ("arXiv") is where a copy is, not where the paper appeared
/// when the entry's own text names a venue ("*Optimization and Learning, Springer, 2025*").
/// </summary>
internal static class LinksRow
{
    /// <summary>
    /// A line of two or more "|"-separated parts, each of them the label of one of the line's links or made only of words
    /// of <paramref name="linkLabels"/> ("Paper Link | arXiv | BibTeX" copied from a page without its addresses).
    /// </summary>
    public static bool Is(MarkupLine line, IReadOnlySet<string> linkLabels)
    {
        if (!line.Plain.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        var labels = line.Links.Where(l => !l.IsImage && l.Label is not null).Select(l => l.Label!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parts = line.Plain.Split('|', StringSplitOptions.TrimEntries);
        return parts.Length >= 2 && parts.All(p => labels.Contains(p) || IsLabelWords(p, linkLabels));
    }

    private static bool IsLabelWords(string part, IReadOnlySet<string> linkLabels)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 3 && words.All(w => linkLabels.Contains(w.Trim('[', ']', '(', ')').ToLowerInvariant()));
    }

    /// <summary>
    /// The first part of the row that names a catalog venue, with the year of its link when that is an arXiv address
    /// (the year is the entry's own otherwise).
    /// </summary>
    public static VenueReading? Venue(MarkupLine row, VenueCatalog venues)
    {
        foreach (var part in row.Plain.Split('|', StringSplitOptions.TrimEntries))
        {
            if (VenueNotation.Parse(part, venues) is { Known: true } named)
            {
                var link = row.Links.FirstOrDefault(l => string.Equals(l.Label?.Trim(), part, StringComparison.OrdinalIgnoreCase));
                return named with { Year = named.Year ?? (link is null ? null : VenueNotation.ArxivYearFromUrl(link.Url)) };
            }
        }

        return null;
    }
}
