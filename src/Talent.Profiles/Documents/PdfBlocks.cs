using System.Text;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Documents;

/// <summary>
/// Collects PDF lines into blocks and writes them: lines a paragraph wrapped are joined into one, lines set one under the
/// other at the paragraph's own line spacing stay lines of one block (an entry: title, authors, venue), and a wider space,
/// a new column or a new page starts a new block. A block that starts with a bullet is a list item (nested by the
/// bullet's indent) whose further lines are its continuation, as a written list item with line breaks reads.
/// </summary>
internal sealed partial class PdfBlocks(double leading)
{
    private readonly StringBuilder text = new();

    /// <summary>The lines of the paragraph being read (joined on output), and the paragraphs of the block before it.</summary>
    private readonly List<PdfLine> paragraph = [];

    private readonly List<string> block = [];

    /// <summary>Whether each paragraph of the block is wholly bold, italic or one link (a title over its details).</summary>
    private readonly List<bool> styled = [];

    /// <summary>Whether the block is a listing (monospaced), whose lines always stay together.</summary>
    private bool listing;

    /// <summary>
    /// Whether the block is a numbered entry ("1.", "[3]", "(2)") whose further lines all begin right of its number, as
    /// a numbered list's item wraps (a hanging indent): its lines are one entry.
    /// </summary>
    private bool numberedEntry;

    /// <summary>Left edge of the block's first line.</summary>
    private double blockLeft;

    /// <summary>Left edges of the bullets of the list being read, outermost first.</summary>
    private readonly List<double> indents = [];

    private bool afterItem;

    /// <summary>Whether the block being read began after a wider space than a paragraph's lines have.</summary>
    private bool openedByGap;

    public override string ToString()
    {
        EndBlock(false);
        return text.ToString();
    }

    /// <summary>True when <paramref name="line"/> stands under <paramref name="previous"/> at the line spacing of a paragraph.</summary>
    public bool SameBlock(PdfLine previous, PdfLine line) => Spacing(previous, line) == 0;

    /// <summary>0: the next line of a paragraph; 1: a wider space, as between paragraphs or entries; -1: neither (another column).</summary>
    private int Spacing(PdfLine? previous, PdfLine line)
    {
        if (previous is null || previous.Column != line.Column)
        {
            return -1;
        }

        var size = Math.Max(previous.Size, line.Size);
        var distance = previous.Baseline - line.Baseline;
        var limit = line.Words[0].Monospaced || previous.Words[0].Monospaced ? 2.2 : Math.Min(leading * 1.25, 1.7);
        return distance <= 0 ? -1 : distance <= size * limit ? 0 : 1;
    }

    public void Heading(int level, PdfLine line, bool continuesHeading)
    {
        EndBlock(false);
        indents.Clear();
        if (continuesHeading && text.Length >= 2)
        {
            text.Length -= 2;
            text.Append(' ').Append(line.Text).Append("\n\n");
            return;
        }

        text.Append('\n').Append('#', level).Append(' ').Append(line.Text).Append("\n\n");
    }

    public void Wrapped(PdfLine line) => paragraph.Add(line);

    public void NextLine(PdfLine line)
    {
        EndParagraph();
        paragraph.Add(line);
    }

    public void NextBlock(PdfLine? previous, PdfLine line)
    {
        var gap = Spacing(previous, line) == 1;
        EndBlock(gap);
        openedByGap = gap;
        paragraph.Add(line);
    }

    public void EndPage() => EndBlock(false);

    private void EndParagraph()
    {
        if (paragraph.Count > 0)
        {
            listing = block.Count == 0 ? paragraph[0].Words[0].Monospaced : listing;
            if (block.Count == 0)
            {
                blockLeft = paragraph[0].Left;
                numberedEntry = paragraph[0].Words.Count > 1 && IsNumber(paragraph[0].Words[0].Text);
            }
            else
            {
                numberedEntry &= paragraph[0].Left > blockLeft + (paragraph[0].Size * 0.5);
            }

            block.Add(PdfMarkdown.Paragraph(paragraph));
            styled.Add(WhollyStyled(paragraph));
            if (block.Count == 1 && block[0].StartsWith("- ", StringComparison.Ordinal))
            {
                Nest(paragraph[0].Words[0].Left);
            }

            paragraph.Clear();
        }
    }

    /// <summary>
    /// Writes the block read. Its lines stay one entry only where the page shows entries apart (a wider space before or
    /// after it, a bullet, or a title line in bold, italic or a link over plain details): lines set one under the other
    /// at one spacing throughout are entries of their own. A listing's lines stay as they are.
    /// </summary>
    private void EndBlock(bool closedByGap)
    {
        EndParagraph();
        if (block.Count == 0)
        {
            return;
        }

        if (block.Count > 1 && !listing && !numberedEntry && !openedByGap && !closedByGap && !block[0].StartsWith("- ", StringComparison.Ordinal) && !(styled[0] && !styled[1]))
        {
            var lines = block.ToList();
            foreach (var line in lines)
            {
                block.Clear();
                styled.Clear();
                block.Add(line);
                styled.Add(false);
                EndBlock(true);
            }

            return;
        }

        if (block[0].StartsWith("- ", StringComparison.Ordinal))
        {
            var indent = new string(' ', (indents.Count - 1) * 2);
            text.Append(indent).Append(block[0]).Append('\n');
            foreach (var line in block.Skip(1))
            {
                text.Append(indent).Append("  ").Append(line).Append('\n');
            }

            afterItem = true;
        }
        else
        {
            if (afterItem)
            {
                text.Append('\n');
            }

            indents.Clear();
            text.Append(string.Join('\n', block)).Append("\n\n");
            afterItem = false;
        }

        block.Clear();
        styled.Clear();
    }

    /// <summary>A list's number: "1.", "12)", "[3]", "(2)".</summary>
    private static bool IsNumber(string word) => ListNumber().IsMatch(word);

    [GeneratedRegex(@"^(?:[0-9]{1,3}[.)]|\[[0-9]{1,3}\]|\([0-9]{1,3}\))$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ListNumber();

    private static bool WhollyStyled(List<PdfLine> lines)
    {
        var first = lines[0].Words[0];
        return lines.TrueForAll(l => l.Words.All(w => w.Bold)) || lines.TrueForAll(l => l.Words.All(w => w.Italic))
            || (first.Link is { } link && lines.TrueForAll(l => l.Words.All(w => string.Equals(w.Link, link, StringComparison.Ordinal))));
    }

    /// <summary>The list depth of a bullet at <paramref name="left"/>: deeper than the bullets left of it, level with its equals.</summary>
    private void Nest(double left)
    {
        while (indents.Count > 0 && indents[^1] > left + 2)
        {
            indents.RemoveAt(indents.Count - 1);
        }

        if (indents.Count == 0 || left > indents[^1] + 2)
        {
            indents.Add(left);
        }
    }
}
