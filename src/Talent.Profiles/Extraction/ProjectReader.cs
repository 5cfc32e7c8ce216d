namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a projects section, whatever the format it came from: a list item or line led by a bold or linked name
/// ("- **Talent**: recruiting search", "[Talent](https://…) — recruiting search"), a sub-heading or bold line per project with
/// its text under it, a definition list (a term over ": its text"), a table row (name cell, then the others), or a list item
/// "Name: text" whose name reads like one. Lines under a project without a name of their own describe it, and so do lines
/// led by a section's heading word ("**Technologies**: Rust, Kafka"). Bounded by <see cref="ProfileLimits"/>.
/// </summary>
internal static class ProjectReader
{
    private static readonly string[] Separators = [": ", " — ", " – ", " -- ", " - ", " | "];

    /// <param name="lines">The section's lines.</param>
    /// <param name="namesSection">True for a heading word of a section kind (<c>config/vocabulary.json</c>).</param>
    public static List<ProjectEntry> Read(IReadOnlyList<MarkupLine> lines, Func<string, bool> namesSection)
    {
        var filled = lines.Where(l => !l.IsBlank).ToList();
        var projects = new ProjectList();
        var underHeading = false;
        for (var i = 0; i < filled.Count && !projects.Full; i++)
        {
            var line = filled[i];
            if (IsSubHeading(line))
            {
                // "### Personal" over named items groups them; a sub-heading over text is a project and its text.
                underHeading = i + 1 >= filled.Count || IsSubHeading(filled[i + 1]) || Named(filled, i + 1, namesSection) is null;
                if (underHeading && Entry(line.Plain, string.Empty, line) is { } named)
                {
                    projects.Begin(named);
                }
                else
                {
                    projects.End();
                }

                continue;
            }

            if (line.Text.StartsWith(':'))
            {
                projects.Describe(line.Plain[1..]);
                continue;
            }

            if (!underHeading && Named(filled, i, namesSection) is { } entry)
            {
                projects.Begin(entry);
                continue;
            }

            projects.Describe(line.Plain);
        }

        projects.End();
        return projects.Read;
    }

    /// <summary>A heading, or a bold line that is not a list item: a project's own name, or a group of projects.</summary>
    private static bool IsSubHeading(MarkupLine line) => line.Heading is not null || (line.IsFullyBold && !line.IsBullet);

    /// <summary>The project line <paramref name="at"/> names, unless its name is a section's heading word.</summary>
    private static ProjectEntry? Named(List<MarkupLine> lines, int at, Func<string, bool> namesSection) =>
        NamedEntry(lines[at], at + 1 < lines.Count ? lines[at + 1] : null) is { } entry && !namesSection(entry.Name) ? entry : null;

    /// <summary>The project a line names, with the text after its name; null when the line names none.</summary>
    private static ProjectEntry? NamedEntry(MarkupLine line, MarkupLine? next)
    {
        string? name;
        string rest;
        if (TableCells(line) is { Count: >= 2 } cells)
        {
            // A row's cells are its parts, whether or not the name is bold or linked.
            return IsHeaderRow(cells, line, next) ? null : Entry(cells[0], string.Join("; ", cells.Skip(1)), line);
        }

        if (line.Text.StartsWith("**", StringComparison.Ordinal) && line.Text.IndexOf("**", 2, StringComparison.Ordinal) is > 2 and var close)
        {
            name = MarkupText.ToPlain(line.Text[2..close]);
            rest = MarkupText.ToPlain(line.Text[(close + 2)..]);
        }
        else if (line.Links.FirstOrDefault(l => !l.IsImage && l.Label is { Length: > 0 } label && line.Plain.StartsWith(label, StringComparison.Ordinal)) is { } link)
        {
            name = link.Label!; // the condition above holds it non-null
            rest = line.Plain[name.Length..];
        }
        else if (next is not null && next.Text.StartsWith(':') && !line.IsBullet)
        {
            // A definition list's term: its text is the next line.
            name = line.Plain;
            rest = string.Empty;
        }
        else
        {
            (name, rest) = line.IsBullet ? SeparatedName(line.Plain) : (null, string.Empty);
        }

        return name is null ? null : Entry(name, rest, line);
    }

    private static ProjectEntry? Entry(string name, string rest, MarkupLine line)
    {
        name = name.Trim().TrimEnd(':', ',', '.', ' ').Trim();
        if (name.Length is 0 or > ProfileLimits.ProjectNameLength || !name.Any(char.IsLetter) || name.Split(' ').Length > 12)
        {
            return null;
        }

        return new ProjectEntry { Name = name, Description = DescriptionOf(rest), Url = LinkOf(line, name) };
    }

