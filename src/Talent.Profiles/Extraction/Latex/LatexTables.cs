using System.Text;

namespace Talent.Profiles.Extraction;

/// <summary>Tabular environments: rows as lines, "label &amp; a, b, c" rows as labelled items.</summary>
internal sealed partial class LatexConverter
{
    /// <summary>
    /// A tabular: rows split at <c>\\</c>, cells at <c>&amp;</c>. Inside a list item its cells continue the item's line
    /// (a one-entry heading table); a two-column "label &amp; a, b, c" row becomes a <c>**label**: a, b, c</c> item; other rows
    /// become lines with their cells joined by " · ".
    /// </summary>
    private void Table(StringBuilder o, int depth, string environment)
    {
        if (environment is "tabular*" or "tabularx" or "tabulary" or "tabu")
        {
            RawArgument();
        }

        Optional();
        RawArgument();
        var endTag = @"\end{" + environment + "}";
        var end = text.IndexOf(endTag, at, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        var body = text[at..end];
        at = Math.Min(end + endTag.Length, text.Length);
        var rows = new List<List<string>>();
        foreach (var row in SplitTable(body))
        {
            var cells = row.Select(cell => Inline(cell, depth).Trim(' ', '·', ',')).Where(cell => cell.Length > 0).ToList();
            if (cells.Count > 0)
            {
                rows.Add(cells);
            }
        }

        var current = CurrentLine(o).TrimStart();
        if (current.StartsWith("- ", StringComparison.Ordinal))
        {
            Emit(o, (current.Length > 2 ? ", " : string.Empty) + string.Join(", ", rows.SelectMany(r => r)));
            return;
        }

        foreach (var cells in rows)
        {
            var label = cells[0].Replace("*", string.Empty, StringComparison.Ordinal).TrimEnd(':').Trim();
            Emit(o, "\n" + (cells.Count == 2 && label.Length <= 40 && !label.Any(char.IsDigit) && !cells[0].Contains('[', StringComparison.Ordinal)
                && cells[1].Contains(',', StringComparison.Ordinal)
                ? Indent(Math.Max(1, ListDepth + 1)) + "- **" + label + "**: " + cells[1]
                : string.Join(" · ", cells)));
        }

        Emit(o, "\n");
    }

    /// <summary>Rows and cells of a tabular body, split at top-level <c>\\</c> and <c>&amp;</c> only.</summary>
    private static List<List<string>> SplitTable(string body)
    {
        var rows = new List<List<string>>();
        var cells = new List<string>();
        var depth = 0;
        var cellStart = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length && body[i + 1] == '\\' && depth == 0)
            {
                cells.Add(body[cellStart..i]);
                rows.Add(cells);
                cells = [];
                i++;
                if (LatexSource.SkipSpaces(body, i + 1, lineBreaks: false) is var open && open < body.Length && body[open] == '[')
                {
                    i = Math.Min(LatexSource.ClosingBracket(body, open), body.Length - 1);
                }

                cellStart = i + 1;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '&' && depth == 0)
            {
                cells.Add(body[cellStart..i]);
                cellStart = i + 1;
            }
        }

        cells.Add(body[Math.Min(cellStart, body.Length)..]);
        rows.Add(cells);
        return rows;
    }
}
