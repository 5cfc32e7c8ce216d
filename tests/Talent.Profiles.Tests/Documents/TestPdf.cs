using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Talent.Profiles.Tests.Documents;

/// <summary>A text line to place on a test PDF page: where, how large, bold or not, and the link over it.</summary>
internal sealed record PdfText(string Text, double X, double Y, double Size = 10, bool Bold = false, string? Link = null);

/// <summary>The standard fonts a drawn test page is set in.</summary>
internal sealed record Fonts(PdfDocumentBuilder.AddedFont Regular, PdfDocumentBuilder.AddedFont Bold, PdfDocumentBuilder.AddedFont Mono);

/// <summary>Writes PDFs for tests with PdfPig's builder (standard fonts): pages of placed lines, image-only pages, many pages.</summary>
internal static class TestPdf
{
    public static byte[] Pages(params IReadOnlyList<PdfText>[] pages)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(595, 842);
            foreach (var line in lines)
            {
                var letters = page.AddText(line.Text, line.Size, new PdfPoint(line.X, line.Y), line.Bold ? bold : regular);
                if (line.Link is not null && letters.Count > 0)
                {
                    page.AddLink(line.Link, new PdfRectangle(line.X, line.Y - 2, letters[^1].EndBaseLine.X, line.Y + line.Size));
                }
            }
        }

        return builder.Build();
    }

    /// <summary>One page of placed lines in a PDF whose metadata gives <paramref name="title"/> (as a browser sets a page's &lt;title&gt;).</summary>
    public static byte[] Titled(string title, params PdfText[] lines)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        foreach (var line in lines)
        {
            page.AddText(line.Text, line.Size, new PdfPoint(line.X, line.Y), regular);
        }

        return builder.Build();
    }

    /// <summary>Pages drawn by the caller with the standard fonts (regular, bold, Courier): runs set side by side, shapes.</summary>
    public static byte[] Drawn(int pages, Action<int, PdfPageBuilder, Fonts> draw)
    {
        using var builder = new PdfDocumentBuilder();
        var fonts = new Fonts(
            builder.AddStandard14Font(Standard14Font.Helvetica),
            builder.AddStandard14Font(Standard14Font.HelveticaBold),
            builder.AddStandard14Font(Standard14Font.Courier));
        for (var i = 0; i < pages; i++)
        {
            draw(i, builder.AddPage(595, 842), fonts);
        }

        return builder.Build();
    }

    /// <summary>A page that is only a picture (a scan): a small PNG stretched over the page, no text.</summary>
    public static byte[] ScannedPage()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(Png1x1, new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    public static byte[] ManyPages(int count)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= count; i++)
        {
            builder.AddPage(595, 842).AddText($"Page {i} of a long report", 10, new PdfPoint(72, 760), font);
        }

        return builder.Build();
    }

    /// <summary>A one-pixel grey PNG.</summary>
    private static readonly byte[] Png1x1 = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
}
