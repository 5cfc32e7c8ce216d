using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using Talent.Tests.Documents;
using Xunit.Abstractions;

namespace Talent.Tests.Hardening;

/// <summary>
/// Random damage to PDF and Word files (the repository's fixture documents laid out by PdfPig's builder and by OpenXml):
/// bytes changed, cut, repeated and spliced, and for Word files the XML inside the package edited too. Reading never
/// throws, never takes over 4 s of CPU, and allocates a bounded amount per file; a tenth at least of the damaged
/// copies are still read. The seed is printed, and <c>TALENT_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class BinaryDocumentFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 1_000;

    /// <summary>
    /// CPU time one file may take: PdfPig's lenient reading of a damaged file re-reads what it can, up to about 1 s here
    /// (a Debug build, both cores busy); a reading that ran away with the damage (a loop, a bomb) takes far longer.
    /// </summary>
    private static readonly TimeSpan MaxExtraction = TimeSpan.FromSeconds(4);

    /// <summary>What reading one file may allocate: 200 MB, far above what a CV needs and far below a runaway.</summary>
    private const long MaxAllocatedBytes = 200L * 1024 * 1024;

    /// <summary>PDF syntax spliced into a file: delimiters, numbers, object and stream keywords, operators.</summary>
    private static readonly string[] PdfTokens =
    [
        "[", "]", "<<", ">>", "(", ")", "<", ">", "/", "{", "}", "\\", "0", "9", "-1", "99999999", " ", "\n", "%", "R", " 0 R",
        "obj", "endobj", "stream\n", "\nendstream", "xref", "trailer", "startxref", "/Length", "/Filter /FlateDecode", "/Type /Page",
        "/Parent", "/Kids", "/Contents", "/Font", "/Resources", "BT", "ET", "Tj", "TJ", "Tf", "Td", "Tm", "q", "Q", "cm", "Do",
    ];

    /// <summary>WordprocessingML spliced into a Word file's document part.</summary>
    private static readonly string[] WordTokens =
    [
        "<", ">", "</", "/>", "\"", "&", "&amp;", "&#0;", "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>",
        "</w:tbl>", "<w:tr><w:tc>", "</w:tc></w:tr>", "<w:hyperlink r:id=\"rId99\">", "</w:hyperlink>", "<w:sdt><w:sdtContent>",
        "<w:pStyle w:val=\"Heading1\"/>", "<w:numPr><w:ilvl w:val=\"9\"/></w:numPr>", "<w:br/>", "<w:tab/>", "<!DOCTYPE x>",
        "<?xml version=\"1.0\"?>", "]]>", "<![CDATA[", " xmlns:w=\"x\"", "中", "\u202E", "😀",
    ];

    /// <summary>Balanced WordprocessingML, opened, given some text, and closed: the XML stays well-formed around it.</summary>
    private static readonly (string Open, string Inner, string Close)[] WellFormed =
    [
        ("<w:p>", "<w:r><w:t>Rust, Kafka</w:t></w:r>", "</w:p>"),
        ("<w:tbl><w:tr><w:tc>", "<w:p><w:r><w:t>2019 – 2021</w:t></w:r></w:p>", "</w:tc></w:tr></w:tbl>"),
        ("<w:hyperlink w:anchor=\"top\">", "<w:r><w:t>https://example.org</w:t></w:r>", "</w:hyperlink>"),
        ("<w:sdt><w:sdtContent>", "<w:p><w:r><w:t>Skills</w:t></w:r></w:p>", "</w:sdtContent></w:sdt>"),
        ("<w:r>", "<w:br/><w:tab/><w:t xml:space=\"preserve\"> PhD </w:t>", "</w:r>"),
        ("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>", "<w:r><w:t>Experience</w:t></w:r>", "</w:p>"),
    ];

    [Fact]
    public void Damaged_pdf_and_word_files_are_read_or_refused_without_crash_in_bounded_time_and_memory()
    {
        var corpus = Corpus();
        var seed = Environment.GetEnvironmentVariable("TALENT_FUZZ_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var extractor = new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));
        var failures = new ConcurrentQueue<string>();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var slowest = TimeSpan.Zero;
        var mostAllocated = 0L;
        var gate = new object();
        Parallel.For(0, Mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var (name, type, bytes) = corpus[random.Next(corpus.Count)];
            var damaged = type == DocumentFormats.DocxType && random.Next(3) > 0 ? DamageWordXml(bytes, random) : Damage(bytes, random);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpu.Now();
            ExtractionResult result;
            try
            {
                result = extractor.Extract(new DocumentInput("fuzz", type, string.Empty) { Bytes = damaged });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Enqueue($"mutation {i} of {name}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }

            var elapsed = ThreadCpu.Now() - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            outcomes.AddOrUpdate(result.GetType().Name, 1, (_, n) => n + 1);
            lock (gate)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
                mostAllocated = Math.Max(mostAllocated, allocated);
            }

            if (elapsed > MaxExtraction || allocated > MaxAllocatedBytes)
            {
                failures.Enqueue($"mutation {i} of {name}: {elapsed.TotalSeconds:0.00} s of CPU, {allocated / 1048576.0:0} MB allocated ({damaged.Length} bytes)");
            }
        });

        output.WriteLine($"{Mutations} damaged copies of {corpus.Count} files (seed {seed}): {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}; slowest {slowest.TotalMilliseconds:0} ms of CPU, most allocated {mostAllocated / 1048576.0:0.0} MB");
        Assert.True(failures.IsEmpty, $"seed {seed} (set TALENT_FUZZ_SEED={seed} to replay): {failures.Count} failures:\n{string.Join('\n', failures.Take(10))}");
        // Damage that leaves a file readable reaches the readers' inner parts: a run where nearly every copy is refused at
        // the door would test little.
        Assert.True(outcomes.GetValueOrDefault(nameof(ExtractionResult.Accepted)) > Mutations / 10, $"only {outcomes.GetValueOrDefault(nameof(ExtractionResult.Accepted))} of {Mutations} damaged copies were read");
    }

    /// <summary>One to four byte edits: set a byte, delete a run, repeat a run, splice in PDF syntax, or cut the file short.</summary>
    private static byte[] Damage(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var edits = 1 + random.Next(4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(12))
            {
                case <= 4:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 5 or 6:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64)));
                    break;
                case 7 or 8:
                    var run = bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 400)));
                    for (var times = random.Next(2, 40); times > 0; times--)
                    {
                        bytes.InsertRange(at, run);
                    }

                    break;
                case 9 or 10:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => PdfTokens[random.Next(PdfTokens.Length)]))));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>The Word file packed again with its document part edited: markup spliced in, text cut out or repeated.</summary>
    private static byte[] DamageWordXml(byte[] docx, Random random)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var packed = new MemoryStream();
        using (var archive = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var content = reader.ReadToEnd();
                if (entry.FullName == "word/document.xml")
                {
                    content = EditXml(content, random);
                }

                using var writer = new StreamWriter(archive.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return packed.ToArray();
    }

    /// <summary>
    /// One to four edits of the document part: well-formed markup put between two tags (a paragraph, a table, a link,
    /// nested or repeated many times), or markup, deletions and repeats anywhere, which leave the XML broken.
    /// </summary>
    private static string EditXml(string xml, Random random)
    {
        var text = new StringBuilder(xml);
        for (var edits = 1 + random.Next(4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0 or 1 or 2:
                    var between = xml.IndexOf('>', Math.Min(at, xml.Length - 1));
                    var fragment = WellFormed[random.Next(WellFormed.Length)];
                    var depth = random.Next(1, 5) == 1 ? random.Next(1, 300) : 1;
                    var nested = string.Concat(Enumerable.Repeat(fragment.Open, depth)) + fragment.Inner + string.Concat(Enumerable.Repeat(fragment.Close, depth));
                    text.Insert(Math.Min(between < 0 ? text.Length : between + 1, text.Length), string.Concat(Enumerable.Repeat(nested, random.Next(1, 4) == 1 ? random.Next(2, 200) : 1)));
                    break;
                case 3:
                    text.Insert(at, string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => WordTokens[random.Next(WordTokens.Length)])));
                    break;
                case 4:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 200)));
                    break;
                default:
                    var span = text.ToString(at, Math.Min(text.Length - at, random.Next(1, 300)));
                    text.Insert(at, string.Concat(Enumerable.Repeat(span, random.Next(2, 60))));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Each fixture document's text laid out as a PDF and as a Word file.</summary>
    private static List<(string Name, string ContentType, byte[] Bytes)> Corpus()
    {
        var fixtures = Path.Combine(TestPaths.RepositoryRoot, "tests", "Talent.Profiles.Tests", "Data");
        var texts = Directory.EnumerateFiles(fixtures)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .ToList();
        Assert.NotEmpty(texts);
        return texts.Select(t => (t.Name + ".pdf", DocumentFormats.PdfType, LaidOutDocuments.Pdf(t.Text, 2 * LaidOutDocuments.LinesPerPage)))
            .Concat(texts.Select(t => (t.Name + ".docx", DocumentFormats.DocxType, LaidOutDocuments.Docx(t.Text, 2 * LaidOutDocuments.LinesPerPage))))
            .ToList();
    }
}
