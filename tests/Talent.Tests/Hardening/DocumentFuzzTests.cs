using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Server.Ingestion;
using Xunit.Abstractions;

namespace Talent.Tests.Hardening;

/// <summary>
/// Random mutations of real profile documents (the repository's fixtures, and <c>../shared/data/real-profiles</c>
/// when present): extraction never throws, never takes over 2 s, and allocates a bounded amount per document. The
/// seed is printed, and <c>TALENT_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class DocumentFuzzTests(ITestOutputHelper output)
{
    private const int Mutations = 5_000;

    private const int WindowChars = 3_000;

    private static readonly TimeSpan MaxExtraction = TimeSpan.FromSeconds(2);

    /// <summary>What one extraction may allocate: 200 MB, far above what a profile document needs and far below a runaway.</summary>
    private const long MaxAllocatedBytes = 200L * 1024 * 1024;

    private static readonly string[] Alphabet =
    [
        "<", ">", "</", "<ul><li>", "</li></ul>", "#", "## ", "*", "**", "_", "-", "- ", "  - ", "1. ", "[", "]", "(", ")", "](", "@", ".",
        "{", "}", "\\", "\\begin{itemize}", "\\item ", "\\end{", "@article{", "=", "\"", "'", "|", "`", "```", "$", "%", "&amp;", "&#",
        "\n", "\n\n", "\r\n", "\t", " ", "0", "9", "2024", "+1 ", "(555) ", "mailto:", "https://", "www.", ".org", ".edu", "—", "–", "é", "中",
        "\u200B", "\u202E", "\uFEFF", "\0", "\u001B[31m", "\uD800", "\uDC00", "😀",
    ];

    [Fact]
    public void Mutated_fixture_and_real_documents_extract_without_crash_in_bounded_time_and_memory()
    {
        var corpus = Corpus();
        Assert.NotEmpty(corpus);
        var seed = Environment.GetEnvironmentVariable("TALENT_FUZZ_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var extractor = new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));
        var failures = new ConcurrentQueue<string>();
        var slowest = TimeSpan.Zero;
        var slowestWall = TimeSpan.Zero;
        var mostAllocated = 0L;
        var gate = new object();
        var watch = Stopwatch.StartNew();
        Parallel.For(0, Mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Not HashCode.Combine: it differs from process to process, and a printed seed must replay the run.
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var (name, contentType, content) = corpus[random.Next(corpus.Count)];
            // A window of up to 3,000 characters keeps 5,000 extractions within seconds; whole documents are its windows too.
            var start = random.Next(Math.Max(1, content.Length - WindowChars));
            var window = content.Substring(start, Math.Min(WindowChars, content.Length - start));

            // Ingestion hands the extractor well-formed UTF-16 (DocumentIngestion), as the fuzzed text gets it here.
            var mutated = DocumentText.WellFormed(Mutate(window, corpus[random.Next(corpus.Count)].Content, random));
            var type = random.Next(8) == 0 ? DocumentIngestion.ContentTypes.ElementAt(random.Next(DocumentIngestion.ContentTypes.Count)) : contentType;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpu.Now();
            var started = Stopwatch.GetTimestamp();
            try
            {
                extractor.Extract(new DocumentInput("fuzz", type, mutated));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Enqueue($"mutation {i} of {name} as {type}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }

            var wall = Stopwatch.GetElapsedTime(started);
            var elapsed = ThreadCpu.Now() - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            lock (gate)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
                slowestWall = wall > slowestWall ? wall : slowestWall;
                mostAllocated = Math.Max(mostAllocated, allocated);
            }

            if (elapsed > MaxExtraction || allocated > MaxAllocatedBytes)
            {
                failures.Enqueue($"mutation {i} of {name} as {type}: {elapsed.TotalSeconds:0.00} s of CPU ({wall.TotalSeconds:0.00} s), {allocated / 1048576.0:0} MB allocated ({mutated.Length} characters)");
            }
        });

        output.WriteLine($"{Mutations} mutations of {corpus.Count} documents in {watch.Elapsed.TotalSeconds:0.0} s (seed {seed}); slowest extraction {slowest.TotalMilliseconds:0} ms of CPU ({slowestWall.TotalMilliseconds:0} ms wall), most allocated {mostAllocated / 1048576.0:0.0} MB");
        Assert.True(failures.IsEmpty, $"seed {seed} (set TALENT_FUZZ_SEED={seed} to replay): {failures.Count} failures:\n{string.Join('\n', failures.Take(10))}");
    }

    /// <summary>One to four edits: insert notation, delete, repeat a span many times, splice in another document, truncate, shuffle lines.</summary>
    private static string Mutate(string content, string other, Random random)
    {
        var text = new StringBuilder(content);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(7))
            {
                case 0 or 1:
                    for (var k = random.Next(1, 20); k > 0; k--)
                    {
                        text.Insert(Math.Min(at, text.Length), Alphabet[random.Next(Alphabet.Length)]);
                    }

                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 400), text.Length - at));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 80), text.Length - at);
                    var span = text.ToString(at, length);
                    text.Insert(at, string.Concat(Enumerable.Repeat(span, random.Next(2, Math.Max(3, 4_000 / Math.Max(1, length))))));
                    break;
                case 4:
                    var from = random.Next(other.Length + 1);
                    text.Insert(at, other.AsSpan(from, Math.Min(random.Next(1, 2000), other.Length - from)));
                    break;
                case 5:
                    text.Length = at;
                    break;
                default:
                    var lines = text.ToString().Split('\n');
                    random.Shuffle(lines);
                    text.Clear().AppendJoin('\n', lines);
                    break;
            }
        }

        return text.ToString();
    }

    private static List<(string Name, string ContentType, string Content)> Corpus()
    {
        var fixtures = Path.Combine(TestPaths.RepositoryRoot, "tests", "Talent.Profiles.Tests", "Data");
        var real = Path.Combine(TestPaths.SharedDirectory, "data", "real-profiles", "docs");
        var files = Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !string.Equals(Path.GetFileName(f), "labels.json", StringComparison.Ordinal))
            .Concat(Directory.Exists(real) ? Directory.EnumerateFiles(real) : []); // the real documents join when ../shared is there
        return files
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), DocumentIngestion.ContentTypeForFile(f), File.ReadAllText(f)))
            .ToList();
    }
}
