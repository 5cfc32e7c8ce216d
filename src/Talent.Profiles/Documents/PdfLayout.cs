namespace Talent.Profiles.Documents;

/// <summary>A word on a PDF page: its text, box (PDF space: y grows upwards), font size and style, and the link over it.</summary>
internal sealed record PdfWord(string Text, double Left, double Right, double Bottom, double Top, double Size, bool Bold, bool Italic, string? Link)
{
    /// <summary>Set in a monospaced font: a code or preformatted block, whose lines are kept as they are.</summary>
    public bool Monospaced { get; init; }

    /// <summary>The height of the line the word's letters stand on (a quote mark's box starts above it, a "g" below).</summary>
    public double Baseline { get; init; } = Bottom;

    /// <summary>A list marker drawn as a shape, not set as a glyph.</summary>
    public bool Drawn { get; init; }

    /// <summary>Printed without a space after the word before: the same word in another font ("Doe" bold, "," regular).</summary>
    public bool Attached { get; init; }
}

/// <summary>
/// One line in reading order: its words left to right, the indexes of words after a wide gap (fields of one line, such as
/// a place and its dates, kept apart by a tab) and the left and right edge of the column the line belongs to.
/// </summary>
internal sealed record PdfLine(IReadOnlyList<PdfWord> Words, IReadOnlySet<int> GapsBefore, double ColumnLeft, double ColumnRight, int Column)
{
    public double Left => Words[0].Left;

    public double Right => Words[^1].Right;

    public double Top => Words.Max(w => w.Top);

    public double Bottom => Words.Min(w => w.Bottom);

    /// <summary>The baseline of the line's longest word (a superscript or a bullet does not move it).</summary>
    public double Baseline => Words.MaxBy(w => w.Text.Length)!.Baseline; // a line has words

    /// <summary>The font size most of the line's letters have.</summary>
    public double Size => Words.GroupBy(w => Math.Round(w.Size * 2) / 2).MaxBy(g => g.Sum(w => w.Text.Length))!.Key; // a line has words

    public string Text => Join(Words);

    /// <summary>Words with a space between them, except before a word attached to the one before.</summary>
    public static string Join(IReadOnlyList<PdfWord> words)
    {
        var text = new System.Text.StringBuilder();
        foreach (var word in words)
        {
            if (text.Length > 0 && !word.Attached)
            {
                text.Append(' ');
            }

            text.Append(word.Text);
        }

        return text.ToString();
    }
}

/// <summary>The lines of one page in reading order.</summary>
internal sealed record PdfPageLines(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines);

/// <summary>
/// Rebuilds lines and reading order from word positions: words on one baseline form a row; a vertical gutter that
/// separates many rows into a left and a right part makes two columns (a sidebar is a narrow column), read one after the
/// other; rows that cross the gutter (a name across the page) are read where they stand. Running headers, footers and page
/// numbers are dropped.
/// </summary>
internal static class PdfLayout
{
    /// <summary>Width of the bins the page is cut into to find a gutter, in points.</summary>
    private const double Bin = 2;

    public static List<PdfLine> Lines(List<PdfWord> words, double pageWidth)
    {
        var rows = Rows(words).Select(Marked).Where(r => r.Count > 0).ToList();
        var segments = rows.Select(Segments).ToList();
        if (Gutter(segments, pageWidth) is not { } gutter)
        {
            var left = words.Count > 0 ? words.Min(w => w.Left) : 0;
            var right = words.Count > 0 ? words.Max(w => w.Right) : pageWidth;
            return segments.SelectMany(Apart).Select(s => Line(s, left, right, 0)).ToList();
        }

        return Ordered(segments, gutter);
    }

