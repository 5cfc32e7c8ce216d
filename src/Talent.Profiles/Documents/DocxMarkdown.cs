using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Talent.Profiles.Documents;

/// <summary>Writes the body of a Word document as markdown-like text, block by block.</summary>
internal sealed class DocxMarkdown(MainDocumentPart part)
{
    private readonly StringBuilder text = new();

    /// <summary>The document's styles by id (the last of a duplicated id wins).</summary>
    private readonly Dictionary<string, Style> styles = StylesById(part);

    public override string ToString() => text.ToString();

    public void Blocks(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case Table table:
                    Table(table);
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    Blocks(element);
                    break;
            }
        }
    }

    private void Paragraph(Paragraph paragraph)
    {
        var line = Inline(paragraph);
        var properties = paragraph.ParagraphProperties;
        var level = HeadingLevel(properties);
        if (line.Trim().Length > 0)
        {
            if (level > 0)
            {
                text.Append('\n').Append('#', level).Append(' ').Append(line.Replace("**", string.Empty, StringComparison.Ordinal).Trim()).Append("\n\n");
            }
            else if ((properties?.NumberingProperties ?? Styled(properties, s => s.StyleParagraphProperties?.NumberingProperties)) is { } numbering
                && numbering.NumberingId?.Val?.Value != 0)
            {
                var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
                text.Append(' ', Math.Clamp(depth, 0, 8) * 2).Append("- ").Append(line.Trim()).Append('\n');
            }
            else
            {
                // A paragraph kept with the next (a definition's term, an entry's title line) starts the block the next ends.
                var keep = properties?.KeepNext ?? Styled(properties, s => s.StyleParagraphProperties?.KeepNext);
                text.Append(line.Trim()).Append(keep is not null && (keep.Val is null || keep.Val.Value) ? "\n" : "\n\n");
            }
        }

        // Text boxes anchored in the paragraph: their paragraphs follow it (the fallback copy of a box is skipped).
        foreach (var box in paragraph.Descendants<TextBoxContent>().Where(b => !b.Ancestors<AlternateContentFallback>().Any()))
        {
            Blocks(box);
        }

        // SVG pictures in the paragraph (an icon's label, a badge): the text they set follows it, a line each.
        foreach (var label in paragraph.Descendants().Where(e => e.LocalName == "svgBlip").SelectMany(SvgLines))
        {
            text.Append(label).Append("\n\n");
        }
    }

    /// <summary>The lines of text an embedded SVG image part sets (none for a linked or missing part, or a large drawing).</summary>
    private IEnumerable<string> SvgLines(OpenXmlElement blip)
    {
        var id = blip.GetAttributes().FirstOrDefault(a => a.LocalName == "embed").Value;
        if (id is null || !part.TryGetPartById(id, out var image) || image is not ImagePart)
        {
            return [];
        }

        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        return SvgText.Lines(stream);
    }

    /// <summary>1 for a Title or Heading 1, n for Heading n (by style id, style name or outline level), 0 for body text.</summary>
    private int HeadingLevel(ParagraphProperties? properties)
    {
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 6)
        {
            return outline + 1;
        }

        var id = properties?.ParagraphStyleId?.Val?.Value;
        if (id is null)
        {
            return 0;
        }

        var name = styles.GetValueOrDefault(id)?.StyleName?.Val?.Value ?? id;
        var bare = name.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (bare.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return bare.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(bare.AsSpan(7), out var n) && n is >= 1 and <= 6 ? n : 0;
    }

    /// <summary>A property of the paragraph's style, or of the style it is based on (a few levels up, so a cycle ends).</summary>
    private T? Styled<T>(ParagraphProperties? properties, Func<Style, T?> property)
        where T : class
    {
        var id = properties?.ParagraphStyleId?.Val?.Value;
        for (var level = 0; level < 5 && id is not null && styles.TryGetValue(id, out var style); level++)
        {
            if (property(style) is { } value)
            {
                return value;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return null;
    }

    private static Dictionary<string, Style> StylesById(MainDocumentPart part)
    {
        var byId = new Dictionary<string, Style>(StringComparer.Ordinal);
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                byId[id] = style;
            }
        }

        return byId;
    }

    /// <summary>A paragraph's runs: bold and italic runs marked, hyperlinks written as links, tabs and breaks kept.</summary>
    private string Inline(OpenXmlElement paragraph)
    {
        var line = new StringBuilder();
        var runs = new List<Run>();
        foreach (var child in paragraph.ChildElements)
        {
            if (child is Run run)
            {
                runs.Add(run);
                continue;
            }

            line.Append(Marked(runs));
            runs.Clear();
            switch (child)
            {
                case Hyperlink link:
                    var label = Marked(link.Elements<Run>().ToList());
                    var target = link.Id?.Value is { } id ? part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString : null;
                    line.Append(target is null || string.Equals(label.Trim('*'), target, StringComparison.OrdinalIgnoreCase) ? label : $"[{label.Replace('[', '(').Replace(']', ')')}]({target.Replace(" ", "%20", StringComparison.Ordinal)})");
                    break;
                case SimpleField or SdtRun or InsertedRun or CustomXmlRun:
                    line.Append(Inline(child));
                    break;
            }
        }

        line.Append(Marked(runs));
        return line.ToString().Replace("** **", " ", StringComparison.Ordinal).Replace("****", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs written with their emphasis: neighbouring runs of one style (a writer's edits, or a quotation mark set apart,
    /// split a phrase into runs) are marked once, and a run of spaces between them does not part them.
    /// </summary>
    private static string Marked(List<Run> runs)
    {
        var text = new StringBuilder();
        var group = new StringBuilder();
        (bool Bold, bool Italic) style = default;
        var written = false;
        foreach (var run in runs)
        {
            var value = RunText(run);
            if (value.Trim().Length > 0)
            {
                var next = Style(run);
                if (written && next != style)
                {
                    text.Append(Styled(style, group.ToString()));
                    group.Clear();
                    written = false;
                }

                style = next;
                written = true;
            }

            group.Append(value);
        }

        return text.Append(Styled(style, group.ToString())).ToString();
    }

    private static (bool Bold, bool Italic) Style(Run run)
    {
        var properties = run.RunProperties;
        return (properties?.Bold is { } b && (b.Val is null || b.Val.Value), properties?.Italic is { } i && (i.Val is null || i.Val.Value));
    }

    private static string RunText(Run run)
    {
        var value = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    value.Append(t.Text);
                    break;
                case TabChar:
                    value.Append('\t');
                    break;
                case Break or CarriageReturn:
                    value.Append('\n');
                    break;
                case NoBreakHyphen:
                    value.Append('-');
                    break;
            }
        }

        return value.ToString();
    }

    /// <summary>Text in one style: each of its lines marked <c>**bold**</c> or <c>*italic*</c>, spaces around kept outside.</summary>
    private static string Styled((bool Bold, bool Italic) style, string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return string.Join('\n', value.Split('\n').Select(part => Styled(style, part)));
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || style == default)
        {
            return value;
        }

        var marked = style.Italic ? "*" + trimmed + "*" : trimmed;
        marked = style.Bold ? "**" + marked + "**" : marked;
        var lead = value.Length - value.TrimStart().Length;
        var tail = value.Length - value.TrimEnd().Length;
        return value[..lead] + marked + value[(value.Length - tail)..];
    }

    /// <summary>A table row by row: a row of one-line cells is one line with the cells apart by tabs; longer cells are blocks.</summary>
    private void Table(Table table)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().ToList();
            if (cells.TrueForAll(c => c.Elements<Paragraph>().Count() <= 1 && !c.Elements<Table>().Any()))
            {
                var line = string.Join('\t', cells.Select(c => c.Elements<Paragraph>().FirstOrDefault() is { } p ? Inline(p).Trim() : string.Empty).Where(s => s.Length > 0));
                if (line.Length > 0)
                {
                    text.Append(line).Append('\n');
                }

                continue;
            }

            foreach (var cell in cells)
            {
                Blocks(cell);
            }
        }

        text.Append('\n');
    }
}
