using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Flattens nesting no real page has before the HTML parser sees it. The parser's tree construction checks scopes by
/// walking the open elements, so each tag costs time linear in the nesting depth: 2 MB of lists nested 200 deep took a
/// second. Beyond <see cref="MaxDepth"/> open elements, the tags of elements that only group their content (lists,
/// divisions, spans) are left out: a list's items stay items (a new item closes the previous one, so the tree stays
/// shallow) and a division's text stays on its own lines (its tags become line breaks), which is all the page's text
/// rendering reads of them. A tag's attributes past <see cref="MaxAttributes"/> are left out too: the parser checks each
/// attribute against the tag's others, so one tag of 200,000 attributes took minutes. One pass, linear in the page.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>Deeper than the pages people write (real homepages nest 3 to 30 elements); lower is faster.</summary>
    public const int MaxDepth = 32;

    /// <summary>More attributes than any real tag carries (a few, a few dozen on generated pages); the rest are left out.</summary>
    public const int MaxAttributes = 64;

    /// <summary>How far below the innermost open element an end tag is looked for; further down it is left to the parser.</summary>
    private const int EndTagReach = 16;

    /// <summary>Groups of list items: their items draw the lines, so the group's tags are dropped.</summary>
    private static readonly HashSet<string> ListGroups = new(StringComparer.OrdinalIgnoreCase) { "ul", "ol", "dl", "menu", "dir" };

    /// <summary>Blocks that only group content: their tags become line breaks.</summary>
    private static readonly HashSet<string> BlockGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "address", "figure", "figcaption",
        "center", "details", "summary", "fieldset", "hgroup", "form", "search",
    };

    /// <summary>Inline elements the text rendering ignores: their tags are dropped.</summary>
    private static readonly HashSet<string> InlineGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "span", "font", "small", "big", "u", "abbr", "cite", "label", "time", "mark", "q", "bdi", "bdo", "data", "kbd", "samp",
        "var", "ins", "tt", "nobr", "code",
    };

    /// <summary>Elements whose content is raw text up to their end tag: tags inside are not tags.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    /// <summary>The page with grouping tags beyond <see cref="MaxDepth"/> left out; the page itself when it nests no deeper.</summary>
    public static string Flatten(string html)
    {
        StringBuilder? output = null; // made at the first tag left out: most pages are returned as they are
        var open = new List<(string Name, bool Dropped)>();
        var copied = 0;
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && at + 1 < html.Length)
        {
            var tag = ReadTag(html, at);
            if (tag.End < 0)
            {
                if (tag.AttributesCut >= 0)
                {
                    // The parser drops a tag the page ends in; one with too many attributes is dropped here, unread.
                    return (output ??= new StringBuilder(html.Length)).Append(html, copied, at - copied).ToString();
                }

                break; // an unclosed tag or comment runs to the end of the page: copied as it is
            }

            var replacement = tag.Name is null ? null : Visit(tag, open);
            if (replacement is null && tag.AttributesCut >= 0)
            {
                replacement = html[at..tag.AttributesCut] + (tag.SelfClosing ? "/>" : ">");
            }

            if (replacement is not null)
            {
                (output ??= new StringBuilder(html.Length)).Append(html, copied, at - copied).Append(replacement);
                copied = tag.End;
            }

            var next = tag.End;
            if (tag.Name is not null && !tag.Closing && RawText.Contains(tag.Name))
            {
                var close = html.IndexOf("</" + tag.Name, next, StringComparison.OrdinalIgnoreCase);
                next = close < 0 ? html.Length : close;
            }

            at = next < html.Length ? html.IndexOf('<', next) : -1;
        }

        return output is null ? html : output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Tracks the open elements; what to write instead of the tag, or null to keep it.</summary>
    private static string? Visit(Tag tag, List<(string Name, bool Dropped)> open)
    {
        var name = tag.Name!; // Visit is called for element tags only
        if (HtmlText.HasNoEndTag(name))
        {
            return null;
        }

        if (!tag.Closing)
        {
            if (tag.SelfClosing)
            {
                return null;
            }

            var dropped = open.Count >= MaxDepth && IsGroup(name);
            open.Add((name, dropped));
            return dropped ? Replacement(name) : null;
        }

        for (var i = open.Count - 1; i >= Math.Max(0, open.Count - EndTagReach); i--)
        {
            if (string.Equals(open[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                var dropped = open[i].Dropped;
                open.RemoveRange(i, open.Count - i);
                return dropped ? Replacement(name) : null;
            }
        }

        return null;
    }

    private static bool IsGroup(string name) =>
        ListGroups.Contains(name) || BlockGroups.Contains(name) || InlineGroups.Contains(name) || name.Contains('-', StringComparison.Ordinal);

    private static string Replacement(string name) => BlockGroups.Contains(name) ? "<br>" : string.Empty;

    /// <summary>
    /// A tag from <c>&lt;</c> to past its <c>&gt;</c>: its name (null for a comment, a declaration or a lone <c>&lt;</c>),
    /// and where its attributes past <see cref="MaxAttributes"/> begin (-1 when it has no more than that).
    /// </summary>
    private readonly record struct Tag(string? Name, bool Closing, bool SelfClosing, int End, int AttributesCut = -1);

    private static Tag ReadTag(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return new Tag(null, false, false, close < 0 ? -1 : close + 3);
        }

        var closing = html[at + 1] == '/';
        var start = closing ? at + 2 : at + 1;
        if (start >= html.Length || !char.IsAsciiLetter(html[start]))
        {
            if (start < html.Length && html[start] is '!' or '?')
            {
                var gt = html.IndexOf('>', at);
                return new Tag(null, false, false, gt < 0 ? -1 : gt + 1);
            }

            return new Tag(null, false, false, at + 1); // a '<' of the text
        }

        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        var (tagEnd, attributesCut) = TagEnd(html, end);
        var selfClosing = tagEnd > 0 && html[tagEnd - 2] == '/';
        return new Tag(html[start..end], closing, selfClosing, tagEnd, attributesCut);
    }

    /// <summary>
    /// Just past the <c>&gt;</c> that ends a tag, skipping quoted attribute values (-1 when the page ends first), and where
    /// the attribute after the first <see cref="MaxAttributes"/> begins (-1 when there is none).
    /// </summary>
    private static (int End, int AttributesCut) TagEnd(string html, int at)
    {
        var afterEquals = false;
        var afterSpace = true;
        var attributes = 0;
        var cut = -1;
        for (var i = at; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return (i + 1, cut);
            }

            if (c is '"' or '\'' && afterEquals)
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return (-1, cut);
                }

                i = close;
                afterEquals = false;
                afterSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                afterSpace = true;
                continue;
            }

            // A name that follows a space and is not a value (a = b) begins an attribute.
            if (afterSpace && !afterEquals && c is not ('=' or '/') && ++attributes > MaxAttributes && cut < 0)
            {
                cut = i;
            }

            afterEquals = c == '=';
            afterSpace = false;
        }

        return (-1, cut);
    }
}
