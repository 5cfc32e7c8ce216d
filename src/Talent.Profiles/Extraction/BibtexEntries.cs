using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>One BibTeX entry: its type (<c>article</c>, <c>inproceedings</c>…) and its fields, names in lower case.</summary>
internal sealed record BibtexEntry(string Type, IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value : null;
}

/// <summary>
/// Scans BibTeX and biblatex text into entries in one pass: <c>@string</c> abbreviations (and the month
/// names BibTeX predefines) are resolved, <c>#</c> concatenations joined, <c>@comment</c> and
/// <c>@preamble</c> skipped, and an entry on a line commented out with <c>%</c> ignored. Field names keep
/// biblatex annotations (<c>author+an</c>). Every character is visited a bounded number of times, whatever
/// the nesting or the missing braces.
/// </summary>
internal static class BibtexEntries
{
    /// <summary>Longest entry type read (<c>inproceedings</c>, <c>mastersthesis</c>); anything longer is not an entry.</summary>
    private const int MaxTypeLength = 20;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static IEnumerable<BibtexEntry> Read(string content)
    {
        var macros = new Abbreviations(content.Length);
        foreach (var (month, index) in Months.Select((m, i) => (m, i)))
        {
            macros.Define(month, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var at = 0;
        while (NextEntry(content, ref at) is { } type)
        {
            var open = content[at];
            var close = open == '(' ? ')' : '}';
            at++;
            switch (type.ToLowerInvariant())
            {
                case "comment" or "preamble":
                    SkipBalanced(content, ref at, close);
                    continue;
                case "string":
                    foreach (var (name, value) in Fields(content, ref at, close, macros))
                    {
                        macros.Define(name, value);
                    }

                    continue;
            }

            // The citation key runs to the first comma; an entry without one has no fields.
            var comma = content.IndexOfAny([',', close, '@'], at);
            if (comma < 0 || content[comma] != ',')
            {
                at = comma < 0 ? content.Length : comma;
                continue;
            }

            at = comma + 1;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in Fields(content, ref at, close, macros))
            {
                fields.TryAdd(name, value);
            }

            if (fields.Count > 0)
            {
                yield return new BibtexEntry(type.ToLowerInvariant(), fields);
            }
        }
    }

    /// <summary>Moves to the opening delimiter of the next entry outside a <c>%</c> comment and returns its type, or null.</summary>
    private static string? NextEntry(string content, ref int at)
    {
        while (at < content.Length)
        {
            var sign = content.IndexOf('@', at);
            if (sign < 0)
            {
                at = content.Length;
                return null;
            }

            var end = sign + 1;
            while (end < content.Length && end - sign <= MaxTypeLength && char.IsAsciiLetter(content[end]))
            {
                end++;
            }

            var type = content[(sign + 1)..end];
            // BibTeX allows any white space, line breaks too, between the type and its delimiter ("@incollection\n(").
            while (end < content.Length && content[end] is ' ' or '\t' or '\n' or '\r')
            {
                end++;
            }

            at = sign + 1;
            if (type.Length >= 2 && end < content.Length && content[end] is '{' or '(' && !CommentedOut(content, sign))
            {
                at = end;
                return type;
            }
        }

        return null;
    }

    /// <summary>True when only blanks and a <c>%</c> stand between the line's start and <paramref name="index"/>.</summary>
    private static bool CommentedOut(string content, int index)
    {
        for (var i = index - 1; i >= 0 && content[i] is not '\n' and not '\r'; i--)
        {
            if (content[i] == '%')
            {
                return true;
            }

            if (!char.IsWhiteSpace(content[i]))
            {
                return false;
            }
        }

        return false;
    }

    private static List<(string Name, string Value)> Fields(string content, ref int at, char close, Abbreviations macros)
    {
        var fields = new List<(string, string)>();
        while (at < content.Length)
        {
            SkipBlanksAndComments(content, ref at);
            if (at >= content.Length || content[at] == close)
            {
                at = Math.Min(at + 1, content.Length);
                break;
            }

            if (content[at] == '@')
            {
                break;
            }

            var nameStart = at;
            while (at < content.Length && (char.IsLetterOrDigit(content[at]) || content[at] is '_' or '-' or '+' or '.' or ':'))
            {
                at++;
            }

            var name = content[nameStart..at].ToLowerInvariant();
            SkipBlanksAndComments(content, ref at);
            if (name.Length == 0 || at >= content.Length || content[at] != '=')
            {
                // Not a field: skip to the next comma or the entry's end and read on from there.
                var next = content.IndexOfAny([',', close, '@'], Math.Min(at + 1, content.Length));
                at = next < 0 ? content.Length : next;
                if (at < content.Length && content[at] == ',')
                {
                    at++;
                }

                continue;
            }

            at++;
            fields.Add((name, ReadValue(content, ref at, macros)));
        }

        return fields;
    }

    private static void SkipBlanksAndComments(string content, ref int at)
    {
        while (at < content.Length)
        {
            if (char.IsWhiteSpace(content[at]) || content[at] == ',')
            {
                at++;
            }
            else if (content[at] == '%')
            {
                var end = content.IndexOf('\n', at);
                at = end < 0 ? content.Length : end + 1;
            }
            else
            {
                return;
            }
        }
    }

    private static void SkipBalanced(string content, ref int at, char close)
    {
        var depth = 1;
        for (; at < content.Length && depth > 0; at++)
        {
            if (content[at] == '{' || (close == ')' && content[at] == '('))
            {
                depth++;
            }
            else if (content[at] == '}' || (close == ')' && content[at] == ')'))
            {
                depth--;
            }
        }
    }

    /// <summary>Reads <c>{…}</c>, <c>"…"</c>, a number or an abbreviation, joined by <c>#</c>.</summary>
    private static string ReadValue(string content, ref int at, Abbreviations macros)
    {
        var value = new StringBuilder();
        while (at < content.Length)
        {
            while (at < content.Length && char.IsWhiteSpace(content[at]))
            {
                at++;
            }

            if (at >= content.Length)
            {
                break;
            }

            var start = at;
            if (content[at] is '{' or '"')
            {
                var quoted = content[at] == '"';
                var depth = 0;
                at++;
                for (; at < content.Length; at++)
                {
                    var c = content[at];
                    if (c == '{')
                    {
                        depth++;
                    }
                    else if (c == '}' && depth-- == 0)
                    {
                        break;
                    }
                    else if (quoted && c == '"' && depth == 0)
                    {
                        break;
                    }
                }

                value.Append(content, start + 1, Math.Min(at, content.Length) - start - 1);
                at = Math.Min(at + 1, content.Length);
            }
            else
            {
                while (at < content.Length && (char.IsLetterOrDigit(content[at]) || content[at] is '_' or '-' or '.' or ':' or '+'))
                {
                    at++;
                }

                if (at == start)
                {
                    break;
                }

                var word = content[start..at];
                value.Append(macros.Resolve(word));
            }

            while (at < content.Length && char.IsWhiteSpace(content[at]))
            {
                at++;
            }

            if (at < content.Length && content[at] == '#')
            {
                at++;
                continue;
            }

            break;
        }

        return value.ToString();
    }

    /// <summary>
    /// The <c>@string</c> abbreviations defined so far, and how much text their uses may still make. Each use copies its
    /// value, so abbreviations defined by joining earlier ones (<c>@string{b = a # a}</c>, <c>@string{c = b # b}</c>…)
    /// double at every step; past a budget of four times the document's length (plus 100,000 characters) an
    /// abbreviation is left as its name, as an undefined one is, and the work stays linear in the document.
    /// </summary>
    private sealed class Abbreviations(int contentLength)
    {
        private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
        private long budget = (4L * contentLength) + 100_000;

        public void Define(string name, string value) => values[name] = value;

        public string Resolve(string word)
        {
            if (!values.TryGetValue(word, out var value) || value.Length > budget)
            {
                return word;
            }

            budget -= value.Length;
            return value;
        }
    }
}
