using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Talent.Tests.Documents;

/// <summary>
/// A text laid out as a PDF CV (PdfPig's builder, Helvetica, a bold heading for each line starting with '#') and as a
/// Word file (OpenXml, one paragraph per line, headings styled): for the format benchmark and the binary fuzz test.
/// </summary>
internal static class LaidOutDocuments
{
    public const int LinesPerPage = 58;

    /// <summary>The text laid out on A4 pages of 58 lines, one line per line, at most <paramref name="maxLines"/> (long lines wrapped), characters outside ASCII as ?.</summary>
    public static byte[] Pdf(string text, int maxLines)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var lines = Lines(text).Take(maxLines).ToList();
        for (var first = 0; first < lines.Count; first += LinesPerPage)
        {
            var page = builder.AddPage(595, 842);
            var y = 800.0;
            foreach (var line in lines.Skip(first).Take(LinesPerPage))
            {
                var heading = line.StartsWith('#');
                var shown = Ascii(heading ? line.TrimStart('#', ' ') : line);
                if (shown.Length > 0)
                {
                    page.AddText(shown, heading ? 12 : 9, new PdfPoint(50, y), heading ? bold : regular);
                }

                y -= 13;
            }
        }

        return builder.Build();
    }

    /// <summary>The text as a Word file: a paragraph per line, at most <paramref name="maxLines"/>, those starting with '#' styled as headings.</summary>
    public static byte[] Docx(string text, int maxLines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Split('\n').Take(maxLines))
            {
                var heading = line.StartsWith('#');
                var paragraph = new Paragraph(new Run(new Text(heading ? line.TrimStart('#', ' ') : line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                if (heading)
                {
                    paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }));
                }

                body.Append(paragraph);
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static IEnumerable<string> Lines(string text)
    {
        foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            for (var at = 0; at < Math.Max(1, line.Length); at += 110)
            {
                yield return line.Length == 0 ? "" : line.Substring(at, Math.Min(110, line.Length - at));
            }
        }
    }

    private static string Ascii(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            shown.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return shown.ToString().TrimEnd();
    }
}
