using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Talent.Profiles.Documents;

/// <summary>
/// Reads a PDF into the text model the section readers consume: PdfPig gives the words with their positions, fonts and the
/// page's link annotations; <see cref="PdfLayout"/> rebuilds lines, columns and reading order from the geometry and
/// <see cref="PdfMarkdown"/> writes headings, emphasis, list items and links. A PDF without a text layer (a scan), an
/// encrypted, damaged or over-long one is refused with the reason in one line.
/// </summary>
internal static class PdfDocumentReader
{
    /// <summary>Words on a page beyond which the page is not a CV page (a data table or a hostile file); the rest is not read.</summary>
    private const int MaxWordsPerPage = 5_000;

    public static BinaryText Read(ReadOnlyMemory<byte> bytes, DocumentLimits limits)
    {
        if (limits.SizeProblem(bytes.Length) is { } size)
        {
            return BinaryText.Refused(size);
        }

        try
        {
            using var document = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > limits.MaxPages)
            {
                return BinaryText.Refused($"PDF has {document.NumberOfPages} pages, over the {limits.MaxPages} page limit");
            }

            return ReadPages(document);
        }
        catch (PdfDocumentEncryptedException)
        {
            return BinaryText.Refused("PDF is encrypted (password-protected): send a copy without a password");
        }
#pragma warning disable CA1031 // the parser meets hostile bytes: any failure of it means a broken file, reported in one line
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return BinaryText.Refused($"PDF is damaged or truncated and cannot be read ({FirstSentence(e.Message)})");
        }
    }

    private static BinaryText ReadPages(PdfDocument document)
    {
        var pages = new List<PdfPageLines>(document.NumberOfPages);
        var images = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            var words = Words(page);
            if (words.Count == 0)
            {
                images += page.GetImages().Any() ? 1 : 0;
            }

            pages.Add(new PdfPageLines(number, page.Width, page.Height, PdfLayout.Lines(words, page.Width)));
        }

        if (pages.TrueForAll(p => p.Lines.Count == 0))
        {
            return BinaryText.Refused(images > 0
                ? "PDF has no text layer (scanned pages, images only): text recognition is not done, send a PDF with text"
                : "PDF has no text");
        }

        return BinaryText.Read(PdfMarkdown.Write(PdfLayout.DropRunningLines(pages)));
    }

    private static List<PdfWord> Words(Page page)
    {
        var links = page.GetHyperlinks().Where(l => !string.IsNullOrWhiteSpace(l.Uri)).ToList();
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords())
        {
            if (words.Count >= MaxWordsPerPage)
            {
                break;
            }

            // Glyphs whose font maps no character (emoji, symbol fonts without a ToUnicode map) come out as NUL: left out.
            var text = Printable(word.Text);
            if (text.Length == 0 || word.Letters.Count == 0 || word.TextOrientation is not TextOrientation.Horizontal)
            {
                continue;
            }

            var box = word.BoundingBox;
            var first = word.Letters[0];
            var size = first.PointSize > 0 ? first.PointSize : box.Height;
            var font = first.FontName ?? string.Empty;
            var bold = first.FontDetails?.IsBold == true || (first.FontDetails?.Weight ?? 0) >= 600 || HasWeightName(font);
            var italic = first.FontDetails?.IsItalic == true || font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
            var centreX = (box.Left + box.Right) / 2;
            var centreY = (box.Bottom + box.Top) / 2;
            var link = links.FirstOrDefault(l => centreX >= l.Bounds.Left && centreX <= l.Bounds.Right && centreY >= l.Bounds.Bottom && centreY <= l.Bounds.Top)?.Uri;
            words.Add(new PdfWord(text, box.Left, box.Right, box.Bottom, box.Top, size, bold, italic, link) { Monospaced = IsMonospaced(font) });
        }

        return words;
    }

    private static string Printable(string text)
    {
        var kept = text.Where(c => !char.IsControl(c) && c != '\uFFFD').ToArray();
        return kept.Length == text.Length ? text.Trim() : new string(kept).Trim();
    }

    private static bool IsMonospaced(string font) =>
        font.Contains("Mono", StringComparison.OrdinalIgnoreCase) || font.Contains("Courier", StringComparison.OrdinalIgnoreCase)
        || font.Contains("Consol", StringComparison.OrdinalIgnoreCase) || font.Contains("Code", StringComparison.OrdinalIgnoreCase);

    private static bool HasWeightName(string font) =>
        font.Contains("Bold", StringComparison.OrdinalIgnoreCase) || font.Contains("Black", StringComparison.OrdinalIgnoreCase)
        || font.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || font.Contains("Semibold", StringComparison.OrdinalIgnoreCase);

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var stop = line.IndexOf(". ", StringComparison.Ordinal);
        line = stop > 0 ? line[..stop] : line.TrimEnd('.');
        return line.Length > 160 ? line[..160] : line;
    }
}
