using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Repairs text extracted from a PDF (pdftotext and the like) before it is read as plain text: words hyphenated
/// across lines are joined ("distri-\nbuted" → "distributed", "self-\nsupervised" keeps its hyphen), page numbers
/// and form feeds are dropped, and a two-column layout printed side by side is read column by column.
/// </summary>
internal static partial class PdfText
{
    /// <summary>Prefixes that form real hyphenated compounds: the hyphen at a line break is kept after them.</summary>
    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "self", "multi", "non", "semi", "pre", "post", "co", "cross", "end", "state", "large", "long", "high", "low", "fine", "zero",
        "few", "real", "open", "two", "three", "one", "many", "sub", "inter", "intra", "meta", "out", "in", "on", "off", "well",
        "data", "task", "domain", "text", "image", "video", "model", "human", "graph", "energy", "memory", "time", "cost", "vision",
        "language", "state-of", "of", "the", "art", "full", "half", "short", "top", "bottom", "key", "auto", "anti",
    };

    [GeneratedRegex(@"(?<pre>\p{L}{1,40})-[ \t]*\n[ \t]*(?<post>\p{Ll}[\p{L}]{0,40})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HyphenBreakPattern();

    [GeneratedRegex(@"^\s*(?:(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PageNumberPattern();

    [GeneratedRegex(@"\S {3,}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WideGapPattern();

    /// <summary>True when plain text shows PDF-extraction artefacts: form feeds, page-number lines or words hyphenated at line ends.</summary>
    public static bool LooksExtracted(string content)
    {
        var sample = content.Length > 50_000 ? content[..50_000] : content;
        if (sample.Contains('\f', StringComparison.Ordinal))
        {
            return true;
        }

        var lines = sample.Split('\n');
        var pageNumbers = lines.Count(l => l.Trim().Length > 0 && PageNumberPattern().IsMatch(l));
        return pageNumbers >= 2
            || (HasHyphenAtLineEnd(sample) && HyphenBreakPattern().Matches(sample).Count(m => !CompoundPrefixes.Contains(m.Groups["pre"].Value)) >= 2)
            || ColumnSplit(lines) is not null;
    }

    /// <summary>
    /// True when a hyphen ends a line (spaces or tabs may follow it): what <see cref="HyphenBreakPattern"/> needs, found
    /// without trying the pattern at every letter of a text that has none.
    /// </summary>
    private static bool HasHyphenAtLineEnd(string text)
    {
        for (var at = text.IndexOf('-', StringComparison.Ordinal); at >= 0; at = text.IndexOf('-', at + 1))
        {
            var next = at + 1;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < text.Length && text[next] == '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a hyphen at a line break after this word belongs to a compound ("self-" "supervised").</summary>
    public static bool KeepsHyphen(string before) => CompoundPrefixes.Contains(before);

    public static string Repair(string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = text.Split('\n').Select(l => l.Replace('\f', ' ').TrimEnd()).Where(l => !PageNumberPattern().IsMatch(l) || l.Trim().Length == 0).ToList();
        lines = SplitColumns(lines);
        var joined = string.Join('\n', lines);
        var hyphenated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in HyphenatedWordPattern().Matches(joined))
        {
            hyphenated.Add(m.Value);
        }

        return HyphenBreakPattern().Replace(joined, m =>
        {
            var pre = m.Groups["pre"].Value;
            var post = m.Groups["post"].Value;
            var keep = CompoundPrefixes.Contains(pre) || hyphenated.Contains(pre + "-" + post);
            return keep ? pre + "-" + post : pre + post;
        });
    }

    [GeneratedRegex(@"\p{L}+-\p{L}+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HyphenatedWordPattern();

    /// <summary>
    /// Side-by-side columns: when many lines have a wide gap ending at the same column, the text right of it is a
    /// second column. Lines are split there and the right column is read after the left one.
    /// </summary>
    private static List<string> SplitColumns(List<string> lines)
    {
        if (ColumnSplit(lines) is not { } column)
        {
            // A lone wide gap separates fields of one line ("Institution      2019 – 2023"): keep it as a tab.
            return lines.Select(TabbedGaps).ToList();
        }

        var left = new List<string>();
        var right = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > column && (line[..column].EndsWith("   ", StringComparison.Ordinal) || line[..column].Trim().Length == 0))
            {
                left.Add(line[..column].TrimEnd());
                right.Add(line[column..].Trim());
            }
            else
            {
                left.Add(line.TrimEnd());
                right.Add(string.Empty);
            }
        }

        return left.Append(string.Empty).Concat(right).Select(TabbedGaps).ToList();
    }

    /// <summary>The column where a right-hand text column starts, or null when the text has one column.</summary>
    private static int? ColumnSplit(IReadOnlyList<string> lines)
    {
        var nonBlank = 0;
        var starts = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            nonBlank++;
            foreach (Match gap in WideGapPattern().Matches(line))
            {
                var start = gap.Index + gap.Length;
                if (start >= 25 && gap.Length >= 5 && start < line.Length)
                {
                    starts[start] = starts.GetValueOrDefault(start) + 1;
                }
            }
        }

        if (nonBlank < 8 || starts.Count == 0)
        {
            return null;
        }

        var best = starts.MaxBy(s => s.Value);
        return best.Value >= Math.Max(5, nonBlank * 3 / 10) ? best.Key : null;
    }

    /// <summary>A wide gap between two words becomes a tab (a column or table cell break); trailing spaces are dropped.</summary>
    private static string TabbedGaps(string line) =>
        WideGapPattern().Replace(line, m => m.Index + m.Length < line.Length ? m.Value[0] + "\t" : m.Value[..1]);
}
