using System.Text;
using static Talent.Profiles.Extraction.LatexSymbols;

namespace Talent.Profiles.Extraction;

/// <summary>Control sequences: characters, emphasis, links, headings, lists, environments and the header's commands.</summary>
internal sealed partial class LatexConverter
{
    private void Command(StringBuilder o, int depth)
    {
        at++;
        if (at >= text.Length)
        {
            return;
        }

        var first = text[at];
        if (!char.IsLetter(first))
        {
            at++;
            Symbol(o, first, depth);
            return;
        }

        var start = at;
        while (at < text.Length && char.IsLetter(text[at]))
        {
            at++;
        }

        var name = text[start..at];
        if (name.Length == 1 && Accents.TryGetValue(name[0], out var letterAccent) && at < text.Length && text[at] is '{' or ' ')
        {
            Emit(o, Accent(letterAccent, depth));
            return;
        }

        if (at < text.Length && text[at] == '*')
        {
            at++;
        }

        if (!Structure(o, depth, name) && !HeaderCommand(depth, name) && !Entry(o, depth, name))
        {
            Other(o, depth, name);
        }
    }

    private void Symbol(StringBuilder o, char first, int depth)
    {
        if (first == '\\')
        {
            // A forced break inside a list item continues the item on an indented line.
            Emit(o, ListDepth > 0 ? "\n" + Continuation(ListDepth + 1) : "\n");
            Optional();
        }
        else if (Accents.TryGetValue(first, out var accent))
        {
            Emit(o, Accent(accent, depth));
        }
        else if (first is ',' or ';' or ' ' or ':' or '\n')
        {
            Emit(o, " ");
        }
        else if (first is not ('!' or '/' or '-' or '@'))
        {
            Emit(o, first.ToString());
        }
    }

