using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// An entry of a publication list that ends in a venue the catalog knows, its title in plain text: "Title (CVPR 2024)",
/// "Title. CVPR 2024.", "Title — NeurIPS 2023", "Title [ICLR 2025] [pdf]", a table row, with the authors before the
/// title as dblp writes them ("A. Author, B. Author: Title. CVPR 2024: 1-10") or after it ("Title. A. Author, B.
/// Author. CVPR 2024.") or not at all. <see cref="Read"/> is for entries under a publications heading, where an entry is
/// a publication (elsewhere "Area chair for the program committee, NeurIPS 2023" reads the same way and is not one);
/// <see cref="ReadDblpCitation"/>, dblp's citation text alone, for any section.
/// </summary>
internal static class TitleThenVenue
{
    private static readonly string[] Separators = [" (", " [", ". ", ", ", " – ", " — ", " - ", ": "];

    /// <summary>How a sentence opens when it names the venue rather than continuing the title.</summary>
    private static readonly string[] VenueOpenings = ["In ", "in ", "Proceedings of", "Proc. ", "Accepted at", "accepted at", "To appear in", "to appear in"];

    /// <summary>Sentence ends tried as the end of a title followed by its authors: enough for any title, bounded for a hostile entry.</summary>
    private const int TitleEndsTried = 8;

    /// <summary>
    /// dblp's citation text alone ("A. Author, B. Author: Title. CVPR 2024: 1-10"), which names its people and a catalog
    /// venue plainly enough to be read in any section (a dblp page heads its lists with years, "2020 – today").
    /// </summary>
    public static Publication? ReadDblpCitation(string text, string? owner, VenueCatalog venues) =>
        text.Length > 2_000 ? null : ReadDblp(Plain(text), owner, venues);

    public static Publication? Read(string text, string? owner, VenueCatalog venues, IReadOnlySet<string> linkLabels)
    {
        if (text.Length > 2_000)
        {
            return null;
        }

        var plain = WithoutLinkLabels(Plain(text), linkLabels);
        if (plain.Length is < 15 or > 500)
        {
            return null;
        }

        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return ReadRow(text.Split('\t'), owner, venues);
        }

        if (PublicationNotation.CountOf(text, " | ") >= 2)
        {
            return ReadRow(text.Split(" | "), owner, venues);
        }

        if (ReadDblp(plain, owner, venues) is { } dblp)
        {
            return dblp;
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
            if (Publication(title, authors, owner, venue, venue.Year, tail) is { } publication)
            {
                return publication;
            }
        }

        return null;
    }

    /// <summary>
    /// A table row of a publication list, cells apart by tabs or " | " ("2022 | Diffusion Models for Long Videos | NeurIPS"): the
    /// cell that is a catalog venue, a year, the cell that names people, and the longest other cell as the title.
    /// </summary>
    private static Publication? ReadRow(string[] row, string? owner, VenueCatalog venues)
    {
        var cells = row.Select(c => MarkupText.ToPlain(c).Trim(' ', '|')).Where(c => c.Length > 0).ToList();
        if (cells.Count is < 2 or > 12)
        {
            return null;
        }

        VenueReading? venue = null;
        string? raw = null;
        int? year = null;
        IReadOnlyList<string> authors = [];
        var rest = new List<string>();
        foreach (var cell in cells)
        {
            if (cell.Length == 4 && int.TryParse(cell, out var number) && number is >= 1950 and <= 2100)
            {
                year = number;
            }
            else if (venue is null && VenueNotation.Parse(PublicationFeatures.WithoutPrefix(cell), venues) is { Known: true } known)
            {
                (venue, raw) = (known, cell);
            }
            else if (authors.Count == 0 && People(cell, owner) is { } people)
            {
                authors = people;
            }
            else
            {
                rest.Add(cell);
            }
        }

        return venue is null || raw is null || rest.Count == 0 ? null : Publication(rest.MaxBy(c => c.Length)!, authors, owner, venue, venue.Year ?? year, raw);
    }

    /// <summary>
    /// dblp's citation text: "Ana Lind, Gil Grain: Motion Fields for Animation. IEEE Trans. Pattern Anal. Mach. Intell.
    /// 45(3): 1-12 (2023)" or "…: Title. CVPR 2024: 100-110" — the title ends at its first sentence end, and the venue
    /// comes before the volume, the pages and the year in brackets.
    /// </summary>
    private static Publication? ReadDblp(string plain, string? owner, VenueCatalog venues)
    {
        if (plain.Length is < 15 or > 500)
        {
            return null;
        }

        var colon = plain.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || People(plain[..colon], owner) is not { } authors)
        {
            return null;
        }

        var end = plain.IndexOfAny(['.', '?', '!'], colon + 2);
        if (end < 0 || end + 2 >= plain.Length || plain[end + 1] != ' ')
        {
            return null;
        }

        var venueText = plain[(end + 2)..].Trim();
        int? year = null;
        if (venueText.Length > 7 && venueText.EndsWith(')') && venueText[^6] == '(' && int.TryParse(venueText.AsSpan(venueText.Length - 5, 4), out var bracketed))
        {
            year = bracketed;
            venueText = venueText[..^6].TrimEnd();
        }

        var pages = venueText.LastIndexOf(": ", StringComparison.Ordinal);
        if (pages > 0)
        {
            venueText = venueText[..pages];
        }

        venueText = VenueName.WithoutVolume(venueText);

        var title = plain[(colon + 2)..(plain[end] == '.' ? end : end + 1)];
        return VenueNotation.Parse(venueText, venues) is { Known: true } venue
            ? Publication(title, authors, owner, venue, venue.Year ?? year, venueText)
            : null;
    }

    private static Publication? Publication(string title, IReadOnlyList<string> authors, string? owner, VenueReading venue, int? year, string raw)
    {
        title = PublicationFeatures.Clean(title);
        if (title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3
            || PublicationFeatures.HasInitials(title)
            || AuthorList.Parse(title, 1) is not null
            || HoldsVenueSentence(title))
        {
            return null;
        }

        var position = AuthorList.PositionOf(owner, authors);
        return new Publication
        {
            Title = title,
            Authors = authors,
            Venue = venue.Venue,
            VenueRaw = raw,
            Year = year,
            Kind = venue.Kind,
            AuthorPosition = position,
            FirstAuthor = position == 1,
        };
    }

    private static string Plain(string text) =>
        string.Join(' ', MarkupText.ToPlain(text).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');

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

        // "Title. A. Author, B. Author" or "Title, A. Author, B. Author": the first sentence end or comma after which
        // the rest names people.
        var ends = Positions(head, ". ").Concat(Positions(head, ", ")).Order().Take(TitleEndsTried);
        foreach (var end in ends)
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