    /// <summary>Words grouped by baseline, top of the page first, each row left to right.</summary>
    private static List<List<PdfWord>> Rows(List<PdfWord> words)
    {
        var rows = new List<List<PdfWord>>();
        var baseline = double.NaN;
        foreach (var word in words.OrderByDescending(w => w.Baseline).ThenBy(w => w.Left))
        {
            if (rows.Count == 0 || Math.Abs(word.Baseline - baseline) > Math.Max(1.5, word.Size * 0.35))
            {
                rows.Add([]);
                baseline = word.Baseline;
            }

            rows[^1].Add(word);
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return rows;
    }

    /// <summary>
    /// A row without the drawn markers that do not start an item: one is kept where it stands first or after a wide space
    /// and text follows it closely.
    /// </summary>
    private static List<PdfWord> Marked(List<PdfWord> row)
    {
        if (!row.Exists(w => w.Drawn))
        {
            return row;
        }

        var kept = new List<PdfWord>(row.Count);
        for (var i = 0; i < row.Count; i++)
        {
            var word = row[i];
            var starts = i == 0 || word.Left - row[i - 1].Right > word.Size * 1.2;
            var followed = i + 1 < row.Count && !row[i + 1].Drawn && row[i + 1].Left - word.Right < row[i + 1].Size * 2;
            if (!word.Drawn || (starts && followed))
            {
                kept.Add(word);
            }
        }

        return kept;
    }

    /// <summary>
    /// A row whose parts, apart by a wide space, are set in different sizes (a menu entry beside a page's title) is that
    /// many lines, read left to right; parts of one size are fields of one line (a place and its dates).
    /// </summary>
    private static IEnumerable<List<List<PdfWord>>> Apart(List<List<PdfWord>> row)
    {
        if (row.Count < 2)
        {
            return [row];
        }

        var sizes = row.Select(s => s.Max(w => w.Size)).ToList();
        return sizes.Max() > sizes.Min() * 1.15 ? row.Select(s => new List<List<PdfWord>> { s }) : [row];
    }

    /// <summary>A row cut where the space between two words is wider than a few letters.</summary>
    private static List<List<PdfWord>> Segments(List<PdfWord> row)
    {
        var segments = new List<List<PdfWord>> { new() { row[0] } };
        for (var i = 1; i < row.Count; i++)
        {
            // Between words of two sizes (a menu entry beside a title) a space a little wider than the smaller one's is a gap.
            var gap = row[i].Left - row[i - 1].Right;
            var (small, large) = (Math.Min(row[i].Size, row[i - 1].Size), Math.Max(row[i].Size, row[i - 1].Size));
            if (gap > (large > small * 1.15 ? small : large * 1.2))
            {
                segments.Add([]);
            }

            segments[^1].Add(row[i]);
        }

        return segments;
    }

    /// <summary>
    /// The x range of a gutter between two columns, or null for a one-column page: a band at least 6 points wide, between a
    /// sixth and five sixths of the page, that few segments cross while many lie wholly on either side of it, with a fair
    /// share of the page's text on each side (right-aligned dates alone are not a column).
    /// </summary>
    private static (double Start, double End)? Gutter(List<List<List<PdfWord>>> rows, double pageWidth)
    {
        var bins = (int)(pageWidth / Bin) + 2;
        var cover = new int[bins];
        var all = rows.SelectMany(r => r).ToList();
        if (all.Count < 8)
        {
            return null;
        }

        foreach (var segment in all)
        {
            var from = Math.Clamp((int)(segment[0].Left / Bin), 0, bins - 1);
            var to = Math.Clamp((int)(segment[^1].Right / Bin), 0, bins - 1);
            for (var b = from; b <= to; b++)
            {
                cover[b]++;
            }
        }

        (double Start, double End)? best = null;
        var bestScore = 0;
        var allowed = Math.Max(1, all.Count / 12);
        var run = -1;
        for (var b = (int)(pageWidth / 6 / Bin); b <= (int)(pageWidth * 5 / 6 / Bin) + 1 && b < bins; b++)
        {
            if (cover[b] <= allowed && run < 0)
            {
                run = b;
            }

            if ((cover[b] > allowed || b == (int)(pageWidth * 5 / 6 / Bin) + 1) && run >= 0)
            {
                var (start, end) = (run * Bin, b * Bin);
                run = -1;
                if (end - start < 6 || Score(all, start, end) is not { } score || score <= bestScore)
                {
                    continue;
                }

                (best, bestScore) = ((start, end), score);
            }
        }

        return best;
    }

    /// <summary>The smaller side's count of segments when both sides hold columns of text, else null.</summary>
    private static int? Score(List<List<PdfWord>> segments, double start, double end)
    {
        int left = 0, right = 0, leftChars = 0, rightChars = 0, total = 0;
        foreach (var segment in segments)
        {
            var chars = segment.Sum(w => w.Text.Length);
            total += chars;
            if (segment[^1].Right <= end)
            {
                left++;
                leftChars += chars;
            }
            else if (segment[0].Left >= start)
            {
                right++;
                rightChars += chars;
            }
        }

        return left >= 4 && right >= 4 && leftChars * 10 >= total && rightChars * 10 >= total && rightChars >= right * 12 ? Math.Min(left, right) : null;
    }

    /// <summary>Rows read down the page; where rows lie on both sides of the gutter, the left column is read before the right.</summary>
    private static List<PdfLine> Ordered(List<List<List<PdfWord>>> rows, (double Start, double End) gutter)
    {
        var lines = new List<PdfLine>();
        var left = new List<List<PdfWord>>();
        var right = new List<List<PdfWord>>();
        var edges = Edges(rows, gutter);
        foreach (var row in rows)
        {
            var crossing = row.Exists(s => s[0].Left < gutter.Start && s[^1].Right > gutter.End);
            if (crossing)
            {
                Flush();
                lines.Add(Line(row, edges.FullLeft, edges.FullRight, 0));
                continue;
            }

            var l = row.Where(s => s[^1].Right <= gutter.End).ToList();
            var r = row.Where(s => s[^1].Right > gutter.End).ToList();
            if (l.Count > 0)
            {
                left.Add(l.SelectMany(s => s).ToList());
            }

            if (r.Count > 0)
            {
                right.Add(r.SelectMany(s => s).ToList());
            }
        }

        Flush();
        return lines;

        void Flush()
        {
            lines.AddRange(left.Select(words => Line(Segments(words), edges.FullLeft, gutter.Start, 1)));
            lines.AddRange(right.Select(words => Line(Segments(words), gutter.End, edges.FullRight, 2)));
            left.Clear();
            right.Clear();
        }
    }

    private static (double FullLeft, double FullRight) Edges(List<List<List<PdfWord>>> rows, (double Start, double End) gutter)
    {
        var words = rows.SelectMany(r => r).SelectMany(s => s).ToList();
        return (words.Min(w => w.Left), Math.Max(gutter.End, words.Max(w => w.Right)));
    }

    private static PdfLine Line(List<List<PdfWord>> segments, double columnLeft, double columnRight, int column)
    {
        var words = new List<PdfWord>();
        var gaps = new HashSet<int>();
        foreach (var segment in segments)
        {
            if (words.Count > 0)
            {
                gaps.Add(words.Count);
            }

            words.AddRange(segment);
        }

        return new PdfLine(words, gaps, columnLeft, columnRight, column);
    }

    /// <summary>
    /// Pages without their running lines: a line near the top or bottom edge that repeats, at the same height, on most pages
    /// (digits aside, and holding a letter: a brace or a rule of a printed listing is not a header), and a page number
    /// standing alone there.
    /// </summary>
    public static List<PdfPageLines> DropRunningLines(List<PdfPageLines> pages)
    {
        var repeated = pages.Count < 2
            ? []
            : pages.SelectMany(p => EdgeLines(p).Where(l => l.Text.Any(char.IsLetter)).DistinctBy(Normalized, StringComparer.Ordinal))
                .GroupBy(Normalized, StringComparer.Ordinal)
                .Where(g => g.Count() >= 2 && g.Count() * 2 >= pages.Count && g.Max(l => l.Bottom) - g.Min(l => l.Bottom) < 3)
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
        return pages.Select(page =>
        {
            var edge = EdgeLines(page).ToHashSet();
            var kept = page.Lines.Where(l => !edge.Contains(l) || !(repeated.Contains(Normalized(l)) || IsPageNumber(l.Text))).ToList();
            return page with { Lines = kept };
        }).ToList();
    }

    /// <summary>Lines within the top or bottom eighth of the page.</summary>
    private static IEnumerable<PdfLine> EdgeLines(PdfPageLines page) =>
        page.Lines.Where(l => l.Bottom > page.Height * 7 / 8 || l.Top < page.Height / 8);

    private static string Normalized(PdfLine line) =>
        new(line.Text.Select(c => char.IsDigit(c) ? '#' : char.ToLowerInvariant(c)).ToArray());

    /// <summary>"3", "Page 3", "3 / 12", "3 of 12", "- 3 -".</summary>
    internal static bool IsPageNumber(string text)
    {
        var words = text.Replace('–', '-').Replace('—', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != "-" && !w.Equals("page", StringComparison.OrdinalIgnoreCase) && !w.Equals("of", StringComparison.OrdinalIgnoreCase) && w != "/")
            .SelectMany(w => w.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return words.Count is 1 or 2 && words.TrueForAll(w => w.Length <= 3 && w.All(char.IsAsciiDigit));
    }
}
