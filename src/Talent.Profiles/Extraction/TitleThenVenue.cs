using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// An entry of a publication list that ends in a venue the catalog knows, its title in plain text: "Title (CVPR 2024)",
/// "Title. CVPR 2024.", "Title — NeurIPS 2023", "Title [ICLR 2025] [pdf]", with the authors before the title as dblp
/// writes them ("A. Author, B. Author: Title. CVPR 2024: 1-10") or after it ("Title. A. Author, B. Author. CVPR 2024.")
/// or not at all. Read only under a publications heading, where an entry is a publication; elsewhere "Area chair for the
/// program committee, NeurIPS 2023" reads the same way and is not one.
/// </summary>
internal static class TitleThenVenue
{
    private static readonly string[] Separators = [" (", " [", ". ", ", ", " – ", " — ", " - ", ": "];

    /// <summary>How a sentence opens when it names the venue rather than continuing the title.</summary>
    private static readonly string[] VenueOpenings = ["In ", "in ", "Proceedings of", "Proc. ", "Accepted at", "accepted at", "To appear in", "to appear in"];

    /// <summary>Sentence ends tried as the end of a title followed by its authors: enough for any title, bounded for a hostile entry.</summary>
    private const int TitleEndsTried = 8;

    public static Publication? Read(string text, string? owner, VenueCatalog venues, IReadOnlySet<string> linkLabels)
    {
        if (text.Length > 2_000)
        {
            return null;
        }

        var plain = WithoutLinkLabels(string.Join(' ', MarkupText.ToPlain(text).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' '), linkLabels);
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
            var tail = plain[(cut + length)..].TrimEnd(')', ']', ' ', '.');
            if (VenueNotation.Parse(PublicationFeatures.WithoutPrefix(tail), venues) is not { Known: true } venue)
            {
                continue;
            }

            var (authors, title) = SplitAuthors(plain[..cut], owner);
            title = PublicationFeatures.Clean(title);
            if (title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3
                && !PublicationFeatures.HasInitials(title)
                && AuthorList.Parse(title, 1) is null
                && !HoldsVenueSentence(title))
            {
                var position = AuthorList.PositionOf(owner, authors);
                return new Publication
                {
                    Title = title,
                    Authors = authors,
                    Venue = venue.Venue,
                    VenueRaw = tail,
                    Year = venue.Year,
                    Kind = venue.Kind,
                    AuthorPosition = position,
                    FirstAuthor = position == 1,
                };
            }
        }

        return null;
    }

    /// <summary>
    /// The authors and the title of what comes before the venue: "Authors: Title" (dblp), "Title. Authors", or the title
    /// alone. A run counts as authors when it names two people or the owner ("Deep Nets: A Study" names nobody).
    /// </summary>
    private static (IReadOnlyList<string> Authors, string Title) SplitAuthors(string head, string? owner)
    {
        var colon = head.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && People(head[..colon], owner) is { } before)
        {
            return (before, head[(colon + 2)..]);
        }

        foreach (var end in Positions(head, ". ").Take(TitleEndsTried))
        {
            if (People(head[(end + 2)..], owner) is { } after)
            {
                return (after, head[..end]);
            }
        }

        return ([], head);
    }

    private static IReadOnlyList<string>? People(string text, string? owner) =>
        AuthorList.Parse(text.Trim(' ', '.', ','), 1) is { } names && (names.Count >= 2 || AuthorList.PositionOf(owner, names) == 1) ? names : null;

    /// <summary>"Title [CVPR 2024] [pdf] [code]": the trailing link labels go, the bracketed venue stays.</summary>
    private static string WithoutLinkLabels(string text, IReadOnlySet<string> linkLabels)
    {
        while (text.EndsWith(']') && text.LastIndexOf(" [", StringComparison.Ordinal) is var open and > 0
            && linkLabels.Contains(text[(open + 2)..^1].Trim().ToLowerInvariant()))
        {
            text = text[..open].TrimEnd();
        }

        return text;
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
