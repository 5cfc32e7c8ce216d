using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Talent.Profiles.Extraction;

/// <summary>Renders an HTML page as the markdown-like text the text reader understands (headings, bullets, bold, links).</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "ul", "ol", "table", "tr", "dl", "dt", "dd",
        "blockquote", "pre", "address", "figure", "figcaption", "form", "body", "html",
    };

    public static string ToMarkdown(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var builder = new StringBuilder(html.Length / 2);
        if (document.Body is { } body)
        {
            Render(body, builder);
        }

        return builder.ToString();
    }

    private static void Render(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var tag = element.LocalName;
            switch (tag)
            {
                case "script" or "style" or "noscript" or "template" or "svg" or "del" or "s" or "sup":
                    continue;
                case "br":
                    builder.Append('\n');
                    continue;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    builder.Append('\n').Append('#', tag[1] - '0').Append(' ');
                    Render(element, builder);
                    builder.Append('\n');
                    continue;
                case "li":
                    builder.Append("\n- ");
                    Render(element, builder);
                    builder.Append('\n');
                    continue;
                case "b" or "strong":
                    builder.Append("**");
                    Render(element, builder);
                    builder.Append("**");
                    continue;
                case "td" or "th":
                    builder.Append('\t');
                    Render(element, builder);
                    continue;
                case "a" when element.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#'):
                    var inner = new StringBuilder();
                    Render(element, inner);
                    var label = inner.ToString().Trim();
                    if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                    {
                        builder.Append(' ').Append(href["mailto:".Length..]).Append(' ');
                    }
                    else
                    {
                        builder.Append('[').Append(label.Replace('[', '(').Replace(']', ')')).Append("](").Append(href.Replace(" ", "%20", StringComparison.Ordinal)).Append(')');
                    }

                    continue;
            }

            var block = Blocks.Contains(tag);
            if (block)
            {
                builder.Append('\n');
            }

            Render(element, builder);
            if (block)
            {
                builder.Append('\n');
            }
        }
    }
}