    /// <summary>Headings, list items, environments and emphasis; false when <paramref name="name"/> is none of them.</summary>
    private bool Structure(StringBuilder o, int depth, string name)
    {
        switch (name)
        {
            case "section" or "cvsection" or "chapter" or "subsection" or "cvsubsection" or "subsubsection" or "addsec" or "addchap" or "minisec":
                // KOMA-Script's unnumbered \addsec and \addchap, and its small \minisec, head sections as \section does.
                Optional();
                var level = name switch { "subsection" or "cvsubsection" or "minisec" => 3, "subsubsection" => 4, _ => 2 };
                Heading(o, depth, level, RawArgument());
                return true;
            case "item" or "bibitem":
                var label = Optional();
                if (name == "bibitem")
                {
                    RawArgument();
                    label = null;
                }

                var prefix = label is null ? string.Empty : Flatten(Fragment(label, depth)).Replace("*", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(':');
                // A bullet-like label (\item[--], \item[$\bullet$]) is only the item's marker.
                prefix = prefix.Any(char.IsLetterOrDigit) ? prefix : string.Empty;
                Emit(o, "\n" + Indent(Math.Max(1, ListDepth)) + "- " + (prefix.Length > 0 ? "**" + prefix + "**: " : string.Empty));
                at = LatexSource.SkipSpaces(text, at, lineBreaks: true);
                return true;
            case "begin":
                Begin(o, depth, RawArgument().Trim());
                return true;
            case "end":
                End(o, RawArgument().Trim());
                return true;
            case "textbf":
                Emit(o, Emphasis(Fragment(RawArgument(), depth), "**"));
                return true;
            case "textit" or "emph" or "textsl":
                Emit(o, Emphasis(Fragment(RawArgument(), depth), "*"));
                return true;
            case "href":
                var url = Unescape(RawArgument());
                var anchor = Flatten(Fragment(RawArgument(), depth).Replace("\n", string.Empty, StringComparison.Ordinal));
                Emit(o, anchor.Length == 0 || string.Equals(anchor, url, StringComparison.Ordinal) ? url : $"[{anchor}]({url})");
                return true;
            case "url" or "nolinkurl" or "path":
                Emit(o, Unescape(RawArgument()));
                return true;
            case "multicolumn" or "multirow":
                RawArgument();
                Optional();
                RawArgument();
                Emit(o, Fragment(RawArgument(), depth));
                return true;
            default:
                return false;
        }
    }

    private void Heading(StringBuilder o, int depth, int level, string raw)
    {
        var title = Flatten(Fragment(raw, depth)).Replace("*", string.Empty, StringComparison.Ordinal);
        // Some classes take the heading's place or dates in brackets after it: \subsection{University}[City, Country].
        var after = Optional() is { } trailing ? Inline(trailing, depth) : string.Empty;
        Emit(o, "\n\n" + new string('#', level) + " " + title + "\n\n" + (after.Length > 0 ? after + "\n\n" : string.Empty));
    }

    private void Begin(StringBuilder o, int depth, string environment)
    {
        if (TableEnvironments.Contains(environment))
        {
            Table(o, depth, environment);
            return;
        }

        switch (environment)
        {
            case "rSection":
                Heading(o, depth, 2, RawArgument());
                return;
            case "rSubsection":
                // resume.cls: {organisation}{dates}{title}{place}, then the entry's \items nested under it.
                var parts = RawArguments(4);
                EntryItem(o, depth, Part(parts, 2), [Part(parts, 0), Part(parts, 3), Part(parts, 1)], string.Empty);
                savedListDepths.Push(ListDepth);
                ListDepth = Math.Max(1, ListDepth) + 1;
                return;
            case "aside":
                ObeyLines = true;
                break;
        }

        Optional();
        if (environment is "thebibliography" or "minipage" or "multicols" or "multicols*" or "paracol")
        {
            RawArguments(1, sameLine: true);
        }

        if (ListEnvironments.Contains(environment))
        {
            ListDepth++;
        }

        // An environment's own arguments (\begin{minipage}{0.5\textwidth}) are on its line; a group on the next line is content.
        var arguments = RawArguments(3, sameLine: true);
        // A CV class's section environment has its heading as its one argument (currvita's \begin{cvlist}{Education}).
        if (arguments.Count == 1 && !ListEnvironments.Contains(environment) && !NotHeadingEnvironments.Contains(environment)
            && !arguments[0].Any(char.IsAsciiDigit) && HeadingText(arguments[0], depth) is { } heading && heading.Split(' ').Any(word => word.Count(char.IsLetter) >= 3))
        {
            Emit(o, "\n\n## " + heading + "\n\n");
            return;
        }

        Emit(o, "\n");
    }

    /// <summary>Environments whose one argument is a setting or an address, never a heading.</summary>
    private static readonly HashSet<string> NotHeadingEnvironments = new(StringComparer.Ordinal)
    {
        "otherlanguage", "otherlanguage*", "hyphenrules", "letter", "wrapfigure", "wraptable", "minipage", "multicols", "multicols*", "paracol",
    };

    private void End(StringBuilder o, string environment)
    {
        if (environment == "rSubsection" && savedListDepths.Count > 0)
        {
            ListDepth = savedListDepths.Pop();
        }
        else if (ListEnvironments.Contains(environment))
        {
            ListDepth = Math.Max(0, ListDepth - 1);
        }
        else if (environment == "aside")
        {
            ObeyLines = false;
        }

        Emit(o, "\n");
    }

    /// <summary>Layout commands, symbols, font switches and commands nobody here knows (their arguments' text is kept).</summary>
    private void Other(StringBuilder o, int depth, string name)
    {
        if (DroppedWithArguments.Contains(name))
        {
            Optional();
            RawArguments(name is "let" ? 0 : 4, sameLine: name is not ("footnotetext" or "rightheader" or "myname" or "publications"));
            if (name == "let")
            {
                at = Math.Min(at + 2, text.Length);
            }

            return;
        }

        if (Text.TryGetValue(name, out var symbol))
        {
            Emit(o, symbol);
            return;
        }

        if (Switches.TryGetValue(name, out var marker))
        {
            Emit(o, marker.ToString());
            at = LatexSource.SkipSpaces(text, at, lineBreaks: true);
            return;
        }

        // An unknown command keeps the text of its arguments (\makefield{\faEnvelope}{..}, \fcolorbox{white}{gray}{..}),
        // leaving out those that only set a length or a colour.
        Optional();
        var arguments = RawArguments(4);
        if (arguments.Count == 0)
        {
            // A control word ends at the space after it: "\LaTeX{} is" and "\foo bar" both read as one space at most.
            return;
        }

        if (!Preamble && arguments.Count == 1 && HeadingCommandLevel(name) is { } level && HeadingText(arguments[0], depth) is { } heading)
        {
            Emit(o, "\n\n" + new string('#', level) + " " + heading + "\n\n");
            return;
        }

        if (Preamble && !arguments.Any(LooksLikeHeaderContent))
        {
            return;
        }

        var kept = arguments.Select(a => Fragment(a, depth)).Where(a => !IsSetting(a)).ToList();
        // The parts of an unknown class's entry (tucv's \resjob{Senior Engineer}{2019}{2021}) are apart by commas, as an
        // entry line writes them; a part that is a paragraph or a list joins by a space.
        var parts = kept.Where(k => k.Trim().Length > 0).ToList();
        var content = parts.Count > 1 && parts.All(p => !p.Contains('\n', StringComparison.Ordinal) && p.Trim().Length <= 80)
            ? string.Join(", ", parts.Select(p => p.Trim()))
            : string.Join(" ", kept);
        if (Preamble)
        {
            foreach (var line in content.Split('\n'))
            {
                AddHeaderLine(line);
            }
        }
        else
        {
            o.Append(content);
        }
    }

    /// <summary>
    /// A CV class's own section command, by the words its name is made of (tucv's <c>\resheading</c>, europasscv's
    /// <c>\ecvsection</c>, harnon-cv's <c>\addheadertext</c>): level 2, or 3 for a sub-heading (<c>\addsubheader</c>).
    /// </summary>
    private static int? HeadingCommandLevel(string name)
    {
        var lower = name.ToLowerInvariant();
        return !HeadingNameParts.Any(part => lower.Contains(part, StringComparison.Ordinal)) || SettingNameParts.Any(part => lower.Contains(part, StringComparison.Ordinal))
            || lower.StartsWith("set", StringComparison.Ordinal) ? null
            : lower.Contains("sub", StringComparison.Ordinal) ? 3 : 2;
    }

    private static readonly string[] HeadingNameParts = ["section", "heading", "header"];

    /// <summary>Words of commands that set how headings look (<c>\setHeadingColours{..}</c>, <c>\sectionfont{..}</c>), not headings.</summary>
    private static readonly string[] SettingNameParts = ["colo", "align", "font", "style", "space", "skip", "format", "width", "size", "rule", "mark", "sep"];

    /// <summary>The one-line text of a heading argument, or null when the argument is no heading (a paragraph, a number).</summary>
    private string? HeadingText(string raw, int depth)
    {
        // A longer source is a paragraph, or the rest of a document after a brace nobody closed: converting it here and
        // again as the command's text would double the work at every such command inside it.
        if (raw.Length > MaxHeadingSource)
        {
            return null;
        }

        var heading = Inline(raw, depth).Replace("*", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(':');
        return heading.Length is > 0 and <= MaxHeadingLength && heading.Any(char.IsLetter) && !raw.Contains(@"\\", StringComparison.Ordinal) ? heading : null;
    }

    /// <summary>Headings are short: longer text in a heading-like command is a paragraph.</summary>
    private const int MaxHeadingLength = 80;

    /// <summary>The most characters of source a heading is read from (markup included): five times the longest heading.</summary>
    private const int MaxHeadingSource = 5 * MaxHeadingLength;

    /// <summary>A preamble command holding the visible header (curve's <c>\leftheader{..}</c>): it has a link or a big title.</summary>
    private static bool LooksLikeHeaderContent(string raw) =>
        raw.Contains(@"\href", StringComparison.Ordinal) || raw.Contains(@"\url", StringComparison.Ordinal)
        || raw.Contains(@"\LARGE", StringComparison.Ordinal) || raw.Contains(@"\Large", StringComparison.Ordinal) || raw.Contains(@"\huge", StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> Colors = new(StringComparer.Ordinal)
    {
        "white", "black", "gray", "grey", "red", "green", "blue", "cyan", "magenta", "yellow", "orange", "lightgray", "darkgray", "brown", "purple", "violet", "teal",
    };

    /// <summary>An argument that is a length (<c>0.5cm</c>, <c>-2pt</c>), a colour name or a column letter, not content.</summary>
    private static bool IsSetting(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || Colors.Contains(trimmed) || trimmed is "l" or "r" or "c" or "t" or "b")
        {
            return true;
        }

        // A year ("2019", as an entry's dates) is content; a length or a number alone is a setting.
        if (trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit) && trimmed[..2] is "19" or "20")
        {
            return false;
        }

        return trimmed[0] is '-' or '.' or (>= '0' and <= '9') && trimmed.Length <= 12 && !trimmed.Any(char.IsWhiteSpace)
            && trimmed.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '+');
    }

    private static string Unescape(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && !char.IsLetter(raw[i + 1]))
            {
                continue;
            }

            if (raw[i] is not ('\n' or '{' or '}'))
            {
                builder.Append(raw[i]);
            }
        }

        return builder.ToString().Trim();
    }

    private string Accent(string table, int depth)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        string letter;
        if (at < text.Length && text[at] == '{')
        {
            letter = Fragment(RawArgument(), depth);
        }
        else if (at < text.Length && text[at] == '\\')
        {
            // \'{\i} and \"\i: a dotless i under the accent.
            var start = ++at;
            while (at < text.Length && char.IsLetter(text[at]))
            {
                at++;
            }

            letter = text[start..at] is "i" or "j" ? text[start..at] : Text.GetValueOrDefault(text[start..at], text[start..at]);
        }
        else if (at < text.Length)
        {
            letter = text[at].ToString();
            at++;
        }
        else
        {
            return string.Empty;
        }

        return table.Length == 0 ? letter : Accented(table, letter);
    }

    private static string Part(IReadOnlyList<string> parts, int index) => index < parts.Count ? parts[index] : string.Empty;
}
