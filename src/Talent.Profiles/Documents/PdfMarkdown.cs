using System.Text;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Documents;

/// <summary>
/// Writes PDF lines as the markdown-like text the section readers consume: lines in a larger font become headings (the
/// largest <c>#</c>), bold and italic runs <c>**…**</c> and <c>*…*</c>, a line starting with a bullet glyph a list item,
/// words under a link annotation <c>[text](url)</c>; lines a paragraph wrapped are joined again (a word hyphenated at the
/// break mended), and a wider space between lines, a new column or a new page starts a new block.
/// </summary>
internal static class PdfMarkdown
{
    private static readonly string[] Bullets = ["•", "◦", "▪", "▫", "●", "○", "■", "□", "‣", "∙", "·", "–", "-", "*", "➢", "►", "▸", "✓"];

    public static string Write(List<PdfPageLines> pages)
    {
        var lines = pages.SelectMany(p => p.Lines).ToList();
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        var body = BodySize(lines);
        var headingSizes = lines.Select(l => l.Size).Where(s => s >= body * 1.15).Distinct().OrderDescending().ToList();
        var blocks = new PdfBlocks(Leading(pages));
        var listingRight = lines.Where(l => l.Words[0].Monospaced).Select(l => l.Right).DefaultIfEmpty(0).Max();
        foreach (var page in pages)
        {
            PdfLine? previous = null;
            PdfLine? heading = null;
            foreach (var line in page.Lines)
            {
                var level = line.Size >= body * 1.15 && line.Text.Length <= 120 ? Math.Min(3, headingSizes.IndexOf(line.Size) + 1) : 0;
                if (level > 0)
                {
                    // A heading wrapped onto a second line (a long name in a narrow sidebar) is one heading.
                    var wrapped = heading is { } last && last.Column == line.Column && Math.Abs(last.Size - line.Size) < 0.6 && last.Baseline - line.Baseline < line.Size * 1.6;
                    blocks.Heading(level, line, wrapped);
                    heading = line;
                    previous = null;
                    continue;
                }

                heading = null;
                if (previous is not null && Continues(previous, line, listingRight))
                {
                    blocks.Wrapped(line);
                }
                else if (previous is not null && blocks.SameBlock(previous, line) && !IsBullet(line.Words[0].Text))
                {
                    blocks.NextLine(line);
                }
                else
                {
                    blocks.NextBlock(previous, line);
                }

                previous = line;
            }

            blocks.EndPage();
        }

        return blocks.ToString();
    }

    /// <summary>
    /// The usual distance between the baselines of two lines of one paragraph, as a share of the font size: the lower
    /// quartile of the distances between consecutive lines of one size and column (paragraph and entry spacing lie above it).
    /// </summary>
    private static double Leading(List<PdfPageLines> pages)
    {
        var ratios = new List<double>();
        foreach (var page in pages)
        {
            for (var i = 1; i < page.Lines.Count; i++)
            {
                var (a, b) = (page.Lines[i - 1], page.Lines[i]);
                var ratio = (a.Baseline - b.Baseline) / b.Size;
                if (a.Column == b.Column && Math.Abs(a.Size - b.Size) < 0.6 && ratio is >= 0.9 and <= 3 && !b.Words[0].Monospaced)
                {
                    ratios.Add(ratio);
                }
            }
        }

        ratios.Sort();
        return ratios.Count >= 4 ? ratios[ratios.Count / 4] : 1.2;
    }

    /// <summary>The font size of most of the text.</summary>
    private static double BodySize(List<PdfLine> lines) =>
        lines.SelectMany(l => l.Words).GroupBy(w => Math.Round(w.Size * 2) / 2).MaxBy(g => g.Sum(w => w.Text.Length))!.Key; // lines are not empty

    /// <summary>
    /// True when <paramref name="line"/> carries on the paragraph <paramref name="previous"/> wrapped: same column and size,
    /// close below it, the line before reached the column's right edge, and the new line is not a list item or a field row.
    /// </summary>
    private static bool Continues(PdfLine previous, PdfLine line, double listingRight)
    {
        if (previous.Words[0].Monospaced || line.Words[0].Monospaced)
        {
            // A listing keeps its lines, but a line too long for the page was wrapped where its next word did not fit (the
            // right edge is that of the listing's longest lines). A line of one word was wrapped only inside the word, after
            // a hyphen, slash or question mark; one up to the edge was cut there (a word longer than the line runs over it).
            var width = CharWidth(previous.Words[^1]);
            return previous.Words[0].Monospaced && line.Words[0].Monospaced
                && Math.Abs(previous.Size - line.Size) < 0.6 && previous.Baseline - line.Baseline < line.Size * 2.2
                && previous.Right + (width * (line.Words[0].Text.Length + 1)) > listingRight
                && (previous.Words.Count > 1 || (previous.Right < listingRight - width && BreaksInside(previous.Words[0].Text)));
        }

        var hyphenated = previous.Words[^1].Text is [.., var letter, '-'] && char.IsLetter(letter) && char.IsLower(line.Words[0].Text[0]);
        return previous.Column == line.Column
            && Math.Abs(previous.Size - line.Size) < 0.6
            && previous.Baseline - line.Baseline < line.Size * 1.7
            && (hyphenated || Wrapped(previous, line))
            && previous.GapsBefore.Count == 0 && line.GapsBefore.Count == 0
            && !IsBullet(line.Words[0].Text)
            && !(AllBold(line) && !AllBold(previous))
            && !(AllBold(previous) && !line.Words[0].Bold); // a bold title over plain details
    }

