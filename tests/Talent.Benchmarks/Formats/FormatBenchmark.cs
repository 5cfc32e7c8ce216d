using System.Diagnostics;
using System.Globalization;
using Talent.Profiles;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using Talent.Tests.Documents;

namespace Talent.Benchmarks.Formats;

/// <summary>
/// Extraction throughput by format, side by side in one run: the labelled evaluation set as written (text formats),
/// the same texts laid out as 2-page PDF CVs (PdfPig, Helvetica, a heading per section line starting with '#'), and as
/// DOCX (OpenXml, one paragraph per line, headings styled). One thread; each round extracts every document once;
/// documents/s/core from the median round.
/// </summary>
internal static class FormatBenchmark
{
    private const int LinesPerPage = LaidOutDocuments.LinesPerPage;

    private const int Pages = 2;

    public static Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var (extractor, written) = ExtractionBenchmark.Load();
        var pdf = written.Select(d => new DocumentInput(d.SourceId + ".pdf", DocumentFormats.PdfType, "") { Bytes = LaidOutDocuments.Pdf(d.Content, LinesPerPage * Pages) }).ToList();
        var docx = written.Select(d => new DocumentInput(d.SourceId + ".docx", DocumentFormats.DocxType, "") { Bytes = LaidOutDocuments.Docx(d.Content, LinesPerPage * Pages) }).ToList();

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
}
