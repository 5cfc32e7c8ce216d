using System.IO.Compression;
using System.Text;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests.Documents;

/// <summary>Files that are not readable CVs are refused with their reason in one line, never with an exception.</summary>
public sealed class BadDocumentTests
{
    private readonly ProfileExtractor extractor = new(RepoPaths.Catalogs, new DocumentLimits(MaxBytes: 5 * 1024 * 1024, MaxPages: 50));

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "scanned.pdf", DocumentFormats.PdfType, "PDF has no text layer (scanned pages, images only)" },
        { "encrypted.pdf", DocumentFormats.PdfType, "PDF is encrypted" },
        { "truncated.pdf", DocumentFormats.PdfType, "PDF is damaged or truncated" },
        { "garbage.pdf", DocumentFormats.PdfType, "PDF is damaged or truncated" },
        { "report.pdf", DocumentFormats.PdfType, "PDF has 300 pages, over the 50 page limit" },
        { "huge.pdf", DocumentFormats.PdfType, "document is 50.0 MB, over the 5.0 MB limit" },
        { "old.doc", DocumentFormats.LegacyWordType, "binary Word document (.doc) is not read" },
        { "old-as-docx.docx", DocumentFormats.DocxType, "binary Word document (.doc) is not read" },
        { "bomb.docx", DocumentFormats.DocxType, "DOCX part word/document.xml unpacks" },
        { "not-word.docx", DocumentFormats.DocxType, "DOCX has no document body (not a Word document)" },
        { "cut.docx", DocumentFormats.DocxType, "DOCX is damaged or not a Word document" },
        { "empty.pdf", DocumentFormats.PdfType, "document is empty" },
        { "inflating.pdf", DocumentFormats.PdfType, "PDF streams unpack to more than 100 MB (a decompression bomb?)" },
        { "inflating-twice.pdf", DocumentFormats.PdfType, "PDF streams unpack to more than 100 MB (a decompression bomb?)" },
        { "nested.docx", DocumentFormats.DocxType, "DOCX part word/document.xml nests elements more than 256 levels deep" },
        { "wordy.docx", DocumentFormats.DocxType, "DOCX has 11 MB of XML, over the 10 MB limit" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_with_its_reason(string name, string contentType, string reason)
    {
        var result = extractor.Extract(new DocumentInput(name, contentType, string.Empty) { Bytes = Bytes(name) });

        var rejected = Assert.IsType<ExtractionResult.Rejected>(result);
        Assert.True(rejected.Reason.StartsWith(reason, StringComparison.Ordinal), rejected.Reason);
        Assert.DoesNotContain('\n', rejected.Reason);
    }

    [Theory]
    [InlineData("cv.pdf", "%PDF-1.7\n", DocumentFormats.PdfType)]
    [InlineData("cv.txt", "  \n%PDF-1.4\n", DocumentFormats.PdfType)]
    [InlineData("cv.bin", "PK\u0003\u0004rest", DocumentFormats.DocxType)]
    [InlineData("cv.pdf", "# Jane Doe\n", "text/plain")]
    [InlineData("cv.md", "# Jane Doe\n", "text/markdown")]
    [InlineData("cv.DOCX", "# not a zip", "text/plain")]
    [InlineData("cv.tex", "\\documentclass{article}", "application/x-tex")]
    [InlineData("cv", "Jane Doe", "text/plain")]
    public void A_file_is_known_by_its_first_bytes_before_its_name(string name, string head, string contentType) =>
        Assert.Equal(contentType, DocumentFormats.ForFile(name, Encoding.Latin1.GetBytes(head)).ContentType);

    [Theory]
    [InlineData("Application/PDF", DocumentFormats.PdfType)]
    [InlineData("application/x-pdf", DocumentFormats.PdfType)]
    [InlineData("text/x-markdown; charset=utf-8", "text/markdown")]
    [InlineData("application/xhtml+xml", "text/html")]
    [InlineData("text/x-latex", "application/x-tex")]
    [InlineData("application/msword", DocumentFormats.LegacyWordType)]
    public void A_content_type_alias_names_its_format(string declared, string contentType) =>
        Assert.Equal(contentType, DocumentFormats.ForContentType(declared)?.ContentType);

    internal static byte[] Bytes(string name) => name switch
    {
        "scanned.pdf" => TestPdf.ScannedPage(),
        "encrypted.pdf" => EncryptedPdf(),
        "truncated.pdf" => TestPdf.Pages([new PdfText("Jane Doe", 72, 760, 18)])[..200],
        "garbage.pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 4000)),
        "report.pdf" => TestPdf.ManyPages(300),
        "huge.pdf" => HugePdf(),
        "old.doc" or "old-as-docx.docx" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        "bomb.docx" => ZipBomb(),
        "not-word.docx" => Zip(("notes.txt", Encoding.UTF8.GetBytes("not a Word document"))),
        "empty.pdf" => [],
        "cut.docx" => DocxDocumentTests.Cv()[..300],
        // 110 MB of spaces after the text, inflated from about 110 KB (once), or from a few hundred bytes inflated twice.
        "inflating.pdf" => FlatePdf(Inflating(110 * 1024 * 1024), times: 1),
        "inflating-twice.pdf" => FlatePdf(Inflating(110 * 1024 * 1024), times: 2),
        // Table in table 5,000 deep: the package reader's recursion overflowed the stack, which ends the process.
        "nested.docx" => NestedDocx(5_000),
        // 11 MB of varied paragraphs packed 30 times (no zip bomb): read into the document model, 2 s and 1 GB at 90 MB.
        "wordy.docx" => WordyDocx(11 * 1024 * 1024),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Fact]
    public async Task A_pdf_compressed_twice_and_a_docx_nested_as_deep_as_allowed_are_read()
    {
        var pdf = extractor.Extract(new DocumentInput("twice.pdf", DocumentFormats.PdfType, string.Empty) { Bytes = FlatePdf(Inflating(0), times: 2) });
        // On a pool thread, as ingestion reads documents: 80 tables in tables are 242 levels of the part.
        var docx = await Task.Run(() => extractor.Extract(new DocumentInput("deep.docx", DocumentFormats.DocxType, string.Empty) { Bytes = NestedDocx(80) }));

        Assert.Equal("Jane Doe", Assert.IsType<ExtractionResult.Accepted>(pdf).Profile.Name);
        Assert.Equal("Jane Doe", Assert.IsType<ExtractionResult.Accepted>(docx).Profile.Name);
    }

    [Fact]
    public void The_operator_and_object_names_of_a_pdf_are_not_kept_after_it_is_read()
    {
        // PdfPig pools every operator name and name object for the life of the process: 20,000 made-up ones of each would stay.
        var names = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"made{i}up /named{i}"));
        var content = Encoding.ASCII.GetBytes("BT /F1 24 Tf 72 760 Td (Jane Doe) Tj ET\n" + names);

        var result = extractor.Extract(new DocumentInput("names.pdf", DocumentFormats.PdfType, string.Empty) { Bytes = FlatePdf(content, times: 1) });

        Assert.Equal("Jane Doe", Assert.IsType<ExtractionResult.Accepted>(result).Profile.Name);
        Assert.True(PdfPigPools.Found, "PdfPig's name pools are not where they were: see PdfPigPools");
        var (operators, objects) = PdfPigPools.Counts;
        Assert.InRange(operators, 0, PdfPigPools.MaxNames);
        Assert.InRange(objects, 0, PdfPigPools.MaxNames);
    }

    /// <summary>A page's content stream: a name in large type, then <paramref name="padding"/> spaces.</summary>
    private static byte[] Inflating(int padding)
    {
        var text = "BT /F1 24 Tf 72 760 Td (Jane Doe) Tj ET\n"u8.ToArray();
        var content = new byte[text.Length + padding];
        text.CopyTo(content, 0);
        content.AsSpan(text.Length).Fill((byte)' ');
        return content;
    }

    /// <summary>A one-page PDF whose content stream is Flate-compressed <paramref name="times"/> times (a filter chain when more than once).</summary>
    private static byte[] FlatePdf(byte[] content, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(content);
            }

            content = packed.ToArray();
        }

        var filters = string.Join(' ', Enumerable.Repeat("/FlateDecode", times));
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"u8.ToArray(),
            [.. Encoding.ASCII.GetBytes($"<< /Length {content.Length} /Filter [{filters}] >>\nstream\n"), .. content, .. "\nendstream"u8],
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"u8.ToArray(),
        };
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Length;
        pdf.Write(Encoding.ASCII.GetBytes($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Write(Encoding.ASCII.GetBytes(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + " 00000 n \n"));
        }

        pdf.Write(Encoding.ASCII.GetBytes($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    /// <summary>A Word document whose body holds a name, then tables nested <paramref name="levels"/> deep, written as XML (the SDK would recurse).</summary>
    private static byte[] NestedDocx(int levels)
    {
        var body = new StringBuilder("<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p>");
        body.Insert(body.Length, "<w:tbl><w:tr><w:tc>", levels).Append("<w:p><w:r><w:t>Python</w:t></w:r></w:p>").Insert(body.Length, "</w:tc></w:tr></w:tbl>", levels);
        return Docx(body.ToString());
    }

    /// <summary>A Word document of paragraphs of made-up words in formatted runs, <paramref name="bytes"/> of XML in all.</summary>
    private static byte[] WordyDocx(int bytes)
    {
        var random = new Random(7);
        var body = new StringBuilder(bytes + 1024);
        while (body.Length < bytes)
        {
            body.Append("<w:p>");
            for (var run = 0; run < 8; run++)
            {
                var word = string.Concat(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26))));
                body.Append("<w:r><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">").Append(word).Append(" </w:t></w:r>");
            }

            body.Append("</w:p>");
        }

        return Docx(body.ToString());
    }

    /// <summary>A Word package of one document part with <paramref name="body"/>, written as XML.</summary>
    private static byte[] Docx(string body)
    {
        const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")),
            ("_rels/.rels", Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")),
            ("word/document.xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{Main}\"><w:body>{body}</w:body></w:document>")));
    }

    private static byte[] HugePdf()
    {
        var bytes = new byte[50 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A DOCX-shaped zip whose document part inflates 64 MB of zeros from a few kilobytes.</summary>
    private static byte[] ZipBomb() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[64 * 1024 * 1024]));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A PDF whose trailer names a standard security handler with a user password (its check value matches no empty password).</summary>
    private static byte[] EncryptedPdf()
    {
        var check = new string('7', 64);
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <{check}> /U <{check}> /P -3904 >>",
            "<< /Length 8 >>\nstream\nABCDEFGH\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.6\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size 6 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n")
            .Append("startxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
