using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A section's lines grouped into publication entries: a bullet starts one; under a publications heading (or a "Research"
/// heading) a paragraph does too; a line after a blank line continues an entry only when it is an author list or a
/// definition (": its text" under its term, a definition list's loose form); a table's
/// rows are entries of their own and its counts are no part of them.
/// </summary>
internal static class PublicationEntries
{
    /// <summary>Publication entries read per section; real lists are far shorter, and each entry costs a few readings.</summary>
    internal const int MaxEntriesPerSection = 2_000;

    /// <summary>The section's lines grouped into entries: a bullet starts one; under a publications heading a paragraph does too.</summary>
    public static List<List<MarkupLine>> Group(Section section)
    {
        var entries = new List<List<MarkupLine>>();
        List<MarkupLine>? current = null;
        var currentHasYear = false; // kept as lines are added: asking the entry again at each line would be quadratic
        var afterBlank = false;
        foreach (var line in section.Lines)
        {
            if (line.Heading is not null || (line.IsFullyBold && !line.IsBullet))
            {
                current = null;
                continue;
            }

            if (line.IsBlank)
            {
                afterBlank = true;
                continue;
            }

            if (current is not null && !afterBlank && currentHasYear && IsCounts(line))
            {
                // A table's counts under an entry ("3456  2015": its citations and year cells) are not part of its text.
                continue;
            }

            if (line.IsBullet || (section.Kind == SectionKind.Publications && current is not null && currentHasYear && OpensWithTitleLink(line) && OpensWithTitleLink(current[0])))
            {
                // A bullet starts an entry, and so does a line that opens as the entry before did, with its title's link,
                // once that entry has its year (entries printed one under another without a space between them).
                current = [line];
                entries.Add(current);
                currentHasYear = false;
            }
            else if (current is not null && (!afterBlank || line.IsDefinition || AuthorList.Parse(PublicationReader.BoldPattern().Replace(line.Text, " ")) is not null)
                && !(section.Kind == SectionKind.Publications && IsTableRow(line) && IsTableRow(current[0])))
            {
                current.Add(line);
            }
            else if (section.Kind is SectionKind.Publications or SectionKind.Interests)
            {
                // Under a publications heading a paragraph is an entry too ("Authors (2017). Title. Journal."), and under a
                // "Research" heading, where a homepage lists its papers after its interests (a paragraph that names no venue and
                // no authors stays an interest).
                current = [line];
                entries.Add(current);
                currentHasYear = false;
            }
            else
            {
                current = null;
            }

            currentHasYear |= current is not null && VenueNotation.YearIn(line.Plain) is not null;
            afterBlank = false;
        }

        if (entries.Count > MaxEntriesPerSection)
        {
            entries.RemoveRange(MaxEntriesPerSection, entries.Count - MaxEntriesPerSection);
        }

        return entries;
    }

    /// <summary>A line that opens with a link of four words or more: a title linked to its paper.</summary>
    private static bool OpensWithTitleLink(MarkupLine line) =>
        line.Links is [{ Label: { } label, IsImage: false }, ..] && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4
        && line.Plain.StartsWith(label.Trim(), StringComparison.Ordinal);

    /// <summary>
    /// A line of numbers alone (a publications table's "cited by" and "year" cells), left out of an entry whose lines
    /// already name a year; a year alone on a line under an entry that has none is its year and stays.
    /// </summary>
    private static bool IsCounts(MarkupLine line) => line.Plain.Any(char.IsDigit) && !line.Plain.Any(char.IsLetter);

    /// <summary>A row of a table ("2022 | Title | NeurIPS", cells apart by " | " or tabs): under a publications heading each row is an entry.</summary>
    private static bool IsTableRow(MarkupLine line) =>
        !line.IsBullet && (line.Text.Contains('\t', StringComparison.Ordinal) || PublicationNotation.CountOf(line.Text, " | ") >= 2);
}
