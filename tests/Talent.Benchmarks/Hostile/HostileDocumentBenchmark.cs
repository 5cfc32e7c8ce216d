using System.Diagnostics;
using System.Globalization;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Tests.Hardening;

namespace Talent.Benchmarks.Hostile;

/// <summary>
/// Extraction time of the hostile documents the ingestion tests post (about 2 MB of e-mails, phones, <c>&lt;</c> runs and
/// deep lists), each at a quarter, half and all of its size, so time that grows faster than the size shows: one thread,
/// wall and CPU time of the process. <c>--shape NAME</c> measures one shape only.
/// </summary>
internal static class HostileDocumentBenchmark
{
    private static readonly double[] Fractions = [0.25, 0.5, 1.0];

    public static Task<int> RunAsync(string[] args)
    {
        var shape = args.Length >= 2 && args[0] == "--shape" ? args[1] : null;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Talent.sln")))
        {
            root = root.Parent;
        }

        var extractor = new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(root?.FullName ?? ".", "config")));
        extractor.Extract(new DocumentInput("warm", "text/markdown", "# Warm Upton\n\nwarm@example.org\n")); // compiled before timing
        Console.WriteLine($"{"shape",-34} {"MB",6} {"wall s",8} {"CPU s",8}  result");
        foreach (var (name, contentType, content) in HostileDocuments.All.Concat(HostileDocuments.More).Where(d => shape is null || d.Name == shape))
        {
            foreach (var fraction in Fractions)
            {
                var text = content[..(int)(content.Length * fraction)];
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = extractor.Extract(new DocumentInput("hostile", contentType, text));
                var wall = watch.Elapsed;
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var outcome = result is ExtractionResult.Rejected rejected ? "rejected: " + rejected.Reason : "accepted";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {text.Length / 1048576.0,6:0.00} {wall.TotalSeconds,8:0.00} {used.TotalSeconds,8:0.00}  {outcome}"));
            }
        }

        return Task.FromResult(0);
    }
}
