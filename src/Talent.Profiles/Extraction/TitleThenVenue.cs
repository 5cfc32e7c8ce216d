using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// An entry of a publication list that names no authors and ends in a venue the catalog knows: "Title (CVPR 2024)",
/// "Title. CVPR 2024.", "Title, NeurIPS 2023". Read only under a publications heading, where an entry is a publication;
/// elsewhere "Area chair for the program committee, NeurIPS 2023" reads the same way and is not one.
/// </summary>
internal static class TitleThenVenue
{
    private static readonly string[] Separators = [" (", ". ", ", ", " – ", " - ", ": "];

    /// <summary>How a sentence opens when it names the venue rather than continuing the title.</summary>
    private static readonly string[] VenueOpenings = ["In ", "in ", "Proceedings of", "Proc. ", "Accepted at", "accepted at", "To appear in", "to appear in"];

    public static Publication? Read(string text, VenueCatalog venues)
    {
        if (text.Length > 2_000)
        {
            return null;
        }

        var plain = string.Join(' ', MarkupText.ToPlain(text).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
        if (plain.Length is < 15 or > 500)
        {
            return null;
        }

        // One of the last few separators splits the venue off ("Title. In CVPR, 2024": the last but one).
        var cuts = Separators
            .SelectMany(s => Positions(plain, s).Select(at => (At: at, s.Length)))
            .OrderByDescending(c => c.At)
            .Take(3);
        foreach (var (cut, length) in cuts)
        {
            var tail = plain[(cut + length)..].TrimEnd(')', ' ', '.');
            var title = PublicationFeatures.Clean(plain[..cut]);
            if (VenueNotation.Parse(PublicationFeatures.WithoutPrefix(tail), venues) is { Known: true } venue
                && title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3
                && !PublicationFeatures.HasInitials(title)
                && AuthorList.Parse(title, 1) is null
                && !HoldsVenueSentence(title))
            {
                return new Publication { Title = title, Venue = venue.Venue, VenueRaw = tail, Year = venue.Year, Kind = venue.Kind };
            }
        }

        return null;
    }

    /// <summary>"Title. Proceedings of the …": a sentence of the title that opens as a venue does ("In", "Proceedings of") is the venue's.</summary>
    private static bool HoldsVenueSentence(string title) =>
        Positions(title, ". ").Any(at => VenueOpenings.Any(o => string.CompareOrdinal(title, at + 2, o, 0, o.Length) == 0));

    private static IEnumerable<int> Positions(string text, string separator)
    {
        for (var at = text.IndexOf(separator, StringComparison.Ordinal); at > 0; at = text.IndexOf(separator, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
