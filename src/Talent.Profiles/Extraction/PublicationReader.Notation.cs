using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// One entry read by its notation: a bracketed venue before it, its title (bold, or the first line), a venue in bold or
/// italics, "|" segments with the owner's author position, an arXiv identifier; then its authors.
/// </summary>
internal sealed partial class PublicationReader
{
    [GeneratedRegex(@"^\[(?<v>[^\[\]]{2,60})\]\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingBracketPattern();

    [GeneratedRegex(@"\b(?<which>co-first|first|second|third|fourth|fifth|last|corresponding)\s+author\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AuthorRolePattern();

    /// <summary>The parts of an entry as they are told apart: its text (a leading venue taken off), title, rest and venue.</summary>
    private sealed class EntryParts(string text)
    {
        public string Text { get; set; } = text;

        public string Title { get; set; } = string.Empty;

        public string Rest { get; set; } = string.Empty;

        public VenueReading? Venue { get; set; }

        public string? VenueRaw { get; set; }

        public int? Position { get; set; }

        public bool FirstAuthorNoted { get; set; }
    }

    private EntryDraft? ReadEntry(List<MarkupLine> entry, string? person)
    {
        var text = PublicationNotation.WithoutNumber(string.Join(' ', entry.Select(l => l.Text)).Trim());
        var plain = MarkupText.ToPlain(text);
        if (!PublicationNotation.LooksLikeTitleThenRest(text) && AuthorList.Parse(plain) is { } onlyAuthors)
        {
            return new EntryDraft(new Publication { Title = plain }, true, AuthorList.Parse(text.Replace("**", string.Empty, StringComparison.Ordinal)) ?? onlyAuthors, text);
        }

        var parts = new EntryParts(text);
        var leading = ReadLeadingVenue(parts);
        SplitTitle(parts, entry, leading);
        if (MarkupText.ToPlain(parts.Title).TrimEnd().EndsWith(':'))
        {
            return null; // "**Principal Lecturers:** A. Smith, B. Jones": a label and its names, not a title and authors
        }

        if (parts.Venue is null)
        {
            ReadBoldVenue(parts);
        }

        if (parts.Venue is null)
        {
            ReadItalicVenue(parts);
        }

        if (parts.Rest.Contains('|', StringComparison.Ordinal))
        {
            ReadSegments(parts);
        }

        ReadArxiv(parts, entry);
        if (parts.Venue is null && !parts.Text.Contains("**", StringComparison.Ordinal) && Citation.Read(plain, catalogs.Venues) is { } citation)
        {
            // "A. Author, B. Author. Title. In Proceedings of the ... Conference on ..., 2023.": authors, title and venue by position.
            parts.Title = citation.Title;
            parts.Rest = citation.Authors;
            parts.Venue = citation.Venue;
            parts.VenueRaw = citation.VenueRaw;
        }

        return Draft(parts, person);
    }

    /// <summary>"[ICLR 2025] Title ...": a bracketed venue before the entry.</summary>
    private Match ReadLeadingVenue(EntryParts parts)
    {
        var leading = LeadingBracketPattern().Match(parts.Text);
        if (leading.Success && VenueNotation.Parse(leading.Groups["v"].Value, catalogs.Venues) is { } bracket && (bracket.Known || bracket.Year is not null))
        {
            parts.Venue = bracket;
            parts.VenueRaw = leading.Value.Trim();
            parts.Text = parts.Text[leading.Length..];
        }

        return leading;
    }

    /// <summary>The title: in bold at the start, before an unpaired bold marker, or the first line (up to a "|").</summary>
    private static void SplitTitle(EntryParts parts, List<MarkupLine> entry, Match leading)
    {
        var text = parts.Text;
        var bold = text.IndexOf("**", StringComparison.Ordinal);
        if (text.StartsWith("**", StringComparison.Ordinal) && text.IndexOf("**", 2, StringComparison.Ordinal) is var close and > 2
            && !OpensAuthorList(text[2..close], text[(close + 2)..]))
        {
            parts.Title = text[2..close];
            parts.Rest = text[(close + 2)..];
        }
        else if (bold > 0 && PublicationNotation.CountOf(text, "**") % 2 == 1)
        {
            parts.Title = text[..bold];
            parts.Rest = text[(bold + 2)..];
        }
        else
        {
            var firstLine = entry[0].Text;
            if (leading.Success && parts.VenueRaw is not null && firstLine.StartsWith(leading.Value, StringComparison.Ordinal))
            {
                firstLine = firstLine[leading.Length..];
            }

            var pipe = firstLine.IndexOf('|', StringComparison.Ordinal);
            parts.Title = pipe > 0 ? firstLine[..pipe] : firstLine;
            parts.Rest = string.Join(' ', entry.Skip(1).Select(l => l.Text)) + (pipe > 0 ? " " + firstLine[pipe..] : string.Empty);
            if (pipe < 0 && entry.Count == 1 && AuthorsAfterTitle(parts.Title) is { } stop)
            {
                // "[ICLR 2025] Title. Ada Lovelace, Alan Turing.": the title, then its authors, on one line.
                parts.Rest = parts.Title[(stop + 1)..];
                parts.Title = parts.Title[..stop];
            }
        }
    }

    /// <summary>Where a title ends that the line's last sentence, an author list of two or more, follows ("Title. A. Lovelace, A. Turing.").</summary>
    private static int? AuthorsAfterTitle(string line)
    {
        var trimmed = line.TrimEnd(' ', '.');
        var stop = trimmed.LastIndexOf(". ", StringComparison.Ordinal);
        return stop > 10 && AuthorList.Parse(MarkupText.ToPlain(trimmed[(stop + 2)..]).Trim(), 2) is not null ? stop : null;
    }

    /// <summary>
    /// "**Katabuchi M,** Kitajima K, …": a leading bold run that is a name and goes on with a comma is the first author
    /// (people bold their own name), not a bold title.
    /// </summary>
    private static bool OpensAuthorList(string run, string after) =>
        (run.TrimEnd().EndsWith(',') || after.TrimStart().StartsWith(','))
        && run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4
        && AuthorList.Parse(MarkupText.ToPlain(run).Trim(' ', ',', '.', '*'), 1) is not null;

    /// <summary>A venue in bold after the title ("**CVPR 2022**"); the last one wins.</summary>
    private void ReadBoldVenue(EntryParts parts)
    {
        foreach (Match m in BoldPattern().Matches(parts.Rest))
        {
            if (VenueNotation.Parse(m.Groups["b"].Value, catalogs.Venues) is { } reading && (reading.Known || reading.Year is not null))
            {
                parts.Venue = reading;
                parts.VenueRaw = m.Groups["b"].Value.Trim();
            }
        }
    }

    /// <summary>LaTeX sources put the venue in italics: "\textbf{Title}. Authors. \textit{CVPR 2022}."</summary>
    private void ReadItalicVenue(EntryParts parts)
    {
        foreach (var (index, italic) in MarkupText.ItalicSpans(parts.Rest))
        {
            if (VenueNotation.Parse(italic, catalogs.Venues) is { Known: true } reading)
            {
                // "*In Proceedings of CVPR*, 2024": the year just after the venue's emphasis is its year.
                var after = parts.Rest[(index + italic.Length + 2)..];
                var yearAfter = after.Length > 0 && after[0] is ',' or ' ' && VenueNotation.YearIn(after[..Math.Min(after.Length, 8)]) is { } year ? year : (int?)null;
                parts.Venue = reading.Year is null && yearAfter is not null ? reading with { Year = yearAfter } : reading;
                parts.VenueRaw = italic.Trim();
                parts.Rest = parts.Rest[..index];
                break;
            }
        }
    }

    /// <summary>"Title | Authors | CVPR 2022 | first author": a venue and the owner's author position among the segments.</summary>
    private void ReadSegments(EntryParts parts)
    {
        foreach (var segment in parts.Rest.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (parts.Venue is null && VenueNotation.Parse(segment, catalogs.Venues) is { Known: true } reading)
            {
                parts.Venue = reading;
                parts.VenueRaw = segment;
            }

            var role = AuthorRolePattern().Match(segment);
            if (role.Success)
            {
                (parts.Position, parts.FirstAuthorNoted) = role.Groups["which"].Value.ToLowerInvariant() switch
                {
                    "first" => (1, true),
                    "co-first" => ((int?)null, true),
                    "second" => (2, false),
                    "third" => (3, false),
                    "fourth" => (4, false),
                    "fifth" => (5, false),
                    _ => ((int?)null, false),
                };
            }
        }

        parts.Rest = parts.Rest[..parts.Rest.IndexOf('|', StringComparison.Ordinal)];
    }

    /// <summary>"arXiv:2408.12588" after the authors: a preprint, its year from the identifier of a link when not written.</summary>
    private void ReadArxiv(EntryParts parts, List<MarkupLine> entry)
    {
        var rest = parts.Rest;
        if (parts.Venue is null && VenueNotation.Parse(rest, catalogs.Venues) is { Known: true, Venue: "arXiv" } arxiv && rest.Contains("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            parts.Venue = arxiv;
            var at = rest.IndexOf("arXiv:", StringComparison.OrdinalIgnoreCase);
            parts.VenueRaw = rest[at..].Trim();
            parts.Rest = rest[..at];
        }

        if (parts.Venue is { Year: null, Venue: "arXiv" } preprint)
        {
            var year = entry.SelectMany(l => l.Links).Select(l => VenueNotation.ArxivYearFromUrl(l.Url)).FirstOrDefault(y => y is not null);
            parts.Venue = preprint with { Year = year };
        }
    }

    private static bool IsOwner(string text, string? person) =>
        person is not null && AuthorList.CleanName(text) is { Length: > 0 } name && AuthorList.PositionOf(person, [name]) == 1;

    private static EntryDraft Draft(EntryParts parts, string? person)
    {
        // Bold runs are a title's or a venue's, but for the owner's name set in bold in the author list ("**Ada Lovelace**, Alan Turing").
        var authorText = BoldPattern().Replace(parts.Rest, m => IsOwner(m.Groups["b"].Value, person) ? m.Groups["b"].Value : " ");
        var rawAuthors = AuthorList.Parse(authorText, parts.Venue is null ? 2 : 1) ?? [];
        var venue = parts.Venue;
        var publication = new Publication
        {
            Title = PublicationNotation.CleanTitle(parts.Title),
            Venue = venue?.Venue,
            VenueRaw = parts.VenueRaw,
            Year = venue?.Year,
            Kind = venue?.Kind ?? PublicationKind.Unknown,
            Awards = venue?.Awards ?? [],
        };
        publication = PublicationNotation.WithAuthors(publication, rawAuthors, person, authorText);
        if (parts.Position is not null || parts.FirstAuthorNoted)
        {
            publication = publication with { AuthorPosition = publication.AuthorPosition ?? parts.Position, FirstAuthor = publication.FirstAuthor || parts.FirstAuthorNoted };
        }

        return new EntryDraft(publication, false, rawAuthors);
    }
}
