using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Talent.Profiles;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Talent.Benchmarks.Formats;

/// <summary>
/// Extraction throughput by format, side by side in one run: the labelled evaluation set as written (text formats),
/// the same texts laid out as 2-page PDF CVs (PdfPig, Helvetica, a heading per section line starting with '#'), and as
/// DOCX (OpenXml, one paragraph per line, headings styled). One thread; each round extracts every document once;
/// documents/s/core from the median round.
/// </summary>
internal static class FormatBenchmark
{
    private const int LinesPerPage = 58;

    private const int Pages = 2;

    public static Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var (extractor, written) = ExtractionBenchmark.Load();
        var pdf = written.Select(d => new DocumentInput(d.SourceId + ".pdf", DocumentFormats.PdfType, "") { Bytes = Pdf(d.Content) }).ToList();
        var docx = written.Select(d => new DocumentInput(d.SourceId + ".docx", DocumentFormats.DocxType, "") { Bytes = Docx(d.Content) }).ToList();

        Console.WriteLine($"| format ({written.Count} documents, {rounds} rounds, one thread) | median per document | documents/s/core | accepted |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, documents) in new[] { ("as written (markdown, HTML, LaTeX, BibTeX, JSON, jemdoc, text)", written), ("PDF, 2 pages", pdf), ("DOCX", docx) })
        {
            var (perDocument, accepted) = Measure(extractor, documents, rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {perDocument.TotalMilliseconds:0.00} ms | {1000 / perDocument.TotalMilliseconds:0} | {accepted} of {documents.Count} |"));
        }

        return Task.FromResult(0);
    }

    private static (TimeSpan PerDocument, int Accepted) Measure(ProfileExtractor extractor, List<DocumentInput> documents, int rounds)
    {
        var accepted = documents.Count(d => extractor.Extract(d) is ExtractionResult.Accepted); // warm-up
        var times = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var document in documents)
            {
                extractor.Extract(document);
            }

            times.Add(clock.Elapsed / documents.Count);
        }

        return (times.Order().ElementAt(times.Count / 2), accepted);
    }

    /// <summary>The text laid out on two A4 pages, one line per line (long lines wrapped), characters outside ASCII as ?.</summary>
    private static byte[] Pdf(string text)
    {
        using var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var lines = Lines(text).Take(LinesPerPage * Pages).ToList();
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

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Split('\n').Take(LinesPerPage * Pages))
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
