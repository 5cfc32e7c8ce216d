using Talent.Profiles.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
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

        var budget = new PdfDecodeBudget(limits.MaxUnpackedBytes);
        try
        {
            var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = budget.Provider };
            using var document = PdfDocument.Open(bytes.ToArray(), options);
            if (document.NumberOfPages > limits.MaxPages)
            {
                return BinaryText.Refused($"PDF has {document.NumberOfPages} pages, over the {limits.MaxPages} page limit");
            }

            var text = ReadPages(document);
            // Lenient parsing may pass over a stream it could not decode: a refused one refuses the document all the same.
            return budget.Exceeded ? BinaryText.Refused(budget.Refusal) : text;
        }
        catch (Exception e) when (budget.Exceeded && e is not OutOfMemoryException)
        {
            return BinaryText.Refused(budget.Refusal);
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
        finally
        {
            PdfPigPools.Trim();
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
            if (words.Count > 0)
            {
                words.AddRange(DrawnBullets(page));
            }
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

        // A BibTeX list printed as a listing may have a value cut at the page's edge: its braces are closed again.
        var text = PdfMarkdown.Write(PdfLayout.DropRunningLines(pages));
        return BinaryText.Read(BibtexReader.LooksLikeBibtex(text) ? PrintedText.MendBibtex(text) : text) with { Title = document.Information.Title };
    }

    /// <summary>
    /// List markers drawn as shapes rather than set as text (a browser draws its discs, circles and squares so): a small
    /// filled or outlined square-ish path, as a bullet word standing where its line's text starts. The layout keeps one
    /// only where text follows it (skill-level dots after a word are not list items).
    /// </summary>
    private static IEnumerable<PdfWord> DrawnBullets(Page page)
    {
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked) || path.GetBoundingRectangle() is not { } box)
            {
                continue;
            }

            var (width, height) = (box.Width, box.Height);
            if (width is < 1.5 or > 8 || height is < 1.5 or > 8 || Math.Abs(width - height) > Math.Max(width, height) * 0.3)
            {
                continue;
            }

            // A disc is about a third of the font's size and sits at half the height of a lower-case letter.
            var size = height * 3.2;
            var baseline = ((box.Bottom + box.Top) / 2) - (size * 0.25);
            yield return new PdfWord("•", box.Left, box.Right, box.Bottom, box.Top, size, false, false, null) { Baseline = baseline, Drawn = true };
        }
    }

    private static List<PdfWord> Words(Page page)
    {
        var links = page.GetHyperlinks().Where(l => !string.IsNullOrWhiteSpace(l.Uri)).ToList();
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords(OverprintFreeWordExtractor.Instance))
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

            var link = LinkTarget(links.FirstOrDefault(l => Inside(l.Bounds, word.BoundingBox))?.Uri);
            var runs = FontRuns(word.Letters);
            if (runs.Count == 1)
            {
                words.Add(Word(text, word.Letters, 0, word.Letters.Count, link, word.BoundingBox));
                continue;
            }

            var attached = false;
            foreach (var (from, to) in runs)
            {
                var run = Printable(string.Concat(word.Letters.Skip(from).Take(to - from).Select(l => l.Value)));
                if (run.Length > 0)
                {
                    words.Add(Word(run, word.Letters, from, to, link, null) with { Attached = attached });
                    attached = true;
                }
            }
        }

        return words;
    }

    /// <summary>
    /// The letters of a word in runs of one font: "Tuzhilina," whose comma follows the bold name in the regular font is two
    /// runs, so the emphasis ends where the printed bold did.
    /// </summary>
    private static List<(int From, int To)> FontRuns(IReadOnlyList<Letter> letters)
    {
        var runs = new List<(int, int)>(1);
        var from = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            if (!string.Equals(letters[i].FontName, letters[from].FontName, StringComparison.Ordinal))
            {
                runs.Add((from, i));
                from = i;
            }
        }

        runs.Add((from, letters.Count));
        return runs;
    }

    /// <summary>The letters <paramref name="from"/> up to <paramref name="to"/> as a word: their box, size and font style.</summary>
    private static PdfWord Word(string text, IReadOnlyList<Letter> letters, int from, int to, string? link, PdfRectangle? whole)
    {
        var first = letters[from];
        double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
        for (var i = from; i < to && whole is null; i++)
        {
            var box = letters[i].BoundingBox;
            (left, right) = (Math.Min(left, box.Left), Math.Max(right, box.Right));
            (bottom, top) = (Math.Min(bottom, box.Bottom), Math.Max(top, box.Top));
        }

        if (whole is { } w)
        {
            (left, right, bottom, top) = (w.Left, w.Right, w.Bottom, w.Top);
        }

        var size = first.PointSize > 0 ? first.PointSize : top - bottom;
        var font = first.FontName ?? string.Empty;
        var bold = first.FontDetails?.IsBold == true || (first.FontDetails?.Weight ?? 0) >= 600 || HasWeightName(font);
        var italic = first.FontDetails?.IsItalic == true || font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
        return new PdfWord(text, left, right, bottom, top, size, bold, italic, link) { Monospaced = IsMonospaced(font), Baseline = first.StartBaseLine.Y };
    }

    /// <summary>
    /// A link as its writer gave it: a page printed from a file has its relative links made absolute to the printing
    /// machine's folder (<c>file:///home/…/site.info</c>), which names nothing for the reader; the file's own name is kept.
    /// </summary>
    internal static string? LinkTarget(string? uri)
    {
        if (uri is null || !uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var path = uri.AsSpan(5).TrimEnd('/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length > 0 ? name.ToString() : null;
    }

    private static bool Inside(PdfRectangle area, PdfRectangle box)
    {
        var (x, y) = ((box.Left + box.Right) / 2, (box.Bottom + box.Top) / 2);
        return x >= area.Left && x <= area.Right && y >= area.Bottom && y <= area.Top;
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
