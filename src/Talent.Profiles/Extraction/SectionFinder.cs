using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A run of lines under one heading, with the kind the heading names. <paramref name="UnderLevel"/>: for a heading that is
/// no markdown heading (a bold or short line), the level of the markdown heading it stands under (0: none).
/// </summary>
internal sealed record Section(SectionKind Kind, List<MarkupLine> Lines, int HeadingLevel = 0, string? Heading = null, int UnderLevel = 0);

/// <summary>
/// Splits a document into sections by its headings: markdown headings, a line that is all bold, a short line in capitals
/// or a short line of one to three words. The heading words per kind and language come from <c>config/vocabulary.json</c>.
/// </summary>
internal sealed class SectionFinder(ExtractionVocabulary vocabulary)
{
    public List<Section> Split(IReadOnlyList<MarkupLine> lines)
    {
        var sections = new List<Section> { new(SectionKind.Header, []) };
        var markdownLevel = 0; // the level of the last markdown heading
        foreach (var line in lines)
        {
            var under = markdownLevel;
            markdownLevel = line.HeadingLevel > 0 ? line.HeadingLevel : markdownLevel;
            if (HeadsPublicationTable(line))
            {
                sections.Add(new Section(SectionKind.Publications, [], line.HeadingLevel, line.Plain));
                continue;
            }

            var candidate = HeadingText(line);
            var kind = candidate is null ? null : KindOf(candidate);
            // A subheading naming a kind of work right under the roles' heading ("## Work", then "### Teaching") groups roles;
            // after roles it is a section of its own ("### Service" under the last role: reviewing, committees).
            if (kind is SectionKind.Other && line.HeadingLevel > 0 && sections[^1] is { Kind: SectionKind.Experience, HeadingLevel: > 0 } roles
                && line.HeadingLevel > roles.HeadingLevel && roles.Lines.All(l => l.IsBlank))
            {
                roles.Lines.Add(line);
                continue;
            }

            if (kind is { } k)
            {
                sections.Add(new Section(k, [], line.HeadingLevel, candidate, line.HeadingLevel > 0 ? 0 : under));
                continue;
            }

            // A title heading naming no known kind after sections of smaller headings is the document's title printed after a
            // sidebar (contact, skills, languages read first): what follows it until the next section is the header's.
            if (line.HeadingLevel == 1 && sections[^1] is { Kind: not SectionKind.Header, HeadingLevel: > 1 })
            {
                sections.Add(new Section(SectionKind.Header, [line]));
                continue;
            }

            // A markdown heading naming no known kind ends a section whose heading was at its level ("## Teaching" after
            // "## Skills"); a deeper one ("#### A project") stays inside it, and so does a shallower one, which documents
            // converted from PDF use for employers under a smaller section heading.
            // A sibling of a subsection that named its section's kind again ("## Experience", "### Industry", "### Academia";
            // "## Tech Stack", "### Languages", "### Frameworks & Libraries") is one more group of roles, schools or skills. (Groups of papers or projects keep ending there: "### Theses" after
            // "### Journal papers", a project's "#### Background" after its "#### Project overview".)
            // A section whose heading is a bold or short line ends at a markdown heading as high as the one it stands under
            // ("## Skills", a line "My Skills" over a list, then "## My work").
            if (line.HeadingLevel > 0 && sections[^1] is { Kind: not SectionKind.Header } open
                && ((open.HeadingLevel > 0 && line.HeadingLevel == open.HeadingLevel && !IsSubsectionOfItsKind(sections))
                    || (open.HeadingLevel == 0 && line.HeadingLevel <= open.UnderLevel)))
            {
                sections.Add(new Section(SectionKind.Other, [], line.HeadingLevel, line.Heading));
                continue;
            }

            sections[^1].Lines.Add(line);
        }

        return sections;
    }

    /// <summary>Whether the last section, of roles, schools or skills, has its heading under a shallower heading of the same kind.</summary>
    private static bool IsSubsectionOfItsKind(List<Section> sections)
    {
        var open = sections[^1];
        if (open.Kind is not (SectionKind.Experience or SectionKind.Education or SectionKind.Skills))
        {
            return false;
        }

        for (var i = sections.Count - 2; i >= 0; i--)
        {
            if (sections[i].HeadingLevel is > 0 and var level && level < open.HeadingLevel)
            {
                return sections[i].Kind == open.Kind;
            }
        }

        return false;
    }

    public SectionKind? KindOf(string heading) => vocabulary.KindOfHeading(heading.Trim().TrimEnd(':', '：'));

    private static string? HeadingText(MarkupLine line)
    {
        if (line.Heading is not null)
        {
            return line.Heading;
        }

        if (line.IsBullet || IsNavigation(line))
        {
            return null;
        }

        if (line.IsFullyBold || IsShortCaps(line.Plain))
        {
            return line.Plain;
        }

        // A short line is a heading only when it reads like one: no year, no sentence or list punctuation at its end
        // ("arXiv preprint, 2026." under a title is a venue line, not a "Preprints" heading).
        var plain = line.Plain;
        return plain.Length < 30 && plain.AsSpan().Count(' ') <= 2 && !plain.Any(char.IsDigit) && !plain.EndsWith('.') && !plain.Contains(',', StringComparison.Ordinal)
            ? plain
            : null;
    }

    /// <summary>A table's header row naming the columns of a publication list ("Title | Cited by | Year"), cells apart by tabs or " | ".</summary>
    private bool HeadsPublicationTable(MarkupLine line)
    {
        var plain = line.Plain;
        if (line.IsBullet || plain.Length > 200 || !(plain.Contains('\t', StringComparison.Ordinal) || plain.Contains('|', StringComparison.Ordinal)))
        {
            return false;
        }

        return vocabulary.HeadsPublicationTable(plain.Split(['\t', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A page's menu: a line of two or more links and nothing else ("Home | Teaching | CV").</summary>
    private static bool IsNavigation(MarkupLine line)
    {
        if (line.Links.Count < 2)
        {
            return false;
        }

        var labels = line.Links.Where(l => !l.IsImage && l.Label is { Length: > 0 }).Select(l => l.Label!).ToList();
        if (labels.Count < 2)
        {
            return false;
        }

        var rest = line.Plain;
        foreach (var label in labels)
        {
            rest = rest.Replace(label, string.Empty, StringComparison.Ordinal);
        }

        return !rest.Any(char.IsLetterOrDigit);
    }

    private static bool IsShortCaps(string text) =>
        text.Length is > 2 and < 50 && text.Any(char.IsLetter) && text.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !text.Any(char.IsDigit);
}
