using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

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

    /// <summary>
    /// Deeper than Word nests a part (a table in a text box in a table is some 20 levels; documents as printed here reach
    /// 15), and shallow enough for the package reader's recursion on any thread's stack.
    /// </summary>
    public const int MaxDepth = 256;

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
            return BinaryText.Read(writer.ToString()) with { Title = document.PackageProperties.Title };
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
        long xml = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            xml += IsXml(entry) ? entry.Length : 0;
            if (entry.Length > 1_000_000 && entry.Length > Math.Max(entry.CompressedLength, 1) * MaxRatio)
            {
                return $"DOCX part {entry.FullName} unpacks {entry.Length / Math.Max(entry.CompressedLength, 1)} times its size (a zip bomb): refused";
            }
        }

        if (total > limits.MaxUnpackedBytes)
        {
            return $"DOCX unpacks to {total / 1048576} MB, over the {limits.MaxUnpackedBytes / 1048576} MB limit (a zip bomb?): refused";
        }

        if (xml > limits.MaxXmlBytes)
        {
            return $"DOCX has {xml / 1048576} MB of XML, over the {limits.MaxXmlBytes / 1048576} MB limit: refused";
        }

        return zip.Entries.FirstOrDefault(e => IsXml(e) && DeeperThanLimit(e)) is { } deep
            ? $"DOCX part {deep.FullName} nests elements more than {MaxDepth} levels deep, not a Word document a person wrote: refused"
            : null;
    }

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a part nests its elements deeper than <see cref="MaxDepth"/>, read by a reader that only counts (it keeps no
    /// tree and does not recurse): the package reader builds each part's tree recursively, and 5,000 nested tables
    /// overflowed the stack, which ends the process.
    /// </summary>
    private static bool DeeperThanLimit(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (XmlException)
        {
            return false; // a part that is not well-formed is for the package reader to refuse, as it does
        }

        return false;
    }
}
