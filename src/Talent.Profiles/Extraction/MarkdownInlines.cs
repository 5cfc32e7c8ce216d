using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>One line of a paragraph as the readers see it: text with <c>**</c>/<c>*</c> emphasis markers and its links.</summary>
internal sealed record RenderedLine(string Text, IReadOnlyList<LinkRef> Links, int Offset);

/// <summary>
/// Renders Markdig's inlines as <see cref="MarkupLine.Text"/>: emphasis as <c>**</c> (strong) and <c>*</c>, a link as its
/// label (the link kept with its address), an image as a link with its alt text and no text, code as its content, inline
/// HTML the way the HTML reader reads it (<c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;a href&gt;</c>; struck-out and
/// superscript text left out). A paragraph is cut into lines where its source lines end, except inside a word of a script
/// written without spaces.
/// </summary>
internal static partial class MarkdownInlines
{
    [GeneratedRegex(@"\bhref\s*=\s*[""'](?<url>[^""'<>]+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"\b(?<name>src|alt)\s*=\s*(?:""(?<value>[^""<>]*)""|'(?<value>[^'<>]*)')", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ImageAttributePattern();

    /// <summary>Elements whose content is not part of the text: struck-out words, footnote marks, scripts.</summary>
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase) { "del", "s", "strike", "sup", "script", "style" };

    /// <summary>The paragraph's lines, each with its offset from the paragraph's first source line.</summary>
    public static List<RenderedLine> Lines(ContainerInline inline)
    {
        var renderer = new Renderer(splitLines: true);
        renderer.Render(inline);
        renderer.Flush();
        return renderer.Lines;
    }

    /// <summary>The inlines as one line (a heading, a table cell): line breaks become spaces.</summary>
    public static RenderedLine Line(ContainerInline inline)
    {
        var renderer = new Renderer(splitLines: false);
        renderer.Render(inline);
        renderer.Flush();
        return renderer.Lines[0];
    }

    private sealed class Renderer(bool splitLines)
    {
        private readonly StringBuilder text = new();
        private List<LinkRef>? links;
        private int offset;
        private int lineStart;
        private int nesting;
        private int dropped;
        private (int Start, string? Url)? anchor;

        public List<RenderedLine> Lines { get; } = [];

        public void Render(ContainerInline container)
        {
            foreach (var inline in container)
            {
                Render(inline);
            }
        }

        private void Render(Inline inline)
        {
            if (inline is HtmlInline html)
            {
                Tag(html.Tag ?? string.Empty);
                return;
            }

            if (inline is LineBreakInline lineBreak)
            {
                if (lineBreak.IsHard || !WithinUnspacedWord(lineBreak))
                {
                    Break();
                }

                offset += splitLines ? 1 : 0;
                return;
            }

            if (dropped > 0)
            {
                return;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url); // an address is read from the text, as it is where a page writes it out
                    break;
                case EmphasisInline emphasis:
                    var marker = emphasis.DelimiterCount >= 2 ? "**" : "*";
                    text.Append(marker);
                    Nested(emphasis);
                    text.Append(marker);
                    break;
                case LinkInline { IsImage: true } image:
                    var before = text.Length;
                    Nested(image);
                    var alt = MarkupText.ToPlain(text.ToString(before, text.Length - before));
                    text.Length = before;
                    (links ??= []).Add(new LinkRef(alt, image.Url ?? string.Empty) { IsImage = true });
                    break;
                case LinkInline link:
                    var start = text.Length;
                    Nested(link);
                    (links ??= []).Add(new LinkRef(MarkupText.ToPlain(text.ToString(start, text.Length - start)), link.Url ?? string.Empty));
                    break;
                case ContainerInline container:
                    Nested(container);
                    break;
                default:
                    text.Append(inline.ToString());
                    break;
            }
        }

        private void Nested(ContainerInline container)
        {
            nesting++;
            Render(container);
            nesting--;
        }

