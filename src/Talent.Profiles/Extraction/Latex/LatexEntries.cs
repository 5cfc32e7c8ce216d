using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// CV classes' entry commands, each one list item with its parts in reading order:
/// <c>\cventry{2019--2021}{Title}{Employer}{City}{}{Text}</c> → <c>- **Title**, Employer, City, 2019–2021</c> with the text as
/// nested items; <c>\cvitem{Languages}{Python, C}</c> → <c>- **Languages**: Python, C</c>.
/// </summary>
internal sealed partial class LatexConverter
{
    private bool Entry(StringBuilder o, int depth, string name)
    {
        switch (name)
        {
            case "cventry" or "cvevent" or "entry" or "twentyitem" or "cvhonor" when PeekArgument() || LatexSource.SkipSpaces(text, at, lineBreaks: false) is var i && i < text.Length && text[i] == '[':
                Optional();
                var args = RawArguments(6).Select(a => a.Trim()).ToList();
                var (title, parts, description) = EntryRoles(name, args);
                EntryItem(o, depth, title, parts, description);
                return true;
            case "ecvtitle" or "ecvtitlelevel":
                // Europass: {dates}{title} (and a level of qualification that is no part of the entry), then the employer or
                // school in an unlabelled \ecvitem, its first line the name and the rest an address or a description.
                var europass = RawArguments(name == "ecvtitle" ? 2 : 3);
                var (organization, details) = EuropassDetails();
                EntryItem(o, depth, Part(europass, 1), [organization, Part(europass, 0)], details);
                return true;
            case "cvitem" or "cvline" or "cvskill" or "cvitemwithcomment" or "ecvitem" or "ecvblueitem" or "ecvbigitem":
                Optional();
                var item = RawArguments(3);
                LabelledItem(o, depth, Part(item, 0), Part(item, 1), Part(item, 2));
                return true;
            case "cvdoubleitem":
                var pairs = RawArguments(4);
                LabelledItem(o, depth, Part(pairs, 0), Part(pairs, 1), string.Empty);
                LabelledItem(o, depth, Part(pairs, 2), Part(pairs, 3), string.Empty);
                return true;
            case "cvtag" or "cvskilltag":
                // altacv's tags sit side by side: a comma between neighbours.
                var tag = Inline(RawArgument(), depth);
                var previous = o.Length > 0 ? o[^1] : '\n';
                Emit(o, (previous is ' ' or '\n' or '\t' ? string.Empty : ", ") + tag);
                return true;
            case "cvlistitem" or "cvlistdoubleitem":
                Optional();
                foreach (var value in RawArguments(name == "cvlistitem" ? 1 : 2))
                {
                    LabelledItem(o, depth, string.Empty, value, string.Empty);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The unlabelled <c>\ecvitem{}{Name\newline Address}</c> right after a Europass title, split at its first line break.</summary>
    private (string Organization, string Details) EuropassDetails()
    {
        var next = LatexSource.SkipSpaces(text, at, lineBreaks: true);
        if (!LatexSource.StartsWithCommand(text, next, "ecvitem"))
        {
            return (string.Empty, string.Empty);
        }

        var before = at;
        at = next + 8;
        Optional();
        var item = RawArguments(2);
        if (item.Count < 2 || Part(item, 0).Trim().Length > 0)
        {
            at = before;
            return (string.Empty, string.Empty);
        }

        var detail = item[1];
        var breaks = new[] { detail.IndexOf(@"\newline", StringComparison.Ordinal), detail.IndexOf(@"\\", StringComparison.Ordinal) }.Where(i => i >= 0).ToList();
        if (breaks.Count == 0)
        {
            return (detail, string.Empty);
        }

        var cut = breaks.Min();
        var after = detail[cut..].StartsWith(@"\newline", StringComparison.Ordinal) ? cut + 8 : cut + 2;
        return (detail[..cut], detail[after..]);
    }

    /// <summary>
    /// Which argument is what: moderncv <c>{dates}{title}{organisation}{city}{grade}{text}</c>, Awesome-CV
    /// <c>{title}{organisation}{place}{dates}{text}</c>, altacv <c>{title}{organisation}{dates}{place}</c>, friggeri
    /// <c>{dates}{title}{organisation}{text}</c>; a two-argument entry is a title and its dates in either order.
    /// </summary>
    private static (string Title, List<string> Parts, string Description) EntryRoles(string name, List<string> a)
    {
        if (a.Count <= 2)
        {
            return LooksLikeDates(Part(a, 0)) && !LooksLikeDates(Part(a, 1)) ? (Part(a, 1), [Part(a, 0)], string.Empty) : (Part(a, 0), [Part(a, 1)], string.Empty);
        }

        return name switch
        {
            "cvevent" => (Part(a, 0), [Part(a, 1), Part(a, 3), Part(a, 2)], string.Empty),
            "cvhonor" => (Part(a, 0), [Part(a, 1), Part(a, 2), Part(a, 3)], string.Empty),
            "entry" or "twentyitem" => (Part(a, 1), [Part(a, 2), Part(a, 0)], Part(a, 3)),
            _ when !LooksLikeDates(Part(a, 0)) && LooksLikeDates(Part(a, 3)) => (Part(a, 0), [Part(a, 1), Part(a, 2), Part(a, 3)], Part(a, 4)),
            _ => (Part(a, 1), [Part(a, 2), Part(a, 3), Part(a, 0), Part(a, 4)], Part(a, 5)),
        };
    }

    /// <summary>Short text with a year (2019, '09/18', 2019 年) or "present": the dates of an entry.</summary>
    private static bool LooksLikeDates(string raw)
    {
        if (raw.Length == 0 || raw.Length > 60)
        {
            return false;
        }

        var digits = 0;
        var longest = 0;
        foreach (var c in raw)
        {
            digits = char.IsAsciiDigit(c) ? digits + 1 : 0;
            longest = Math.Max(longest, digits);
        }

        return longest == 4 || (longest == 2 && raw.Contains('/', StringComparison.Ordinal))
            || raw.Contains("present", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One list item: the title in bold, then the other parts in order; the description's lines become nested items.</summary>
    private void EntryItem(StringBuilder o, int depth, string title, IEnumerable<string> parts, string description)
    {
        var level = Math.Max(1, ListDepth);
        var head = Inline(title, depth);
        var values = new List<string>();
        if (head.Length > 0)
        {
            values.Add(Emphasis(head, "**"));
        }

        values.AddRange(parts.Select(part => Inline(part, depth).Trim(' ', ',')).Where(part => part.Length > 0));
        if (values.Count == 0 && description.Length == 0)
        {
            return;
        }

        Emit(o, "\n" + Indent(level) + "- " + string.Join(", ", values));
        NestedLines(o, Fragment(description, depth, level), level + 1);
        Emit(o, "\n");
    }

    /// <summary><c>**label**: text</c> as a list item; a year label goes after the text (a dated publication or award).</summary>
    private void LabelledItem(StringBuilder o, int depth, string rawLabel, string rawText, string rawComment)
    {
        var level = Math.Max(1, ListDepth);
        var label = Inline(rawLabel, depth).Replace("*", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(':');
        var lines = Fragment(rawText, depth, level).Split('\n').Select(Flatten).Where(line => line.Length > 0).ToList();
        var comment = Inline(rawComment, depth);
        if (comment.Length > 0)
        {
            lines.Add(comment);
        }

        if (lines.Count == 0 && label.Length == 0)
        {
            return;
        }

        var first = lines.Count > 0 ? lines[0] : string.Empty;
        string line;
        if (label.Length == 0 || label is "-" or "·" or "•")
        {
            line = first;
        }
        else if (LooksLikeDates(label) && !label.Any(char.IsLetter) && first.Length > 0)
        {
            line = first + (first.Contains(label.Trim()[..Math.Min(4, label.Trim().Length)], StringComparison.Ordinal) ? string.Empty : " (" + label + ")");
        }
        else
        {
            line = "**" + label + "**" + (first.Length > 0 ? ": " + first : string.Empty);
        }

        Emit(o, "\n" + Indent(level) + "- " + line);
        foreach (var more in lines.Skip(1))
        {
            Emit(o, "\n" + Continuation(level + 1) + more);
        }

        Emit(o, "\n");
    }

    /// <summary>A description's lines under an entry: its own list items keep their indentation, other lines become items.</summary>
    private void NestedLines(StringBuilder o, string description, int level)
    {
        foreach (var raw in description.Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed == "-")
            {
                continue;
            }

            Emit(o, "\n" + (trimmed.StartsWith("- ", StringComparison.Ordinal) ? line : Indent(level) + "- " + Flatten(trimmed)));
        }
    }
}
