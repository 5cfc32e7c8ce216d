using System.Text;
using System.Text.RegularExpressions;
using static Talent.Profiles.Extraction.LatexSymbols;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Renders a LaTeX CV as the markdown a person would write for it: <c># Name</c> first, then the contact lines, then
/// <c>## Section</c> headings with one list item per entry. Comments, <c>\iffalse</c> blocks, babel's German shorthands
/// and the document's own macro definitions are resolved first (<see cref="LatexSource"/>, <see cref="BabelShorthands"/>,
/// <see cref="LatexMacros"/>); <see cref="LatexConverter"/> reads the rest. The name comes from <c>\name</c>, <c>\firstname</c>/<c>\familyname</c>, <c>\header</c> or <c>\author</c>,
/// else from the first big-font line before the first section.
/// </summary>
internal static partial class LatexText
{
    [GeneratedRegex(@"\\documentclass|\\begin\{document\}|\\(?:sub)?section\*?\{|\\cventry\{|\\textbf\{", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SniffPattern();

    /// <summary>True when plain text is recognisably a LaTeX source.</summary>
    public static bool LooksLikeLatex(string content) => SniffPattern().Matches(content.Length > 20_000 ? content[..20_000] : content).Count >= 2;

    public static string ToMarkdown(string latex)
    {
        var (source, definitions) = LatexMacros.ExpandWithDefinitions(BabelShorthands.Resolve(LatexSource.WithoutComments(latex)));
        var begin = source.IndexOf(@"\begin{document}", StringComparison.Ordinal);
        var header = new LatexHeader();
        if (begin >= 0)
        {
            // A header command the document defined as text reads as if it had been called with that text.
            var defined = string.Concat(definitions.Select(d => $"\\{d.Key}{{{d.Value}}}\n"));
            new LatexConverter(defined + source[..begin], header) { Preamble = true }.Convert();
        }

        var body = new LatexConverter(begin >= 0 ? source[(begin + @"\begin{document}".Length)..] : source, header).Convert();
        var name = header.Name ?? (header.FirstName is null && header.LastName is null ? null : $"{header.FirstName} {header.LastName}".Trim());
        var document = string.Join("\n", header.Lines) + "\n\n" + body;
        var subtitle = string.Empty;
        if (header.Title is { Length: > 0 } documentTitle)
        {
            if (name is not null || TitleLine(document) is not null)
            {
                subtitle = documentTitle;
            }
            else
            {
                name = documentTitle;
            }
        }

        if (name is null && TitleLine(document) is { } title)
        {
            name = title.Name;
            subtitle = (title.Subtitle + "\n" + subtitle).Trim();
            // A line holding nothing but the big title goes: the name heading and its subtitle say it.
            var lineStart = document.LastIndexOf('\n', title.At) + 1;
            var lineEnd = document.IndexOf('\n', title.At);
            lineEnd = lineEnd < 0 ? document.Length : lineEnd;
            if (string.Equals(Plain(document[lineStart..lineEnd]), Plain(title.Text), StringComparison.Ordinal))
            {
                document = document[..lineStart] + document[lineEnd..];
            }
        }

        var output = new StringBuilder(document.Length + 256);
        if (!string.IsNullOrWhiteSpace(name))
        {
            output.Append("# ").Append(Plain(name)).Append("\n\n");
        }

        output.Append(subtitle).Append('\n').Append(document);
        return Tidy(output.ToString());
    }

    private static string Plain(string text) => MarkupText.ToPlain(LatexConverter.Flatten(Collapse(text)));

    /// <summary>The first big-font text before the first section: "Name, Position" gives the name and the rest.</summary>
    private static (string Name, string Subtitle, string Text, int At)? TitleLine(string text)
    {
        var start = text.IndexOf(Markers.TitleStart, StringComparison.Ordinal);
        var section = text.IndexOf("\n## ", StringComparison.Ordinal);
        if (start < 0 || (section >= 0 && start > section))
        {
            return null;
        }

        var end = text.IndexOf(Markers.TitleEnd, start);
        var marked = text[(start + 1)..(end < 0 ? text.Length : end)];
        var lineEnd = marked.IndexOf('\n', StringComparison.Ordinal);
        marked = lineEnd >= 0 ? marked[..lineEnd] : marked;
        var title = Plain(marked);
        // A linked name ([Ada Lovelace](https://..)) is the name without its link.
        if (title.StartsWith('[') && title.IndexOf("](", StringComparison.Ordinal) is var close && close > 0)
        {
            title = title[1..close];
        }

        var comma = title.IndexOf(',', StringComparison.Ordinal);
        return title.Length == 0 ? null
            : comma > 0 ? (title[..comma].Trim(), title[(comma + 1)..].Trim(), marked, start)
            : (title, string.Empty, marked, start);
    }

    /// <summary>Markers removed, spaces collapsed, empty items and runs of blank lines dropped; list indentation kept.</summary>
    private static string Tidy(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        var blank = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = Collapse(raw);
            var content = line.TrimStart();
            if (content.Length == 0 || content is "-" or "- **" or "****")
            {
                blank |= content.Length == 0;
                continue;
            }

            var continuation = raw.TrimStart().StartsWith(Markers.Continuation);
            if (continuation)
            {
                line = raw[..(raw.Length - raw.TrimStart().Length)] + content;
            }

            var indented = continuation || content.StartsWith("- ", StringComparison.Ordinal);
            // A nested item or a continuation stays with the item above it: no blank line between them.
            if (blank && output.Length > 0 && !(indented && line.StartsWith(' ')))
            {
                output.Append('\n');
            }

            output.Append(indented ? line : content).Append('\n');
            blank = false;
        }

        return output.ToString().Trim('\n');
    }

    private static string Collapse(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var leading = true;
        foreach (var c in raw)
        {
            if (c is Markers.Bold or Markers.Italic or Markers.Big or Markers.TitleStart or Markers.TitleEnd or Markers.Continuation)
            {
                continue;
            }

            var d = c == '\t' ? ' ' : c;
            if (d == ' ' && !leading && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            leading &= d == ' ';
            builder.Append(d);
        }

        var line = builder.ToString().TrimEnd();
        var content = line.TrimStart();
        // Separators left at a line's ends by an empty cell or a trailing \hfill.
        var trimmed = content.Trim('·', ',', ' ');
        return trimmed.Length == content.Length ? line : line[..(line.Length - content.Length)] + trimmed;
    }
}
