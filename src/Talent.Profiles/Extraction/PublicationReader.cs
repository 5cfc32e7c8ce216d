using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads the publications of a section: its entries (<see cref="PublicationEntries"/>, list items, paragraphs or table
/// rows) each read by its notation (bold title, bracketed or emphasised
/// venue, "|" segments, an arXiv identifier, a citation), then by its features when that left a venue or year unread.
/// </summary>
internal sealed partial class PublicationReader(ProfileCatalogs catalogs)
{
    [GeneratedRegex(@"\*\*(?<b>[^*]{1,200})\*\*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex BoldPattern();

    /// <summary>The publications of a section; the lines of each entry read are added to <paramref name="consumed"/>.</summary>
    public List<Publication> Read(Section section, string? person, HashSet<int> consumed)
    {
        if (section.Lines.Any(l => ScholarEntries.IsScholarDate(l.Plain)))
        {
            return ScholarEntries.Read(section.Lines, person, consumed, catalogs.Venues);
        }

        var entries = PublicationEntries.Group(section);
        var drafts = entries.Select(e => DraftOf(e, person, section.Kind == SectionKind.Publications)).ToList();
        return Collect(entries, drafts, person, consumed, needsVenue: section.Kind == SectionKind.Other);
    }

    /// <summary>
    /// An entry's draft: read by its notation, then by its features, or by its lines when they are a plain title, authors
    /// and venue (<see cref="ReadTitleAuthorsLines"/>). An entry whose first line is a venue's badge alone ("ICLR" over
    /// the title, authors and venue lines, as homepage templates set it) is read without it, the badge its venue when the
    /// rest names none; so is an entry whose last line is a row of links (<see cref="LinksRow"/>).
    /// </summary>
    private EntryDraft? DraftOf(List<MarkupLine> entry, string? person, bool inPublications)
    {
        if (entry.Count >= 3 && entry[0].Plain.Length <= 12 && !entry[0].Plain.Contains(' ', StringComparison.Ordinal)
            && VenueNotation.Parse(entry[0].Plain, catalogs.Venues) is { Known: true } badge)
        {
            var rest = entry.Skip(1).ToList();
            var read = ReadByFeatures(ReadEntry(rest, person), rest, person, inPublications);
            return read is null || read.Publication.Venue is not null ? read
                : read with { Publication = read.Publication with { Venue = badge.Venue, Kind = badge.Kind, Year = read.Publication.Year ?? badge.Year } };
        }

        if (entry.Count >= 2 && LinksRow.Is(entry[^1], catalogs.Vocabulary.LinkLabels) && ReadLines(entry[..^1], person, inPublications) is { } withoutRow)
        {
            // The links under an entry point at copies of the paper: its venue is the one its text names, the row's
            // ("arXiv") only when the text names none.
            return withoutRow.Publication.Venue is not null || LinksRow.Venue(entry[^1], catalogs.Venues) is not { } linked ? withoutRow
                : withoutRow with { Publication = withoutRow.Publication with { Venue = linked.Venue, Kind = linked.Kind, Year = withoutRow.Publication.Year ?? linked.Year } };
        }

        return ReadLines(entry, person, inPublications);
    }

    /// <summary>The entry read by its lines, its notation, then its features (once: a row of links is taken off only at its end).</summary>
    private EntryDraft? ReadLines(List<MarkupLine> entry, string? person, bool inPublications) =>
        (inPublications ? ReadTitleAuthorsLines(entry, person) : null) ?? ReadByFeatures(ReadEntry(entry, person), entry, person, inPublications);

    /// <summary>
    /// "Title" / "Ada Lovelace, Alan Turing" / "CVPR 2024", each on a line of its own with no markup (a plain-text CV, a
    /// converted PDF, a page without emphasis): the first line is the title when the second is an author list and the
    /// first is not; read by its features with the title so marked, the authors under it and the venue after them (null
    /// when they name no venue: the entry's notation is read as before, an arXiv identifier among it).
    /// </summary>
    private EntryDraft? ReadTitleAuthorsLines(List<MarkupLine> entry, string? person)
    {
        if (entry.Count < 3 || entry[0].Text.Contains('*', StringComparison.Ordinal) || entry[0].Text.Contains('"', StringComparison.Ordinal))
        {
            return null;
        }

        var title = entry[0].Plain.Trim().TrimEnd('.', ',');
        var authors = entry[1].Plain.Trim(' ', '.', ',');
        if (title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 || AuthorList.Parse(title, 1) is not null
            || PublicationNotation.AuthorsUnder(authors, person) is null)
        {
            return null;
        }

        var text = "**" + title + "**\n" + string.Join('\n', entry.Skip(1).Select(l => l.Text));
        var links = entry.SelectMany(l => l.Links).Where(l => !l.IsImage).ToList();
        return PublicationFeatures.Read(text, links, person, catalogs.Venues, catalogs.Vocabulary) is { Title.Length: >= 8, Venue: not null } read
            ? new EntryDraft(read, false, read.Authors)
            : null;
    }

    /// <summary>
    /// The drafts that are publications; an author line under a title without authors gives it its authors. With
    /// <paramref name="needsVenue"/> (a section of what is not published: talks, teaching, patents, service) an entry must
    /// name its venue, as a title over names there is a course or a patent; elsewhere a titled entry with its authors is a
    /// paper without a venue (a preprint, a thesis, a project's paper under "Research experience").
    /// </summary>
    private static List<Publication> Collect(List<List<MarkupLine>> entries, List<EntryDraft?> drafts, string? person, HashSet<int> consumed, bool needsVenue)
    {
        var result = new List<Publication>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft is null)
            {
                continue;
            }

            // "· Title" followed by "· Author, Author" (two bullets): the second one is the first one's authors.
            if (draft.Publication.Authors.Count == 0 && i + 1 < drafts.Count && drafts[i + 1] is { IsAuthorLine: true } next)
            {
                draft = draft with { Publication = PublicationNotation.WithAuthors(draft.Publication, next.AuthorNames, person, next.AuthorText) };
                foreach (var line in entries[i + 1])
                {
                    consumed.Add(line.Index);
                }

                drafts[i + 1] = null;
            }

            var publication = draft.Publication;
            if (draft.IsAuthorLine || publication.Title.Length < 8 || (publication.Venue is null && (publication.Authors.Count < 2 || needsVenue)))
            {
                continue;
            }

            result.Add(publication);
            foreach (var line in entries[i])
            {
                consumed.Add(line.Index);
            }
        }

        return result;
    }

    /// <summary>
    /// An entry the notation-specific reading could not give both a venue and a year is read again by its features
    /// (quoted or emphasised title, venue after it, year); the reading with more facts wins.
    /// </summary>
    private EntryDraft? ReadByFeatures(EntryDraft? draft, List<MarkupLine> entry, string? person, bool inPublications)
    {
        if (draft?.Publication is { Venue: not null, Year: not null, Title.Length: >= 8 } found)
        {
            // "Title" / "J Chorowski, A Lovelace" / "arXiv preprint arXiv:2203.01234, 2022": the authors on a line of their
            // own under the title, which the entry read as one run of text did not tell apart.
            return found.Authors.Count == 0 && entry.Count > 1
                && PublicationNotation.AuthorLineUnder(string.Join('\n', entry.Skip(1).Select(l => l.Text)), person) is { } under
                ? draft with { Publication = PublicationNotation.WithAuthors(found, under.Names, person, under.Line), AuthorNames = under.Names }
                : draft;
        }

        // dblp's citation text ("A, B:" then "Title. CVPR 2024: 1-10", on one line or two) names its people and a catalog
        // venue plainly enough to be read first, in any section (a dblp page heads its lists with years).
        var text = PublicationNotation.WithoutNumber(string.Join('\n', entry.Select(l => l.Text)).Trim());
        if (TitleThenVenue.ReadDblpCitation(text, person, catalogs.Venues) is { } cited)
        {
            return new EntryDraft(cited, false, cited.Authors);
        }

        if (draft is { IsAuthorLine: true })
        {
            return draft;
        }

        var links = entry.SelectMany(l => l.Links).Where(l => !l.IsImage).ToList();
        if (PublicationFeatures.Read(text, links, person, catalogs.Venues, catalogs.Vocabulary) is not { } read)
        {
            // "Title (CVPR 2024)", "Title. A. Author. CVPR 2024.", a table row: under a publications heading only.
            var listed = inPublications && draft is not { Publication: { Venue: not null, Title.Length: >= 8 } }
                ? TitleThenVenue.Read(text, person, catalogs.Venues, catalogs.Vocabulary.LinkLabels)
                : null;
            return listed is null ? draft : new EntryDraft(listed, false, listed.Authors);
        }

        // Outside a publications section (news, talks, attendance lists) an entry needs a venue the catalog knows.
        if (!inPublications && (read.Kind == PublicationKind.Unknown || read.Year is null))
        {
            return draft;
        }

        var better = draft is null || draft.Publication.Title.Length < 8 || (read.Venue is not null && read.Year is not null)
            || (draft.Publication.Venue is null && draft.Publication.Authors.Count < 2);
        return better ? new EntryDraft(read, false, read.Authors) : draft;
    }

    private sealed record EntryDraft(Publication Publication, bool IsAuthorLine, IReadOnlyList<string> AuthorNames, string? AuthorText = null);
}
