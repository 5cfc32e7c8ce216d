using System.Text;

namespace Talent.Profiles.Documents;

/// <summary>
/// Repairs text a printed page gave back before it is read as the format it was written in. A listing printed on a page
/// loses two things: a value too long for the line wraps onto the next one, and a word too long to wrap is cut at the
/// edge of the page, so a string or a brace it held is never closed.
/// </summary>
internal static class PrintedText
{
    /// <summary>
    /// JSON printed on a page: a string value too long for the line wrapped onto the next one, so a line break stands inside
    /// the string. Such breaks become spaces (found by one pass that follows the quotes and escapes); breaks between values
    /// stay. A string cut at the page's edge (the next line starts a new member, <c>"key":</c>, or closes the object) is
    /// closed where it was cut.
    /// </summary>
    public static string MendJson(string text)
    {
        var output = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString && c == '\\' && i + 1 < text.Length)
            {
                output.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }
            else if (inString && c == '\n' && StartsMember(text, i + 1) is { } closing)
            {
                output.Append('"').Append(closing ? "\n" : ",\n");
                inString = false;
                continue;
            }
            else if (inString && c is '\n' or '\r' or '\t')
            {
                c = ' ';
            }

            output.Append(c);
        }

        return output.ToString();
    }

    /// <summary>
    /// Whether the line at <paramref name="start"/> begins a JSON member (<c>"key":</c>, false) or closes an object or
    /// array (<c>}</c>, <c>]</c>, true); null when it does neither, so it carries on the string before it. Looks at one
    /// line only (at most its first 200 characters), so the pass stays linear.
    /// </summary>
    private static bool? StartsMember(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] is '}' or ']' && (i + 1 == text.Length || text[i + 1] is ',' or '\n' or '\r' or ' ' or '}' or ']'))
        {
            return true;
        }

        if (i >= text.Length || text[i] != '"')
        {
            return null;
        }

        var end = text.IndexOf('"', i + 1, Math.Min(200, text.Length - i - 1));
        if (end < 0 || text.AsSpan(i + 1, end - i - 1).ContainsAny('\n', '\\'))
        {
            return null;
        }

        var after = end + 1;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return after < text.Length && text[after] == ':' ? false : null;
    }

    /// <summary>
    /// A BibTeX list printed on a page: a field value cut at the page's edge leaves its braces open, which would swallow the
    /// entries after it. Where a line starts a new field (<c>name=</c>) or entry (<c>@type{</c>) while a value is still
    /// open, the value is closed at the end of the line before. Linear in the text.
    /// </summary>
    public static string MendBibtex(string text)
    {
        var output = new StringBuilder(text.Length + 64);
        var depth = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (depth > 0 && trimmed.StartsWith('@') && trimmed.Contains('{', StringComparison.Ordinal))
            {
                CloseTo(0);
            }
            else if (depth > 1 && StartsField(trimmed))
            {
                CloseTo(1);
                output.Append(',');
            }

            if (output.Length > 0)
            {
                output.Append('\n');
            }

            output.Append(line);
            foreach (var c in line)
            {
                depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
            }
        }

        return output.ToString();

        void CloseTo(int level)
        {
            for (; depth > level; depth--)
            {
                output.Append('}');
            }
        }
    }

    /// <summary><c>name = </c> or <c>name={</c> at the start of a line: a BibTeX field.</summary>
    private static bool StartsField(string line)
    {
        var i = 0;
        while (i < line.Length && i < 40 && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '-' or '+'))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i < line.Length && line[i] == '=';
    }
}
