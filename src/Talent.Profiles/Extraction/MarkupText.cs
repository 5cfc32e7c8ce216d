using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>A link met in a document: its anchor text (null for a bare URL) and target.</summary>
internal sealed record LinkRef(string? Label, string Url)
{
    /// <summary>An image (<c>![alt](src)</c>): its alt text is the label; badges and skill icons carry skill lists this way.</summary>
    public bool IsImage { get; init; }
}

/// <summary>
/// One line of a markdown/plain-text document after inline markup is resolved: <see cref="Text"/> keeps bold
/// (<c>**</c>) and italic (<c>*</c>) markers because they delimit titles and venues; <see cref="Plain"/> has none.
/// </summary>
internal sealed record MarkupLine(int Index, string Text, string Plain, IReadOnlyList<LinkRef> Links, bool IsBullet, string? Heading)
{
    public bool IsBlank => Plain.Length == 0;

    /// <summary>1 to 6 for a heading (<c>#</c> to <c>######</c>, setext <c>=</c> 1 and <c>-</c> 2); 0 otherwise.</summary>
    public int HeadingLevel { get; init; }

    /// <summary>
    /// A definition list's definition (": its text", as markdown writes it and the HTML reader renders <c>&lt;dd&gt;</c>):
    /// it belongs to the term above it, with or without a blank line between them.
    /// </summary>
    public bool IsDefinition => Text.Length > 1 && Text[0] == ':' && char.IsWhiteSpace(Text[1]);

    /// <summary>The whole line is one bold run (<c>**Pika**</c>): a sub-heading or an organisation.</summary>
    public bool IsFullyBold => Text.Length > 4 && Text.StartsWith("**", StringComparison.Ordinal) && Text.EndsWith("**", StringComparison.Ordinal)
        && Text.IndexOf("**", 2, StringComparison.Ordinal) == Text.Length - 2;
}

