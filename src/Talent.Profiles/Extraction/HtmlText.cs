using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>Renders an HTML page as the markdown-like text the text reader understands (headings, bullets, bold, links).</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "ul", "ol", "table", "tr", "dl", "dt", "dd",
        "blockquote", "pre", "address", "figure", "figcaption", "form", "body", "html",
    };

    /// <summary>Deeper nesting than any real page has; the HTML parser slows down sharply on such input.</summary>
    public const int MaxNesting = 400;

    private static readonly HashSet<string> NoEndTag = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements and elements whose end tag may be omitted: they do not deepen the count.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "li", "p", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body", "!doctype",
    };

    /// <summary>A void element, or one whose end tag may be omitted: it does not deepen the nesting.</summary>
    public static bool HasNoEndTag(string name) => NoEndTag.Contains(name);

    /// <summary>A linear over-estimate of how deep the page nests its elements, to refuse hostile input before parsing.</summary>
    public static int NestingDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && at + 1 < html.Length)
        {
            var closing = html[at + 1] == '/';
            var start = closing ? at + 2 : at + 1;
            var end = start;
            while (end < html.Length && (char.IsLetterOrDigit(html[end]) || html[end] == '!'))
            {
                end++;
            }

            var gt = html.IndexOf('>', end);
            if (gt < 0)
            {
                break;
            }

            var name = html[start..end];
            if (name.Length > 0 && !name.StartsWith('!') && !NoEndTag.Contains(name))
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (html[gt - 1] != '/')
                {
                    max = Math.Max(max, ++depth);
                }
            }

            at = html.IndexOf('<', gt + 1);
        }

        return max;
    }

    public static string ToMarkdown(string html) => Read(html, []).Markdown;

    /// <summary>The page as markdown, and the person its metadata names (<c>meta name=author</c>, <c>itemprop=name</c>, <c>&lt;title&gt;</c>).</summary>
    public static (string Markdown, string? Name) Read(string html, IReadOnlyList<string> nameLeadIns)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(HtmlNesting.Flatten(html));
        var builder = new StringBuilder(html.Length / 2);
        if (document.Body is { } body)
        {
            Render(body, builder);
        }

        var name = PersonNames.FromTitle(document.QuerySelector("meta[name=author]")?.GetAttribute("content"), nameLeadIns)
            ?? PersonNames.FromTitle(document.QuerySelector("[itemprop=name]")?.TextContent, nameLeadIns)
            ?? PersonNames.FromTitle(document.Title, nameLeadIns);
        return (builder.ToString(), name);
    }

    /// <summary>Depth-first with an explicit stack: a hostile page nests elements deeper than the call stack allows.</summary>
    private static void Render(INode root, StringBuilder builder)
    {
        var stack = new Stack<(INode? Node, string? Text, int Index)>();
        var siblings = new SiblingText();
        PushChildren(root, stack);
        while (stack.Count > 0)
        {
            var (node, pending, index) = stack.Pop();
            if (pending is not null)
            {
                builder.Append(pending);
                continue;
            }

            if (node is IText text)
            {
                AppendFlowed(builder, text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var (open, close) = Markers(element, new Place(siblings, index));
            if (open is null)
            {
                continue;
            }

            builder.Append(open);
            stack.Push((null, close, 0));
            PushChildren(element, stack);
        }
    }

    private static void PushChildren(INode node, Stack<(INode? Node, string? Text, int Index)> stack)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], null, i));
        }
    }

    /// <summary>
    /// Which children of a parent hold text, found once per parent: AngleSharp finds a node's sibling by searching its
    /// parent's children, so walking siblings from every child of a long list would take time growing with its square.
    /// </summary>
    private sealed class SiblingText
    {
        private readonly Dictionary<INode, (int FirstText, int[] NextText)> parents = new(ReferenceEqualityComparer.Instance);

        /// <summary>The index of the parent's first child with text (or its count when none has any), and for each child the next one after it with text (-1 when none).</summary>
        public (int FirstText, int[] NextText) Of(INode parent)
        {
            if (parents.TryGetValue(parent, out var known))
            {
                return known;
            }

            var children = parent.ChildNodes;
            var next = new int[children.Length];
            var following = -1;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                next[i] = following;
                if (children[i] is (IText or IElement) && HasText(children[i]))
                {
                    following = i;
                }
            }

            return parents[parent] = (following < 0 ? children.Length : following, next);
        }
    }

    /// <summary>An element's place among its parent's children, to ask what text stands before and after it.</summary>
    private readonly record struct Place(SiblingText Siblings, int Index)
    {
        /// <summary>Some child of the parent before the element has text.</summary>
        public bool TextBefore(IElement element) => element.Parent is { } parent && Siblings.Of(parent).FirstText < Index;

        /// <summary>The first child after the element that has text is text or an inline element (not a block, which breaks its own line).</summary>
        public bool InlineTextAfter(IElement element)
        {
            if (element.Parent is not { } parent || Siblings.Of(parent).NextText[Index] is not (>= 0 and var next))
            {
                return false;
            }

            var after = parent.ChildNodes[next];
            return after is IText || (after is IElement inline && !Blocks.Contains(inline.LocalName));
        }
    }

    /// <summary>The element's content starts with text or an inline element, not with a block of its own.</summary>
    private static bool StartsWithText(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IText text when string.IsNullOrWhiteSpace(text.Data):
                    continue;
                case IText:
                    return true;
                case IElement inline:
                    return !Blocks.Contains(inline.LocalName) && inline.LocalName is not ("li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6");
            }
        }

        return false;
    }

    /// <summary>Some text node under the node holds more than blank space; the walk stops at the first (no element's whole text is built).</summary>
    private static bool HasText(INode node)
    {
        if (node is IText text)
        {
            return !string.IsNullOrWhiteSpace(text.Data);
        }

        foreach (var descendant in node.GetDescendants())
        {
            if (descendant is IText inner && !string.IsNullOrWhiteSpace(inner.Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text that opens as a BibTeX record ("@inproceedings{key,").</summary>
    private static bool IsBibtexRecord(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var brace = trimmed.IndexOf('{');
        return trimmed.Length > 2 && trimmed[0] == '@' && brace is > 1 and < 20 && trimmed[1..brace].ToString().All(char.IsAsciiLetter);
    }

    /// <summary>
    /// A text node's text as a browser flows it (CSS Text's segment breaks): a line break is a space, except between two
    /// characters of a script written without spaces (Chinese, Japanese), where it and the spaces around it are nothing
    /// ("信" at a source line's end, "号处理" on the next: "信号处理").
    /// </summary>
    private static void AppendFlowed(StringBuilder builder, string data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] is not ('\n' or '\r'))
            {
                builder.Append(data[i]);
                continue;
            }

            var end = i;
            while (end + 1 < data.Length && data[end + 1] is '\n' or '\r' or ' ' or '\t')
            {
                end++;
            }

            var start = builder.Length;
            while (start > 0 && builder[start - 1] is ' ' or '\t')
            {
                start--;
            }

            if (start > 0 && end + 1 < data.Length && InstitutionCatalog.IsUnspacedScript(builder[start - 1]) && InstitutionCatalog.IsUnspacedScript(data[end + 1]))
            {
                builder.Length = start;
            }
            else
            {
                for (var j = i; j <= end; j++)
                {
                    builder.Append(data[j] is '\n' or '\r' ? ' ' : data[j]);
                }
            }

            i = end;
        }
    }

    /// <summary>An address as a markdown link's target: no space or parenthesis ends it early or leaves it open.</summary>
    private static string Address(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);

    /// <summary>An image's alt text as a markdown image's label: one line, no bracket that would end it.</summary>
    private static string ImageAlt(string? alt) =>
        alt is null ? string.Empty : string.Join(' ', alt.Split(['[', ']', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>What to write before and after an element's content; a null opening skips the element.</summary>
    private static (string? Open, string Close) Markers(IElement element, Place place)
    {
        var tag = element.LocalName;
        switch (tag)
        {
            case "script" or "style" or "noscript" or "template" or "svg" or "del" or "s" or "sup" or "head":
                return (null, string.Empty);
            case "video" or "audio" or "canvas":
                // Their text is what a browser that cannot play them shows ("Your browser does not support the video tag").
                return (null, string.Empty);
            case "nav" when element.ParentElement?.Closest("li") is not null:
                // A menu inside a list item is the item's toolbar ("view", "export record", "share"), not its text: a dblp
                // entry's menus put "electronic edition via DOI" where the entry's title begins.
                return (null, string.Empty);
            case "br":
                return ("\n", string.Empty);
            case "img" when element.GetAttribute("src") is { Length: > 0 } src && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase):
                // As markdown writes an image: the text reader keeps it as a link with its alt text (a README's skill
                // icons, "![My Skills](https://skillicons.dev/icons?i=js,react)", are the same list in either form).
                return ("![" + ImageAlt(element.GetAttribute("alt")) + "](" + Address(src) + ")", string.Empty);
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                return ("\n" + new string('#', tag[1] - '0') + " ", "\n");
            case "li":
                return ("\n- ", "\n");
            case "b" or "strong" when HasText(element):
                return ("**", "**");
            case "i" or "em" when HasText(element):
                // An empty <i> is an icon font's glyph (<i class="fa fa-envelope"></i>), not emphasis: markers around
                // nothing would read as a stray "**" beside the text it stands before.
                return ("*", "*");
            case "td" or "th":
                // A cell of lines (a scholar page's title, authors and venue) ends its line: the next cells are the row's counts.
                return ("\t", element.Children.Any(c => Blocks.Contains(c.LocalName) && HasText(c)) ? "\n" : string.Empty);
            case "dd" when StartsWithText(element):
                // A definition list reads as markdown's: the term on its line, ": its text" on the next.
                return ("\n: ", "\n");
            case "a" when element.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#') && !href.Contains("{{", StringComparison.Ordinal):
                // An address that is still a template placeholder ("https://github.com/{{ site.github }}") leads nowhere.
                if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    // A mailto address is a URL: "%61%64%61@..." (as site generators write it to keep it from crawlers) is "ada@...".
                    var address = href["mailto:".Length..];
                    return (" " + Uri.UnescapeDataString(address.Split('?')[0]) + " ", string.Empty);
                }

                return ("[", "](" + Address(href) + ")");
            case "p" or "div" when element.ParentElement is { LocalName: "li" } item && (item.FirstElementChild == element || (HasText(element) && !place.TextBefore(element))) && item.TextContent.Length < 3_000:
                // <li><p>Authors, "Title", Venue 2020.</p></li>: the paragraph is the item's text, on the bullet's line.
                return (string.Empty, " ");
            case "p" or "div" when element.ParentElement is { LocalName: "li" } && !HasText(element):
                // A block without text in a list item (an icon's box) breaks no line: the item's text stays on the bullet's.
                return (string.Empty, string.Empty);
            case "pre" when element.ParentElement?.Closest("li") is not null && IsBibtexRecord(element.TextContent):
                // A publication's BibTeX record shown under it (al-folio's "Bib" button) repeats the entry as code.
                return (null, string.Empty);
            case "p" or "div" when element.ParentElement?.Closest("td, th") is not null || element.ParentElement?.ParentElement?.Closest("li") is not null:
                // Blocks in a table cell are the cell's lines, not paragraphs: one row stays one entry, with no blank line inside.
                return HasText(element)
                    ? (place.TextBefore(element) ? "\n" : string.Empty, place.InlineTextAfter(element) ? "\n" : string.Empty)
                    : (string.Empty, string.Empty);
            default:
                return Blocks.Contains(tag) ? ("\n", "\n") : (string.Empty, string.Empty);
        }
    }
}
