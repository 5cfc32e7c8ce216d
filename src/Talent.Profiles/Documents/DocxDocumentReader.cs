using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Talent.Profiles.Documents;

/// <summary>
/// Reads a Word document (.docx) into the text model the section readers consume: paragraph styles become headings
/// (Title and Heading 1 <c>#</c>, Heading 2 <c>##</c>, …), numbered and bulleted paragraphs list items by level, bold
/// and italic runs emphasis, hyperlinks <c>[text](url)</c>, table rows one line each (cells apart by tabs) and text boxes
/// their paragraphs. The package is measured before it is opened: a zip that would unpack to far more than a document's
/// size (a zip bomb) is refused without inflating it.
/// </summary>
internal static class DocxDocumentReader
{
    /// <summary>A part that unpacks to more than this many times its packed size is not text a person wrote.</summary>
    private const long MaxRatio = 200;

    public static BinaryText Read(ReadOnlyMemory<byte> bytes, DocumentLimits limits)
    {
        if (limits.SizeProblem(bytes.Length) is { } size)
        {
            return BinaryText.Refused(size);
        }

        try
        {
            if (PackageProblem(bytes, limits) is { } problem)
            {
                return BinaryText.Refused(problem);
            }

            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUnpackedBytes };
            using var document = WordprocessingDocument.Open(stream, false, settings);
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return BinaryText.Refused("DOCX has no document body (not a Word document)");
            }

            var writer = new DocxMarkdown(document.MainDocumentPart);
            writer.Blocks(body);
            return BinaryText.Read(writer.ToString());
        }
#pragma warning disable CA1031 // the package reader meets hostile bytes: any failure of it means a broken file, reported in one line
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return BinaryText.Refused($"DOCX is damaged or not a Word document and cannot be read ({e.Message.Split('\n')[0].Trim().TrimEnd('.')})");
        }
    }

    /// <summary>Why the zip is refused before it is unpacked: too many entries, too much unpacked, or a part packed too tightly.</summary>
    private static string? PackageProblem(ReadOnlyMemory<byte> bytes, DocumentLimits limits)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (zip.Entries.Count > 2_000)
        {
            return $"DOCX has {zip.Entries.Count} parts, not a Word document a person wrote";
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > 1_000_000 && entry.Length > Math.Max(entry.CompressedLength, 1) * MaxRatio)
            {
                return $"DOCX part {entry.FullName} unpacks {entry.Length / Math.Max(entry.CompressedLength, 1)} times its size (a zip bomb): refused";
            }
        }

        return total > limits.MaxUnpackedBytes
            ? $"DOCX unpacks to {total / 1048576} MB, over the {limits.MaxUnpackedBytes / 1048576} MB limit (a zip bomb?): refused"
            : null;
    }
}

/// <summary>Writes the body of a Word document as markdown-like text, block by block.</summary>
internal sealed class DocxMarkdown(MainDocumentPart part)
{
    private readonly StringBuilder text = new();

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
            else if (properties?.NumberingProperties is { } numbering)
            {
                var depth = numbering.NumberingLevelReference?.Val?.Value ?? 0;
                text.Append(' ', Math.Clamp(depth, 0, 8) * 2).Append("- ").Append(line.Trim()).Append('\n');
            }
            else
            {
                text.Append(line.Trim()).Append("\n\n");
            }
        }

        // Text boxes anchored in the paragraph: their paragraphs follow it (the fallback copy of a box is skipped).
        foreach (var box in paragraph.Descendants<TextBoxContent>().Where(b => !b.Ancestors<AlternateContentFallback>().Any()))
        {
            Blocks(box);
        }
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

        var name = part.StyleDefinitionsPart?.Styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == id)?.StyleName?.Val?.Value ?? id;
        var bare = name.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (bare.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return bare.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(bare.AsSpan(7), out var n) && n is >= 1 and <= 6 ? n : 0;
    }

    /// <summary>A paragraph's runs: bold and italic runs marked, hyperlinks written as links, tabs and breaks kept.</summary>
    private string Inline(OpenXmlElement paragraph)
    {
        var line = new StringBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    line.Append(Styled(run, RunText(run)));
                    break;
                case Hyperlink link:
                    var label = string.Concat(link.Elements<Run>().Select(r => Styled(r, RunText(r))));
                    var target = link.Id?.Value is { } id ? part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString : null;
                    line.Append(target is null || string.Equals(label.Trim('*'), target, StringComparison.OrdinalIgnoreCase) ? label : $"[{label.Replace('[', '(').Replace(']', ')')}]({target.Replace(" ", "%20", StringComparison.Ordinal)})");
                    break;
                case SimpleField or SdtRun or InsertedRun or CustomXmlRun:
                    line.Append(Inline(child));
                    break;
            }
        }

        return line.ToString().Replace("** **", " ", StringComparison.Ordinal).Replace("****", string.Empty, StringComparison.Ordinal);
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

    private static string Styled(Run run, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || value.Contains('\n', StringComparison.Ordinal))
        {
            return value;
        }

        var properties = run.RunProperties;
        var bold = properties?.Bold is { } b && (b.Val is null || b.Val.Value);
        var italic = properties?.Italic is { } i && (i.Val is null || i.Val.Value);
        var marked = italic ? "*" + trimmed + "*" : trimmed;
        marked = bold ? "**" + marked + "**" : marked;
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