    /// <summary>
    /// The line before is running text (a few words at least: a lone e-mail or name in a sidebar is an item) and the next
    /// line's first word would not have fitted at its end: the line was wrapped there. A line ending a sentence before one
    /// starting with a capital is taken as ended (list entries, publications).
    /// </summary>
    private static bool Wrapped(PdfLine previous, PdfLine line)
    {
        var first = line.Words[0];
        var ended = previous.Words[^1].Text[^1] is '.' or ':' or ';' && char.IsUpper(first.Text[0]);
        return previous.Words.Count >= 4 && !ended && previous.Right + (first.Right - first.Left) + (line.Size * 0.5) > previous.ColumnRight;
    }

    /// <summary>Every word of the line's text is bold (a list item's bullet glyph is not text).</summary>
    private static bool AllBold(PdfLine line) => line.Words.Skip(IsBullet(line.Words[0].Text) ? 1 : 0).All(w => w.Bold);

    private static bool BreaksInside(string word) => word[^1] is '-' or '/' or '?';

    private static double CharWidth(PdfWord word) => (word.Right - word.Left) / Math.Max(1, word.Text.Length);

    internal static bool IsBullet(string word) => Array.IndexOf(Bullets, word) >= 0;

    /// <summary>One paragraph: its lines joined with spaces (a hyphen at a break mended), with emphasis and links.</summary>
    internal static string Paragraph(List<PdfLine> lines)
    {
        var words = new List<(PdfWord Word, bool Tab)>();
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Words.Count; i++)
            {
                var word = line.Words[i];
                if (i == 0 && words.Count > 0 && ((word.Monospaced && BreaksInside(words[^1].Word.Text)) || WithinUnspacedWord(words[^1].Word.Text, word.Text)))
                {
                    // A listing wrapped inside a word (an address after its slash), or a line that ended inside a word of a
                    // script written without spaces ("深" at a line's end, "度学习" on the next): the word is put together again.
                    words.Add((word with { Attached = true }, false));
                    continue;
                }

                if (i == 0 && words.Count > 0 && Mended(words[^1].Word.Text, word.Text) is { } joined)
                {
                    words[^1] = (words[^1].Word with { Text = joined, Right = word.Right }, words[^1].Tab);
                    continue;
                }

                words.Add((word, line.GapsBefore.Contains(i)));
            }
        }

        var text = new StringBuilder();
        if (IsBullet(words[0].Word.Text) && words.Count > 1)
        {
            text.Append("- ");
            words.RemoveAt(0);
        }

        var allBold = words.TrueForAll(w => w.Word.Bold);
        for (var i = 0; i < words.Count;)
        {
            var end = i + 1;
            var (word, _) = words[i];
            while (end < words.Count && !words[end].Tab && words[end].Word.Link == word.Link
                && (allBold || words[end].Word.Bold == word.Bold) && words[end].Word.Italic == word.Italic)
            {
                end++;
            }

            if (i > 0 && (words[i].Tab || !words[i].Word.Attached))
            {
                text.Append(words[i].Tab ? '\t' : ' ');
            }

            text.Append(Run(words.GetRange(i, end - i).Select(w => w.Word).ToList()));
            i = end;
        }

        return text.ToString();
    }

    /// <summary>Words of one style and link: <c>**bold**</c>, <c>*italic*</c>, <c>[text](url)</c>.</summary>
    private static string Run(List<PdfWord> words)
    {
        var text = PdfLine.Join(words);
        var link = words[0].Link;
        if (link is not null && !SameAsText(link, text))
        {
            text = $"[{text.Replace('[', '(').Replace(']', ')')}]({link.Replace(" ", "%20", StringComparison.Ordinal)})";
        }
        else if (link is not null && link.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            text = link; // the address shown without its scheme ("example.org"): written whole, so it reads as a link
        }

        if (words[0].Italic)
        {
            text = "*" + text + "*";
        }

        return words[0].Bold ? "**" + text + "**" : text;
    }

    private static bool SameAsText(string link, string text) =>
        link.Equals(text, StringComparison.OrdinalIgnoreCase)
        || link.Equals("mailto:" + text, StringComparison.OrdinalIgnoreCase)
        || link.TrimEnd('/').EndsWith("//" + text.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool WithinUnspacedWord(string before, string after) =>
        before.Length > 0 && after.Length > 0 && InstitutionCatalog.IsUnspacedScript(before[^1]) && InstitutionCatalog.IsUnspacedScript(after[0]);

    /// <summary>The word a line break split with a hyphen, put back together ("distri-" "buted"), or null when it was not split.</summary>
    private static string? Mended(string before, string after)
    {
        if (before.Length < 2 || before[^1] != '-' || !char.IsLetter(before[^2]) || after.Length == 0 || !char.IsLower(after[0]))
        {
            return null;
        }

        var stem = before[..^1];
        var lastWord = stem[(stem.LastIndexOf('-') + 1)..];
        return PdfText.KeepsHyphen(lastWord) ? before + after : stem + after;
    }
}