        /// <summary>A source line ends: a new line starts, except inside a link or emphasis, where it is a space.</summary>
        private void Break()
        {
            if (!splitLines || nesting > 0)
            {
                text.Append(' ');
                return;
            }

            Flush();
            lineStart = offset + 1;
        }

        /// <summary>
        /// A source line that ends between two characters of a script written without spaces (Chinese, Japanese): the text
        /// goes on with no break or space, as in print ("信" at a line's end, "号处理" on the next: "信号处理").
        /// </summary>
        private bool WithinUnspacedWord(LineBreakInline lineBreak) =>
            text.Length > 0 && InstitutionCatalog.IsUnspacedScript(text[^1])
            && lineBreak.NextSibling is LiteralInline { Content: { Length: > 0 } next } && InstitutionCatalog.IsUnspacedScript(next.CurrentChar);

        public void Flush()
        {
            var line = text.ToString().Trim();
            MarkupText.AddBareUrls(line, ref links);
            Lines.Add(new RenderedLine(line, (IReadOnlyList<LinkRef>?)links ?? [], lineStart));
            text.Clear();
            links = null;
            dropped = 0;
            anchor = null;
        }

        /// <summary>An inline <c>&lt;img&gt;</c> is an image as markdown writes one: its alt text and address (skill icons, badges).</summary>
        private void Image(string tag)
        {
            string? src = null;
            string? alt = null;
            foreach (Match attribute in ImageAttributePattern().Matches(tag))
            {
                if (attribute.Groups["name"].Value.Equals("src", StringComparison.OrdinalIgnoreCase))
                {
                    src ??= System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim();
                }
                else
                {
                    alt ??= System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim();
                }
            }

            if (!string.IsNullOrEmpty(src) && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                (links ??= []).Add(new LinkRef(alt, src) { IsImage = true });
            }
        }

        /// <summary>An inline HTML tag, read as the HTML reader reads the element.</summary>
        private void Tag(string tag)
        {
            var closing = tag.StartsWith("</", StringComparison.Ordinal);
            var nameStart = closing ? 2 : 1;
            var nameEnd = nameStart;
            while (nameEnd < tag.Length && char.IsAsciiLetterOrDigit(tag[nameEnd]))
            {
                nameEnd++;
            }

            var name = tag[nameStart..nameEnd].ToLowerInvariant();
            if (DroppedElements.Contains(name))
            {
                dropped = closing ? Math.Max(0, dropped - 1) : dropped + 1;
                return;
            }

            if (dropped > 0)
            {
                return;
            }

            switch (name)
            {
                case "b" or "strong":
                    text.Append("**");
                    break;
                case "i" or "em":
                    text.Append('*');
                    break;
                case "br" or "td" or "th":
                    text.Append('\t');
                    break;
                case "a" when !closing:
                    var href = HrefPattern().Match(tag);
                    anchor = (text.Length, href.Success ? href.Groups["url"].Value.Trim() : null);
                    break;
                case "a" when anchor is { } open:
                    Anchor(open.Start, open.Url);
                    break;
                case "img":
                    Image(tag);
                    break;
            }
        }

        /// <summary>
        /// An HTML anchor's text becomes a link's label; brackets in it ("[pdf]") are dropped as the markdown link it would
        /// be written as drops them. An address that is a template placeholder (<c>{{ … }}</c>) or a fragment is no link.
        /// </summary>
        private void Anchor(int start, string? url)
        {
            anchor = null;
            for (var i = start; i < text.Length; i++)
            {
                text[i] = text[i] is '[' or ']' ? ' ' : text[i];
            }

            if (url is null || url.Contains('{', StringComparison.Ordinal) || url.Contains(' ', StringComparison.Ordinal) || url.StartsWith('#'))
            {
                return;
            }

            (links ??= []).Add(new LinkRef(MarkupText.ToPlain(text.ToString(start, text.Length - start)), url));
        }
    }
}