    /// <summary>The text after a name without its separator and its dates ("— 2021 – present"); null when nothing else is left.</summary>
    private static string? DescriptionOf(string rest)
    {
        if (DateNotation.FindRange(rest) is { } range)
        {
            rest = rest[..range.Index] + " " + rest[(range.Index + range.Length)..];
        }

        // "(2021 – 2023)" leaves "( )" behind.
        rest = rest.Replace("( )", string.Empty, StringComparison.Ordinal).Replace("()", string.Empty, StringComparison.Ordinal)
            .Trim().TrimStart(':', '—', '–', '-', ',', '.', '|', ';', ' ').Trim();
        return rest.Any(char.IsLetter) ? rest : null;
    }

    /// <summary>
    /// "Talent: recruiting search" in a list item: the words before a separator are a name when they read as one, a few
    /// words that are capitalised or not plain lower-case words ("llama.cpp"), not the start of a sentence.
    /// </summary>
    private static (string? Name, string After) SeparatedName(string plain)
    {
        foreach (var separator in Separators)
        {
            var at = plain.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0 || at > 60)
            {
                continue;
            }

            var words = plain[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var nameLike = words.Length <= 5 && words.All(w => w.Length < 4 || !w.All(char.IsLower)) && !plain[..at].Contains(". ", StringComparison.Ordinal);
            return nameLike ? (plain[..at], plain[(at + separator.Length)..]) : (null, string.Empty);
        }

        return (null, string.Empty);
    }

    /// <summary>A table row's cells (" | " from a markdown table, tabs from an HTML one) without cells that are only dates.</summary>
    private static List<string>? TableCells(MarkupLine line)
    {
        if (line.IsBullet || !(line.Plain.Contains('|', StringComparison.Ordinal) || line.Plain.Contains('\t', StringComparison.Ordinal)))
        {
            return null;
        }

        return line.Plain.Split(['|', '\t'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(c => c.Any(char.IsLetter) && !IsOnlyDates(c))
            .ToList();
    }

    private static bool IsOnlyDates(string cell) => DateNotation.FindRange(cell) is { } range && cell.Length - range.Length <= 2;

    /// <summary>A table's header row ("Project | Description | Link"): short words only, no links or digits, a row under it.</summary>
    private static bool IsHeaderRow(List<string> cells, MarkupLine line, MarkupLine? next) =>
        next is not null && TableCells(next) is { Count: >= 2 } && line.Links.Count == 0
        && cells.All(c => c.Split(' ').Length <= 2 && !c.Any(char.IsDigit) && char.IsUpper(c[0]));

    /// <summary>The link of the name ("[Talent](…)") or else the first web link on the project's line.</summary>
    private static string? LinkOf(MarkupLine line, string name)
    {
        var links = line.Links.Where(l => !l.IsImage && l.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToList();
        return (links.FirstOrDefault(l => string.Equals(l.Label, name, StringComparison.OrdinalIgnoreCase)) ?? links.FirstOrDefault())?.Url;
    }

    /// <summary>The projects read so far and the description of the one being read.</summary>
    private sealed class ProjectList
    {
        private readonly List<string> description = [];
        private ProjectEntry? current;

        public List<ProjectEntry> Read { get; } = [];

        public bool Full => Read.Count >= ProfileLimits.MaxProjects;

        /// <summary>Starts a project; one named again (a project listed twice) is not read twice.</summary>
        public void Begin(ProjectEntry entry)
        {
            End();
            if (!Read.Exists(p => string.Equals(p.Name, entry.Name, StringComparison.OrdinalIgnoreCase)))
            {
                current = entry;
                Describe(entry.Description);
            }
        }

        /// <summary>Text under the project; once the description is full the rest is not read.</summary>
        public void Describe(string? text)
        {
            if (current is not null && text is not null && description.Sum(d => d.Length + 1) <= ProfileLimits.ProjectDescriptionLength)
            {
                description.Add(text.Trim().TrimStart('·', '◦', ' '));
            }
        }

        public void End()
        {
            if (current is not null)
            {
                Read.Add(current with { Description = ProfileLimits.Bounded(string.Join(' ', description), ProfileLimits.ProjectDescriptionLength) });
            }

            description.Clear();
            current = null;
        }
    }
}
