using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// Nesting deeper than any real page is flattened before the HTML parser builds its tree (which costs time linear in the
/// depth for every tag), keeping what the text rendering reads: list items stay items, blocks stay on their own lines.
/// </summary>
public sealed class HtmlNestingTests
{
    [Theory]
    [InlineData("<ul><li>item {0}", "</li></ul>")]
    [InlineData("<ol><li>item {0}", "</ol>")]
    [InlineData("<div><ul><li>item {0}", "</li></ul></div>")]
    [InlineData("<dl><dt>item {0}<dd>", "</dl>")]
    [InlineData("<section><div><span>item {0}</span><br>", "</div></section>")]
    [InlineData("<div class=\"a>b\" title='x'><custom-card>item {0}<br>", "</custom-card></div>")]
    [InlineData("<div></span><font>item {0}<br>", "</font></div>")]
    public void Nesting_beyond_any_real_page_is_flattened_keeping_every_line(string open, string close)
    {
        const int levels = 300;
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, levels).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, open, i)))
            + string.Concat(Enumerable.Repeat(close, levels)) + "</body></html>";

        var flattened = HtmlNesting.Flatten(html);

        Assert.InRange(TreeDepth(flattened), 1, (2 * HtmlNesting.MaxDepth) + 8);
        var lines = HtmlText.ToMarkdown(html).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(Enumerable.Range(0, levels).Select(i => "item " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => l.TrimStart('-', ' ')));
    }

    [Fact]
    public void A_page_nested_as_real_pages_are_is_left_as_it_is()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><ul><li><b>x</b>", 10)) + string.Concat(Enumerable.Repeat("</li></ul></div>", 10)) + "</body></html>";

        Assert.Same(html, HtmlNesting.Flatten(html));
    }

    [Theory]
    [InlineData("<script>", "</script>")]
    [InlineData("<!--", "-->")]
    [InlineData("<textarea>", "</textarea>")]
    public void Tags_inside_scripts_comments_and_raw_text_are_not_counted(string start, string end)
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 200));
        var html = "<html><body>" + start + deep + end + "<div><p>Jane Roe</p></div></body></html>";

        Assert.Same(html, HtmlNesting.Flatten(html));
    }

    [Fact]
    public void Emphasis_links_and_headings_beyond_the_depth_are_kept()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 100));
        var html = "<html><body>" + deep + "<h2>Publications</h2><ul><li><b>Jane Roe</b>, <i>A Title</i>. <a href=\"https://example.org/p.pdf\">pdf</a></li></ul>"
            + string.Concat(Enumerable.Repeat("</div>", 100)) + "</body></html>";

        var lines = HtmlText.ToMarkdown(html).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.Equal(["## Publications", "- **Jane Roe**, *A Title*. [pdf](https://example.org/p.pdf)"], lines);
    }

    /// <summary>How deep the parser's tree nests, counted without recursion.</summary>
    private static int TreeDepth(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((document.DocumentElement, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Attributes_past_any_real_tag_are_left_out(bool closed)
    {
        // The parser checks each attribute against the tag's others: 200,000 of them in one tag took minutes.
        var attributes = string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"{i}\" b{i}=c{i} d{i}"));
        var html = "<html><body><h1>Jane Roe</h1><p><a href=\"https://example.org/jane\"" + attributes + (closed ? ">home page</a></p><p>Tail</p>" : "");

        var flattened = HtmlNesting.Flatten(html);

        Assert.True(flattened.Length < 4_000, $"{flattened.Length} characters left");
        var markdown = HtmlText.ToMarkdown(html);
        Assert.Contains("Jane Roe", markdown, StringComparison.Ordinal);
        if (closed)
        {
            Assert.Contains("[home page](https://example.org/jane)", markdown, StringComparison.Ordinal);
            Assert.Contains("Tail", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_tag_with_as_many_attributes_as_real_tags_carry_is_left_as_it_is()
    {
        var attributes = string.Concat(Enumerable.Range(0, HtmlNesting.MaxAttributes / 2).Select(i => $" data-a{i}='x > y' b{i} = c"));
        var html = "<html><body><p" + attributes + ">Jane Roe</p></body></html>";

        Assert.Same(html, HtmlNesting.Flatten(html));
    }
}
