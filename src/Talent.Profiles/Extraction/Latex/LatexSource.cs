using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Plain scanning over LaTeX source shared by the macro expander and the converter: comments and false conditionals
/// removed, brace groups and bracketed options found by counting, never by backtracking.
/// </summary>
internal static class LatexSource
{
    /// <summary>
    /// Drops <c>% comments</c> (with their line break, as TeX does), <c>\iffalse ... \fi</c> (keeping an <c>\else</c> branch)
    /// and <c>comment</c> environments; one pass over the text.
    /// </summary>
    public static string WithoutComments(string latex)
    {
        var text = latex.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '%')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
                continue;
            }

            if (c != '\\' || i + 1 >= text.Length)
            {
                output.Append(c);
                i++;
                continue;
            }

            if (StartsWithCommand(text, i, "iffalse"))
            {
                i = AfterFalseBranch(text, i + "\\iffalse".Length);
                continue;
            }

            if (string.CompareOrdinal(text, i, @"\begin{comment}", 0, 15) == 0)
            {
                var end = text.IndexOf(@"\end{comment}", i, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 13;
                continue;
            }

            // An escaped character (\%, \\) is copied with its backslash so that it is never read as a comment.
            output.Append(c).Append(text[i + 1]);
            i += 2;
        }

        return output.ToString();
    }

    /// <summary>True when <paramref name="text"/> has the control word <paramref name="name"/> at <paramref name="at"/> (not a longer word).</summary>
    public static bool StartsWithCommand(string text, int at, string name) =>
        at + name.Length < text.Length && text[at] == '\\' && string.CompareOrdinal(text, at + 1, name, 0, name.Length) == 0
        && (at + 1 + name.Length == text.Length || !char.IsLetter(text[at + 1 + name.Length]));

    /// <summary>The index after the <c>\fi</c> (or <c>\else</c>) that closes a false branch, counting nested <c>\if..</c>.</summary>
    private static int AfterFalseBranch(string text, int at)
    {
        var nesting = 0;
        var i = at;
        while (i < text.Length)
        {
            var slash = text.IndexOf('\\', i);
            if (slash < 0 || slash + 1 >= text.Length)
            {
                return text.Length;
            }

            var end = slash + 1;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            var word = text.AsSpan(slash + 1, end - slash - 1);
            if (word.StartsWith("if", StringComparison.Ordinal))
            {
                nesting++;
            }
            else if (word.SequenceEqual("fi"))
            {
                if (nesting-- == 0)
                {
                    return end;
                }
            }
            else if (word.SequenceEqual("else") && nesting == 0)
            {
                return end;
            }

            i = Math.Max(end, slash + 2);
        }

        return text.Length;
    }

    /// <summary>Index of the brace closing the group opened at <paramref name="open"/>; the text's end when it is never closed.</summary>
    public static int ClosingBrace(string text, int open) => Closing(text, open, '{', '}');

    /// <summary>The opening braces of <paramref name="text"/> that no brace closes, in order (escaped braces left out, as <see cref="ClosingBrace"/> does).</summary>
    public static int[] UnclosedBraces(string text)
    {
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    open.Push(i);
                    break;
                case '}':
                    open.TryPop(out _);
                    break;
            }
        }

        var unclosed = open.ToArray();
        Array.Reverse(unclosed);
        return unclosed;
    }

    /// <summary>Index of the bracket closing the option opened at <paramref name="open"/>, braces inside counted.</summary>
    public static int ClosingBracket(string text, int open) => Closing(text, open, '[', ']');

    private static int Closing(string text, int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == opening || (c == '{' && opening != '{'))
            {
                depth++;
            }
            else if (c == closing || (c == '}' && closing != '}'))
            {
                if (--depth == 0)
                {
                    return i;
                }

                if (depth < 0)
                {
                    return text.Length;
                }
            }
        }

        return text.Length;
    }

    /// <summary>The first index at or after <paramref name="at"/> that is not a space or tab, and not a line break when <paramref name="lineBreaks"/> allows one (a blank line always stops).</summary>
    public static int SkipSpaces(string text, int at, bool lineBreaks)
    {
        var i = at;
        var breaks = 0;
        while (i < text.Length && (text[i] is ' ' or '\t' || (lineBreaks && text[i] == '\n' && breaks++ == 0)))
        {
            i++;
        }

        return i;
    }
}