/// <summary>Turns markdown / plain text (with the inline HTML people paste into CVs) into <see cref="MarkupLine"/>s.</summary>
internal static partial class MarkupText
{
    [GeneratedRegex(@"<del\b[^>]*>.*?</del\s*>|<s\b[^>]*>.*?</s\s*>|<strike\b[^>]*>.*?</strike\s*>|<sup\b[^>]*>.*?</sup\s*>|<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DroppedElementPattern();

    [GeneratedRegex(@"</?(?<tag>[a-zA-Z][a-zA-Z0-9]{0,10})\b[^<>]{0,300}>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<a\s[^>]*?\bhref\s*=\s*[""'](?<url>[^""'<>]+)[""'][^>]*>(?<text>(?:[^<]|<[^/]|</[^aA])*)</[aA]\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AnchorPattern();

    [GeneratedRegex(@"\[(?<text>[^\[\]\n]{0,500})\]\((?<url>[^)\s]{0,1000})(?:\s+""[^""]{0,200}"")?\)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://[^\s<>()\[\]|""'`]{1,1000}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BareUrlPattern();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!$|&%<>~^])|\\(?<l>[A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EscapePattern();

    [GeneratedRegex(@"^\s{0,3}(?<h>#{1,6})\s+(?<text>.*?)\s*#*\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AtxHeadingPattern();

    [GeneratedRegex(@"^\s*(?:[-*+•·◦▪‣●○■]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,})\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RulePattern();

    public static List<MarkupLine> Parse(string content)
    {
        var raw = SourceLines(content);
        var start = SkipFrontMatter(raw);
        var lines = new List<MarkupLine>(raw.Length);
        for (var i = start; i < raw.Length; i++)
        {
            var source = raw[i];
            if (string.IsNullOrWhiteSpace(source))
            {
                lines.Add(new MarkupLine(i - start, string.Empty, string.Empty, [], false, null)); // most lines of a rendered page
                continue;
            }

            if (RulePattern().IsMatch(source))
            {
                // A setext underline makes the line above a heading; otherwise it is a horizontal rule.
                if (lines.Count > 0 && lines[^1] is { IsBlank: false, IsBullet: false, Heading: null } previous
                    && previous.Index == i - start - 1 && source.TrimStart()[0] is '-' or '=')
                {
                    lines[^1] = previous with { Heading = previous.Plain, HeadingLevel = source.TrimStart()[0] == '=' ? 1 : 2 };
                }

                lines.Add(new MarkupLine(i - start, string.Empty, string.Empty, [], false, null));
                continue;
            }

            lines.Add(ParseLine(i - start, source));
        }

        return lines;
    }

    public static MarkupLine ParseLine(int index, string source)
    {
        string? heading = null;
        var headingMatch = source.Contains('#', StringComparison.Ordinal) ? AtxHeadingPattern().Match(source) : Match.Empty;
        if (headingMatch.Success)
        {
            source = headingMatch.Groups["text"].Value;
        }

        List<LinkRef>? links = null; // most lines link nothing
        var text = CleanInline(source, ref links);
        var bullet = BulletLength(text);
        var isBullet = bullet > 0 && !headingMatch.Success;
        if (isBullet)
        {
            text = text[bullet..];
        }

        text = text.Trim();
        var plain = ToPlain(text);
        if (headingMatch.Success)
        {
            heading = plain;
        }

        return new MarkupLine(index, text, plain, (IReadOnlyList<LinkRef>?)links ?? [], isBullet, heading)
        {
            HeadingLevel = headingMatch.Success ? headingMatch.Groups["h"].Length : 0,
        };
    }

    /// <summary>The document's lines, each no longer than <see cref="MaxLineChars"/>.</summary>
    internal static string[] SourceLines(string content) =>
        SplitLongLines(content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));

    /// <summary>The length of the list markers a line starts with ("- ", "1. ", "- 1. ", an "o " before a capital letter).</summary>
    internal static int BulletLength(string text)
    {
        var length = 0;
        for (var markers = 0; markers < 8; markers++)
        {
            var rest = text.AsSpan(length);
            var marker = BulletPattern().Match(text[length..]);
            if (marker.Success)
            {
                length += marker.Length;
                continue;
            }

            var o = rest.Length - rest.TrimStart().Length;
            var spaces = 0;
            while (o + 1 + spaces < rest.Length && char.IsWhiteSpace(rest[o + 1 + spaces]))
            {
                spaces++;
            }

            if (o < rest.Length && rest[o] == 'o' && spaces > 0 && o + 1 + spaces < rest.Length && char.IsUpper(rest[o + 1 + spaces]))
            {
                length += o + 1 + spaces;
                continue;
            }

            break;
        }

        return length;
    }

    /// <summary>
    /// Resolves inline HTML, markdown links and escapes; keeps <c>**</c>/<c>*</c> emphasis markers. The links found are
    /// added to <paramref name="links"/>, made on the first one.
    /// </summary>
    public static string CleanInline(string source, ref List<LinkRef>? links)
    {
        var text = source;
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = DroppedElementPattern().Replace(text, string.Empty);
            if (text.Contains("href", StringComparison.OrdinalIgnoreCase))
            {
                text = AnchorsAsLinks(text);
            }

            text = TagPattern().Replace(text, m => m.Groups["tag"].Value.ToLowerInvariant() switch
            {
                "b" or "strong" => "**",
                "i" or "em" => "*",
                "br" or "td" or "th" => "\t",
                _ => string.Empty,
            });
        }

        if (text.Contains("![", StringComparison.Ordinal))
        {
            text = RemoveImages(text, ref links);
        }

        if (text.Contains("](", StringComparison.Ordinal))
        {
            text = ReplaceLinks(text, links ??= []);
        }

        AddBareUrls(text, ref links);

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            text = EscapePattern().Replace(text, m => m.Groups["c"].Success ? m.Groups["c"].Value : m.Groups["l"].Value);
            text = text.TrimEnd().TrimEnd('\\');
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return text;
    }

    /// <summary>The web addresses written out in <paramref name="text"/>, added to <paramref name="links"/> without a label.</summary>
    internal static void AddBareUrls(string text, ref List<LinkRef>? links)
    {
        if (!text.Contains("://", StringComparison.Ordinal)) // every address the pattern finds has one
        {
            return;
        }

        foreach (Match m in BareUrlPattern().Matches(text))
        {
            (links ??= []).Add(new LinkRef(null, m.Value.TrimEnd('.', ',', ';', ':')));
        }
    }

    /// <summary>
    /// HTML anchors written inside markdown (<c>&lt;a href="…"&gt;Personal Website&lt;/a&gt;</c>) become markdown links, so
    /// their address is kept when the tags are dropped; an address that is a template placeholder (<c>{{ … }}</c>) is dropped.
    /// </summary>
    private static string AnchorsAsLinks(string text) =>
        AnchorPattern().Replace(text, m =>
        {
            var url = m.Groups["url"].Value.Trim();
            var label = m.Groups["text"].Value.Replace('[', ' ').Replace(']', ' ');
            return url.Contains('{', StringComparison.Ordinal) || url.Contains(' ', StringComparison.Ordinal) || url.StartsWith('#')
                ? label
                : "[" + label + "](" + url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal) + ")";
        });

    /// <summary>
    /// Images removed from the text and kept as links with their alt text. The address may hold parentheses
    /// ("lines=Kubernetes+(AKS)"), so it is scanned with a depth count instead of matched up to the first ')'.
    /// </summary>
    private static string RemoveImages(string text, ref List<LinkRef>? links)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("![", at, StringComparison.Ordinal);
            var altEnd = open >= 0 ? text.IndexOf("](", open + 2, StringComparison.Ordinal) : -1;
            if (open < 0 || altEnd < 0 || altEnd - open > 302 || text.AsSpan(open, altEnd - open).Contains('\n'))
            {
                builder.Append(text, at, text.Length - at);
                break;
            }

            var end = altEnd + 2;
            var depth = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && (text[end] != ')' || depth > 0) && end - altEnd < 2_000)
            {
                depth += text[end] == '(' ? 1 : text[end] == ')' ? -1 : 0;
                end++;
            }

            if (end >= text.Length || text[end] != ')')
            {
                builder.Append(text, at, altEnd + 2 - at);
                at = altEnd + 2;
                continue;
            }

            builder.Append(text, at, open - at);
            (links ??= []).Add(new LinkRef(text[(open + 2)..altEnd].Trim(), text[(altEnd + 2)..end]) { IsImage = true });
            at = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>Markdown links replaced by their text, each added to <paramref name="links"/>.</summary>
    private static string ReplaceLinks(string text, List<LinkRef> links) =>
        LinkPattern().Replace(text, m =>
        {
            links.Add(new LinkRef(ToPlain(m.Groups["text"].Value).Trim(), m.Groups["url"].Value));
            return m.Groups["text"].Value;
        });

    public static string ToPlain(string text)
    {
        if (!text.Contains('*', StringComparison.Ordinal) && !text.Contains("__", StringComparison.Ordinal))
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("__", string.Empty, StringComparison.Ordinal))
        {
            if (c != '*')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>No real CV line is this long; cutting longer ones (at a space) keeps every per-line pattern cheap.</summary>
    internal const int MaxLineChars = 4_000;

    private static string[] SplitLongLines(string[] lines)
    {
        if (lines.All(l => l.Length <= MaxLineChars))
        {
            return lines;
        }

        var result = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            // Pieces are cut from an offset into the line: copying the rest of the line at every cut is quadratic.
            var at = 0;
            while (line.Length - at > MaxLineChars)
            {
                var cut = line.LastIndexOf(' ', at + MaxLineChars - 1, MaxLineChars / 2) - at;
                cut = cut > 0 ? cut : MaxLineChars;
                result.Add(line.Substring(at, cut));
                at += cut;
            }

            result.Add(at == 0 ? line : line[at..]);
        }

        return result.ToArray();
    }

    internal static int SkipFrontMatter(string[] raw)
    {
        var first = 0;
        while (first < raw.Length && raw[first].Trim().Length == 0)
        {
            first++;
        }

        if (first >= raw.Length || !string.Equals(raw[first].Trim(), "---", StringComparison.Ordinal))
        {
            return 0;
        }

        for (var i = first + 1; i < Math.Min(raw.Length, first + 200); i++)
        {
            if (string.Equals(raw[i].Trim(), "---", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Text set in single-star emphasis (<c>*CVPR 2022*</c>, not <c>**bold**</c>): where each span starts and its text.</summary>
    internal static IEnumerable<(int Index, string Text)> ItalicSpans(string text)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '*')
            {
                continue;
            }

            var run = 1;
            while (i + run < text.Length && text[i + run] == '*')
            {
                run++;
            }

            if (run == 1 && open >= 0 && i - open - 1 is >= 2 and <= 200)
            {
                yield return (open, text[(open + 1)..i]);
                open = -1;
            }
            else
            {
                open = run == 1 ? i : -1;
            }

            i += run - 1;
        }
    }
}
