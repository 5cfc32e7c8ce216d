using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Talent.Profiles.Documents;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Talent.Tests.Documents;

/// <summary>PDF and DOCX documents through the bus as plain messages carry them (base64 content): bad files refused, the rest stored.</summary>
public sealed class BinaryDocumentIngestionTests
{
    [Fact]
    public async Task Bad_files_are_rejected_with_their_reasons_and_the_rest_of_the_batch_is_stored()
    {
        await using var host = await TalentTestHost.StartAsync();
        var batch = new (string SourceId, string ContentType, byte[] Bytes, string Expected)[]
        {
            ("ats:cv-pdf", DocumentFormats.PdfType, Pdf("Grace Hopper", "grace.hopper@example.org"), "accepted"),
            ("ats:cv-docx", DocumentFormats.DocxType, Docx("Alan Turing", "alan.turing@example.org"), "accepted"),
            ("ats:scan", DocumentFormats.PdfType, Scan(), "PDF has no text layer"),
            ("ats:cut", DocumentFormats.PdfType, Pdf("Cut Short", "cut@example.org")[..150], "PDF is damaged or truncated"),
            ("ats:old", DocumentFormats.LegacyWordType, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "binary Word document (.doc) is not read"),
            ("ats:bomb", DocumentFormats.DocxType, ZipBomb(), "DOCX part word/document.xml unpacks"),
            ("ats:huge", DocumentFormats.PdfType, Huge(), "document is 50.0 MB, over the 5.0 MB limit"),
        };

        var outcomes = await Task.WhenAll(batch.Select(d => host.SubmitAsync(d.SourceId, d.ContentType, Convert.ToBase64String(d.Bytes))));

        for (var i = 0; i < batch.Length; i++)
        {
            var (sourceId, _, _, expected) = batch[i];
            if (expected == "accepted")
            {
                Assert.True(outcomes[i].Outcome == "accepted", $"{sourceId}: {outcomes[i].Outcome} {outcomes[i].Reason}");
            }
            else
            {
                Assert.Equal("rejected", outcomes[i].Outcome);
                Assert.True(outcomes[i].Reason?.StartsWith(expected, StringComparison.Ordinal) == true, $"{sourceId}: {outcomes[i].Reason}");
            }
        }

        // The same bytes again are the same document (the hash is over the bytes).
        var again = await host.SubmitAsync("ats:cv-pdf", DocumentFormats.PdfType, Convert.ToBase64String(batch[0].Bytes));
        Assert.Equal("unchanged", again.Outcome);
    }

    internal static byte[] Pdf(string name, string email)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(595, 842);
        page.AddText(name, 22, new PdfPoint(60, 780), bold);
        page.AddText(email, 10, new PdfPoint(60, 750), regular);
        page.AddText("Education", 13, new PdfPoint(60, 710), bold);
        page.AddText("Ph.D. in Mathematics, Yale University, 1930 - 1934", 10, new PdfPoint(60, 690), regular);
        return builder.Build();
    }

    internal static byte[] Scan()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842).AddPng(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="), new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    internal static byte[] Docx(string name, string email)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }), new Run(new Text(name))),
                new Paragraph(new Run(new Text(email))),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("Education"))),
                new Paragraph(new Run(new Text("Ph.D. in Mathematics, Princeton University, 1936 - 1938")))));
        }

        return stream.ToArray();
    }

    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[64 * 1024 * 1024]);
        }

        return stream.ToArray();
    }

    private static byte[] Huge()
    {
        var bytes = new byte[50 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
