using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Undoes the ways pages hide addresses from harvesters: <c>name [at] host [dot] org</c>, <c>name (at) host</c>,
/// <c>name AT host DOT edu</c>, <c>name [@] host</c>, <c>{jane,bob}@host</c> (two addresses), and after an e-mail
/// label, <c>Email: name at host dot edu</c> (elsewhere a lower-case "at" is an ordinary word). Linear in the line.
/// </summary>
internal static class EmailObfuscation
{
    private static readonly (string Marker, string Replacement)[] Markers =
    [
        ("[at]", "@"), ("(at)", "@"), ("{at}", "@"), ("[@]", "@"), ("<at>", "@"), (" AT ", "@"), ("＠", "@"),
        ("[dot]", "."), ("(dot)", "."), ("{dot}", "."), (" DOT ", "."), ("<dot>", "."),
    ];

    /// <summary>The line with obfuscated addresses written plainly; the line itself when it hides none.</summary>
    public static string Reveal(string line)
    {
        // Shorter than the shortest address ("a@b.cd") or longer than any real line: nothing to reveal.
        if (line.Length < 6 || line.Length > 4_000)
        {
            return line;
        }

        line = RevealLabelled(line);
        if (!HoldsMarker(line) && !line.Contains("}@", StringComparison.Ordinal))
        {
            return line;
        }

        var text = line;
        foreach (var (marker, replacement) in Markers)
        {
            // " AT "/" DOT " only in capitals: "at" is an ordinary word.
            var comparison = marker.Trim().All(char.IsUpper) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            text = Replace(text, marker, replacement, comparison);
        }

        text = ExpandBraces(text);
        return text;
    }

    /// <summary>
    /// True when the line holds one of <see cref="Markers"/> as <see cref="Reveal"/> replaces them (" AT " and " DOT " in
    /// capitals, the others in any case), in one pass: nearly every line holds none. Looking for each marker ignoring
    /// case took twelve searches per line, and every line with an ordinary " at " was then rebuilt twelve times for nothing.
    /// </summary>
    internal static bool HoldsMarker(string line)
    {
        var text = line.AsSpan();
        if (text.Contains('＠') || text.Contains(" AT ", StringComparison.Ordinal) || text.Contains(" DOT ", StringComparison.Ordinal))
        {
            return true;
        }

        for (var at = text.IndexOfAny(Openers); at >= 0; at = NextOpener(text, at))
        {
            var close = text[at] switch { '[' => ']', '(' => ')', '{' => '}', _ => '>' };
            var rest = text[(at + 1)..];
            if (Word(rest, "at", close) || Word(rest, "dot", close) || (text[at] == '[' && rest.StartsWith("@]", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;

        static int NextOpener(ReadOnlySpan<char> text, int at) => text[(at + 1)..].IndexOfAny(Openers) is var next and >= 0 ? at + 1 + next : -1;

        static bool Word(ReadOnlySpan<char> rest, string word, char close) =>
            rest.Length > word.Length && rest[word.Length] == close && rest[..word.Length].Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "Email: jane at lab dot org": after an e-mail label ("Email:", "E-mail:", "Mail:"), the words "at" and "dot" in
    /// any case stand for '@' and '.'. Only the text after the label changes; a line without such a label is returned.
    /// </summary>
    private static string RevealLabelled(string line)
    {
        var after = AfterEmailLabel(line);
        if (after < 0 || line.IndexOf(" at ", after, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return line;
        }

        var rest = Replace(line[after..], " at ", "@", StringComparison.OrdinalIgnoreCase);
        return line[..after] + Replace(rest, " dot ", ".", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Where the text after the line's first e-mail label ("Email:", "E-mail :", "mail：") begins, or -1.</summary>
    private static int AfterEmailLabel(string line)
    {
        for (var at = line.IndexOf("mail", StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf("mail", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var start = at;
            if (start >= 2 && line[start - 1] == '-' && line[start - 2] is 'e' or 'E')
            {
                start -= 2;
            }
            else if (start >= 1 && line[start - 1] is 'e' or 'E')
            {
                start--;
            }

            var end = at + 4;
            while (end < line.Length && line[end] == ' ')
            {
                end++;
            }

            if ((start == 0 || !char.IsLetterOrDigit(line[start - 1])) && end < line.Length && line[end] is ':' or '：')
            {
                return end + 1;
            }
        }

        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> Openers = System.Buffers.SearchValues.Create("[({<");

    /// <summary>"a @ b . org" (spaces left by the markers) closed up around '@' and '.' between word characters.</summary>
    private static string Replace(string text, string marker, string replacement, StringComparison comparison)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        while (true)
        {
            var found = text.IndexOf(marker, at, comparison);
            if (found < 0)
            {
                builder.Append(text, at, text.Length - at);
                return builder.ToString();
            }

            builder.Append(text.AsSpan(at, found - at).TrimEnd(' '));
            builder.Append(replacement);
            at = found + marker.Length;
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }
        }
    }

    /// <summary>"{jane,bob}@host.org" → "jane@host.org bob@host.org".</summary>
    private static string ExpandBraces(string text)
    {
        var close = text.IndexOf("}@", StringComparison.Ordinal);
        var open = close > 0 ? text.LastIndexOf('{', close) : -1;
        if (open < 0)
        {
            return text;
        }

        var hostEnd = close + 2;
        while (hostEnd < text.Length && (char.IsLetterOrDigit(text[hostEnd]) || text[hostEnd] is '.' or '-'))
        {
            hostEnd++;
        }

        var host = text[(close + 1)..hostEnd];
        var names = text[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return text[..open] + string.Join(' ', names.Select(n => n + host)) + text[hostEnd..];
    }
}
