using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Renders a jemdoc source (jemdoc.net) as markdown: <c>= Title</c> → <c>#</c>, <c>== Section</c> → <c>##</c>, <c>-</c>/<c>--</c>
/// and <c>.</c> lists → nested and numbered items, <c>: {term} text</c> → <c>- **term**: text</c>, <c>*bold*</c>, <c>/italic/</c>,
/// <c>[url text]</c> → a link, <c>\n</c> → a line break; <c>~~~</c> blocks keep their text, raw-HTML blocks go through
/// <see cref="HtmlText"/>. Comment lines and committed merge-conflict markers (the second side) are dropped. One pass over the lines.
/// </summary>
internal static class JemdocText
{
    /// <summary>True when plain text is recognisably jemdoc: its configuration comment, or a title and sections in jemdoc's notation.</summary>
    public static bool LooksLikeJemdoc(string content)
    {
        var head = content.Length > 4_000 ? content[..4_000] : content;
        return head.TrimStart().StartsWith("# jemdoc:", StringComparison.Ordinal);
    }

    public static string ToMarkdown(string jemdoc)
    {
        var lines = WithoutConflicts(jemdoc.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));
        var output = new StringBuilder(jemdoc.Length);
        var paragraph = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                Flush(output, paragraph);
                i = Block(lines, i + 1, output);
                continue;
            }

            if (trimmed.Length == 0 || (line.StartsWith('#') && !line.StartsWith(@"\#", StringComparison.Ordinal)))
            {
                Flush(output, paragraph);
                continue;
            }

            var start = Start(trimmed);
            if (start is not null)
            {
                Flush(output, paragraph);
                paragraph.Append(start);
            }
            else
            {
                paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(Inline(trimmed));
            }

            if (start is not null && start.StartsWith('#'))
            {
                Flush(output, paragraph);
            }
        }

        Flush(output, paragraph);
        return output.ToString().Trim('\n');
    }

    /// <summary>The markdown start of a line that opens a heading or a list item, or null for a paragraph's line.</summary>
    private static string? Start(string line)
    {
        var marker = line[0];
        var count = 0;
        while (count < line.Length && line[count] == marker)
        {
            count++;
        }

        if (count >= line.Length || line[count] != ' ' || count > 6)
        {
            return null;
        }

        var rest = line[(count + 1)..].Trim();
        switch (marker)
        {
            case '=':
                return new string('#', count) + " " + Inline(rest);
            case '-':
                return new string(' ', 2 * (count - 1)) + "- " + Inline(rest);
            case '.':
                return new string(' ', 3 * (count - 1)) + "1. " + Inline(rest);
            case ':' when rest.StartsWith('{') && rest.IndexOf('}', StringComparison.Ordinal) is var close && close > 0:
                return "- **" + Inline(rest[1..close]).Trim() + "**: " + Inline(rest[(close + 1)..].Trim());
            default:
                return null;
        }
    }

    /// <summary>A paragraph or item as lines: forced breaks (<c>\n</c>) split it, later lines indented under an item.</summary>
    private static void Flush(StringBuilder output, StringBuilder paragraph)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        var text = paragraph.ToString();
        paragraph.Clear();
        var indent = text.StartsWith('#') ? string.Empty : new string(' ', text.Length - text.TrimStart().Length + (IsItem(text.TrimStart()) ? 2 : 0));
        var first = true;
        foreach (var part in text.Split('\u0001'))
        {
            var line = first ? part.TrimEnd() : part.Trim();
            if (line.Length > 0)
            {
                output.Append(first ? string.Empty : indent).Append(line).Append('\n');
            }

            first = false;
        }

        output.Append('\n');
    }

    private static bool IsItem(string text) => text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("1. ", StringComparison.Ordinal);

    /// <summary>A <c>~~~</c> block from <paramref name="start"/>; returns the index of its closing line.</summary>
    private static int Block(List<string> lines, int start, StringBuilder output)
    {
        var end = start;
        while (end < lines.Count && !lines[end].TrimStart().StartsWith("~~~", StringComparison.Ordinal))
        {
            end++;
        }

        var first = start < end ? lines[start].Trim() : string.Empty;
        var kind = first.StartsWith("{}{", StringComparison.Ordinal) ? first[3..Math.Max(3, first.IndexOf('}', 3))] : null;
        var bodyStart = first.StartsWith('{') ? start + 1 : start;
        var body = string.Join("\n", lines.GetRange(bodyStart, Math.Max(0, end - bodyStart)));
        if (kind == "raw")
        {
            // The HTML renderer keeps the page's indentation; a jemdoc page's blocks are read as lines.
            foreach (var line in HtmlText.ToMarkdown(body).Split('\n'))
            {
                var content = LatexConverter.Flatten(line);
                if (content.Length > 0)
                {
                    output.Append(content).Append('\n');
                }
            }

            output.Append('\n');
        }
        else if (kind is not null && !kind.StartsWith("img", StringComparison.Ordinal) && kind.Length > 0)
        {
            output.Append("```\n").Append(body).Append("\n```\n\n");
        }
        else
        {
            if (kind is null && first.StartsWith('{') && first.EndsWith('}'))
            {
                output.Append("**").Append(Inline(first[1..^1])).Append("**\n\n");
            }

            output.Append(ToMarkdown(body)).Append("\n\n");
        }

        return end;
    }

    /// <summary>Lines of a merge conflict committed by mistake: the markers and the second side are dropped.</summary>
    private static List<string> WithoutConflicts(string[] lines)
    {
        var kept = new List<string>(lines.Length);
        var skipping = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line == "<<<<<<<")
            {
                continue;
            }

            if (line.StartsWith("=======", StringComparison.Ordinal) && line.TrimEnd().Length == 7)
            {
                skipping = true;
                continue;
            }

            if (line.StartsWith(">>>>>>>", StringComparison.Ordinal))
            {
                skipping = false;
                continue;
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return kept;
    }

    /// <summary>Inline jemdoc: links, emphasis, monospace, escapes, forced breaks (left as a marker for <see cref="Flush"/>) and dashes.</summary>
    internal static string Inline(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        var open = new HashSet<char>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length:
                    var next = text[++i];
                    output.Append(next switch
                    {
                        'n' => "\u0001",
                        '*' or '[' or ']' or '#' or '\\' or '_' => "\\" + next,
                        _ => next.ToString(),
                    });
                    break;
                case '{' when i + 1 < text.Length && text[i + 1] == '{' && Find(text, "}}", i + 2) is var close && close > 0:
                    output.Append(text, i + 2, close - i - 2);
                    i = close + 1;
                    break;
                case '[' when Find(text, "]", i + 1) is var end && end > i + 1:
                    output.Append(Link(Inline(text[(i + 1)..end]).Replace("\u0001", " ", StringComparison.Ordinal)));
                    i = end;
                    break;
                case '*' or '/' or '+' when IsEmphasis(text, i, c, open.Contains(c)):
                    output.Append(c switch { '*' => "**", '/' => "*", _ => "`" });
                    if (!open.Remove(c))
                    {
                        open.Add(c);
                    }

                    break;
                case '-' when i + 1 < text.Length && text[i + 1] == '-':
                    var three = i + 2 < text.Length && text[i + 2] == '-';
                    output.Append(three ? '—' : '–');
                    i += three ? 2 : 1;
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>Where <paramref name="value"/> next occurs within <see cref="MaxSpan"/> characters, or -1: a link or an emphasis spans no more.</summary>
    private static int Find(string text, string value, int from) =>
        from >= text.Length ? -1 : text.IndexOf(value, from, Math.Min(MaxSpan, text.Length - from), StringComparison.Ordinal);

    private const int MaxSpan = 2_000;

    /// <summary>jemdoc's rule: an opening marker follows a non-word character and precedes a non-space; a closing one the reverse.</summary>
    private static bool IsEmphasis(string text, int i, char marker, bool isOpen)
    {
        var before = i > 0 ? text[i - 1] : ' ';
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        if (isOpen)
        {
            return !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
        }

        var closes = Find(text, marker.ToString(), i + 1);
        return !char.IsLetterOrDigit(before) && before != marker && !char.IsWhiteSpace(after) && after != marker && closes > i + 1
            && !text.AsSpan(i, closes - i).Contains("://", StringComparison.Ordinal);
    }

    /// <summary><c>url text</c> → <c>[text](url)</c>; an address with an @ and no scheme is an e-mail.</summary>
    private static string Link(string inside)
    {
        var space = inside.IndexOf(' ', StringComparison.Ordinal);
        var url = (space < 0 ? inside : inside[..space]).Trim();
        var label = space < 0 ? string.Empty : inside[(space + 1)..].Trim();
        if (url.StartsWith("img{", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        if (url.Contains('@', StringComparison.Ordinal) && !url.Contains(':', StringComparison.Ordinal))
        {
            url = "mailto:" + url;
        }

        return label.Length == 0 ? (url.StartsWith("mailto:", StringComparison.Ordinal) ? $"[{url[7..]}]({url})" : url) : $"[{label}]({url})";
    }
}
