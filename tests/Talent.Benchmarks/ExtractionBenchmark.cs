using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Benchmarks;

/// <summary>
/// Extraction throughput over the labelled evaluation set: one operation extracts every document once, on one
/// thread, so documents/second/core = documents / mean operation time.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmark
{
    private ProfileExtractor extractor = null!;
    private List<DocumentInput> documents = [];

    public static Task<int> Run(string[] args)
    {
        var summary = BenchmarkRunner.Run<ExtractionBenchmark>(args: args);
        var report = summary.Reports.FirstOrDefault();
        if (report?.ResultStatistics is { } stats)
        {
            var count = Load().Documents.Count;
            Console.WriteLine($"extraction: {count} documents per operation, mean {stats.Mean / 1e6:0.000} ms, {count / (stats.Mean / 1e9):0} documents/s/core");
        }

        return Task.FromResult(summary.HasCriticalValidationErrors ? 1 : 0);
    }

    [GlobalSetup]
    public void Setup() => (extractor, documents) = Load();

    [Benchmark]
    public int ExtractEvaluationSet()
    {
        var accepted = 0;
        foreach (var document in documents)
        {
            if (extractor.Extract(document) is ExtractionResult.Accepted)
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>The extractor with the repository's catalogs and the labelled evaluation set (31 documents, nine formats).</summary>
    internal static (ProfileExtractor Extractor, List<DocumentInput> Documents) Load()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Talent.sln")))
        {
            root = root.Parent;
        }

        var repo = root?.FullName ?? throw new InvalidOperationException("Talent.sln not found above " + AppContext.BaseDirectory);
        var set = Path.Combine(repo, "tests", "Talent.Profiles.Tests", "Data", "eval");
        var documents = Directory.GetFiles(set, "*.expected.json").Order(StringComparer.Ordinal).Select(expected =>
        {
            var path = expected[..^".expected.json".Length];
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(expected));
            return new DocumentInput(Path.GetFileName(path), json.RootElement.GetProperty("contentType").GetString() ?? "text/plain", File.ReadAllText(path));
        }).ToList();
        return (new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(repo, "config"))), documents);
    }
}
