using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a markdown document with Markdig (CommonMark and pipe tables) and turns its syntax tree into the
/// <see cref="MarkupLine"/>s the section readers consume, the same lines an HTML page gives: a heading line per heading
/// (ATX or setext), a bullet line for the first line of each list item at any depth, one line per source line of a
/// paragraph, one line per table row, and an HTML block read by the HTML reader. Line <see cref="MarkupLine.Index"/>es
/// follow the source lines, so a blank line in the source is a blank line for the readers that separate entries by them.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Deeper than the lists and quotes people write; Markdig stops nesting blocks and inlines beyond it.</summary>
    public const int MaxNesting = 32;

    /// <summary>More cells than a table row of a CV has; a line of more pipes is read as text.</summary>
    public const int MaxTableCells = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNesting }.UsePipeTables().Build();

    /// <summary>The lines of a markdown document; a front matter block (<c>---</c> … <c>---</c>) is left out.</summary>
    public static List<MarkupLine> Parse(string content)
    {
        var source = MarkupText.SourceLines(content);
        if (LooksDeeplyNested(source))
        {
            return MarkupText.Parse(content);
        }

        var start = MarkupText.SkipFrontMatter(source);
        EscapeOverlongRows(source);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(string.Join('\n', source, start, source.Length - start), Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses a tree deeper than MaxNesting (lists indented hundreds of levels, thousands of "> "): no
            // real page is shaped so, and its text is still read, line by line.
            return MarkupText.Parse(content);
        }

        var writer = new LineWriter(source.Length - start);
        writer.Blocks(document);
        return writer.Lines;
    }

    /// <summary>
    /// A line of more than <see cref="MaxTableCells"/> pipes is not read as a table row: its pipes are escaped, so it is a
    /// line of text. Markdig makes a block of every cell (a line of 900,000 pipes took 800 MB and seconds); no CV's
    /// table has a tenth as many columns.
    /// </summary>
    private static void EscapeOverlongRows(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > MaxTableCells && lines[i].AsSpan().Count('|') > MaxTableCells)
            {
                lines[i] = lines[i].Replace("|", "\\|", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// A line that opens with more list, quote and indentation marks than <see cref="MaxNesting"/> levels take: no real page
    /// has one, and Markdig works through every level before it refuses the tree, so such a page is read line by line.
    /// </summary>
    private static bool LooksDeeplyNested(string[] lines)
    {
        foreach (var line in lines)
        {
            var marks = 0;
            while (marks < line.Length && line[marks] is ' ' or '\t' or '>' or '-' or '*' or '+')
            {
                marks++;
            }

            if (marks > 4 * MaxNesting)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks the blocks in document order; the recursion is as deep as the tree, which Markdig holds to <see cref="MaxNesting"/>.</summary>
    private sealed class LineWriter(int sourceLines)
    {
        public List<MarkupLine> Lines { get; } = new(sourceLines);

        /// <summary>Set by a list item: the first line written inside it is the item's bullet line.</summary>
        private bool bulletPending;

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                Block(block);
            }
        }

        private void Block(Block block)
        {
            switch (block)
            {
                case ListItemBlock item when item.Parent is ListBlock { IsOrdered: true } list && item.Order > 999:
                    // "2019. A paper title": a year, not the 2019th item of a list.
                    Blocks(item, prefix: item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture) + list.OrderedDelimiter + " ");
                    break;
                case ListItemBlock item:
                    bulletPending = true;
                    Blocks(item);
                    bulletPending = false;
                    break;
                case Table table:
                    TableRows(table);
                    break;
                case ContainerBlock container:
                    Blocks(container);
                    break;
                case HeadingBlock heading:
                    Heading(heading);
                    break;
                case HtmlBlock html:
                    Html(html);
                    break;
                case FencedCodeBlock code:
                    CodeLines(code, literal: true);
                    break;
                case CodeBlock code:
                    // Text indented four spaces outside a list is layout in a CV far more often than code: read as text.
                    CodeLines(code, literal: false);
                    break;
                case LinkReferenceDefinition definition when definition.Url?.Contains("://", StringComparison.Ordinal) == true:
                    // "[scholar]: https://…" at the foot of a page: the address is written out where the definition stands.
                    Add(definition.Line, definition.Url, [new LinkRef(null, definition.Url)], isBullet: false);
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    Paragraph(leaf.Line, inline, prefix: null);
                    break;
            }
        }

        /// <summary>An ordered item read as text: its marker is written back in front of its first line.</summary>
        private void Blocks(ListItemBlock item, string prefix)
        {
            foreach (var block in item)
            {
                if (block is ParagraphBlock { Inline: { } inline } paragraph && prefix.Length > 0)
                {
                    Paragraph(paragraph.Line, inline, prefix);
                    prefix = string.Empty;
                    continue;
                }

                Block(block);
            }
        }

        private void Paragraph(int line, ContainerInline inline, string? prefix)
        {
            foreach (var rendered in MarkdownInlines.Lines(inline))
            {
                var text = prefix is null ? rendered.Text : prefix + rendered.Text;
                prefix = null;
                var bullet = MarkupText.BulletLength(text);
                Add(line + rendered.Offset, bullet > 0 ? text[bullet..].Trim() : text, rendered.Links, isBullet: bullet > 0);
            }
        }

        private void Heading(HeadingBlock heading)
        {
            if (heading.Inline is null)
            {
                return;
            }

            var rendered = MarkdownInlines.Line(heading.Inline);
            var plain = MarkupText.ToPlain(rendered.Text);
            Fill(heading.Line);
            Lines.Add(new MarkupLine(Lines.Count, rendered.Text, plain, rendered.Links, false, plain) { HeadingLevel = heading.Level });
            bulletPending = false;
        }

        /// <summary>A table row is one line, its cells separated by " | ", as a row written without the table syntax reads.</summary>
        private void TableRows(Table table)
        {
            Fill(table.Line);
            foreach (var row in table.OfType<TableRow>())
            {
                var cells = row.OfType<TableCell>()
                    .Select(cell => cell.OfType<LeafBlock>().Where(b => b.Inline is not null).Select(b => MarkdownInlines.Line(b.Inline!)).ToList())
                    .Select(parts => (Text: string.Join(' ', parts.Select(p => p.Text)), Links: parts.SelectMany(p => p.Links)))
                    .ToList();
                Append(string.Join(" | ", cells.Select(c => c.Text)).Trim(), cells.SelectMany(c => c.Links).ToList(), isBullet: false);
            }
        }

        /// <summary>Raw HTML inside markdown (a centred header, a details box, a list of papers) is read by the HTML reader.</summary>
        private void Html(HtmlBlock html)
        {
            if (html.Type == HtmlBlockType.Comment)
            {
                return;
            }

            Fill(html.Line);
            var previousBlank = true;
            foreach (var line in MarkupText.Parse(HtmlText.ToMarkdown(html.Lines.ToString())))
            {
                // The HTML reader puts each block on lines of its own: runs of blank lines are one blank line here.
                // A line of images alone (skill icons) has no text but is no blank line.
                var blank = line.IsBlank && line.Links.Count == 0;
                if (blank && previousBlank)
                {
                    continue;
                }

                previousBlank = blank;
                Lines.Add(line with { Index = Lines.Count, IsBullet = line.IsBullet || (bulletPending && !line.IsBlank) });
                bulletPending &= line.IsBlank;
            }
        }

        private void CodeLines(CodeBlock code, bool literal)
        {
            // An empty code block ("```" closed at once, a fence with nothing after it) holds no line array at all.
            for (var i = 0; i < code.Lines.Count && code.Lines.Lines is { } all; i++)
            {
                var line = all[i];
                var source = line.Slice.ToString();
                if (string.IsNullOrWhiteSpace(source))
                {
                    continue;
                }

                Fill(line.Line);
                if (!literal)
                {
                    Lines.Add(MarkupText.ParseLine(Lines.Count, source));
                    continue;
                }

                List<LinkRef>? links = null;
                MarkupText.AddBareUrls(source, ref links);
                Append(source.Trim(), (IReadOnlyList<LinkRef>?)links ?? [], isBullet: false);
            }
        }

        private void Add(int line, string text, IReadOnlyList<LinkRef> links, bool isBullet)
        {
            Fill(line);
            Append(text, links, isBullet);
        }

        private void Append(string text, IReadOnlyList<LinkRef> links, bool isBullet)
        {
            Lines.Add(new MarkupLine(Lines.Count, text, MarkupText.ToPlain(text), links, isBullet || bulletPending, null));
            bulletPending = false;
        }

        /// <summary>Blank lines up to a source line, so the lines keep the source's blank lines between blocks.</summary>
        private void Fill(int line)
        {
            while (Lines.Count < line)
            {
                Lines.Add(new MarkupLine(Lines.Count, string.Empty, string.Empty, [], false, null));
            }
        }
    }
}
