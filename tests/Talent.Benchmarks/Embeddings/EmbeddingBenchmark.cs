using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Benchmarks.Embeddings;

/// <summary>
/// How fast the embedding backlog drains: a copy of a data folder's database (the search benchmark's, e.g. 100,000
/// candidates) gets every candidate put on the backlog as a worker does at start, then the worker's own drain
/// (<see cref="EmbeddingDrainer"/>: claim a batch, embed the texts without a vector, store) runs over the first
/// <c>--candidates</c> of them with the model on <c>--threads</c> threads. It reports candidates and texts per second
/// of wall time and per CPU second, counts the distinct texts of every candidate in the folder, and from the measured
/// rate the time to embed them all.
/// </summary>
internal static class EmbeddingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = Option(args, "--data") ?? throw new ArgumentException("--data DIR (a data folder of the search benchmark) is required");
        var count = int.Parse(Option(args, "--candidates") ?? "1000", CultureInfo.InvariantCulture);
        var threads = int.Parse(Option(args, "--threads") ?? "1", CultureInfo.InvariantCulture);
        var source = Path.Combine(Path.GetFullPath(data), "talent.db");
        if (!File.Exists(source))
        {
            await Console.Error.WriteLineAsync($"no talent.db in {data}");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("talent-embeddings-");
        try
        {
            var copy = Path.Combine(work.FullName, "talent.db");
            await VectorFill.CopyAsync(source, copy);

            var database = new TalentDatabase(copy);
            await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
            var store = new EmbeddingStore(database, TimeProvider.System);
            var all = await store.EnqueueMissingAsync(CancellationToken.None);
            var (distinct, textsPerCandidate) = DistinctTexts(database);
            Console.Error.WriteLine($"{all} candidates on the backlog, {distinct} distinct texts ({textsPerCandidate:0.0} per candidate)");

            using var embedder = new MiniLmEmbedder(threads);
            embedder.Embed(["warm-up: the model loads before timing"]);
            var options = Options.Create(new EmbeddingOptions { Enabled = true, Threads = threads });
            var drainer = new EmbeddingDrainer(store, embedder, options, NullLogger<EmbeddingDrainer>.Instance);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var done = 0;
            while (done < count)
            {
                var claimed = await store.ClaimAsync(Math.Min(options.Value.BatchSize, count - done), TimeSpan.FromSeconds(options.Value.LeaseSeconds), CancellationToken.None);
                if (claimed.Count == 0)
                {
                    break;
                }

                await drainer.EmbedAsync(claimed, CancellationToken.None);
                done += claimed.Count;
            }

            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var status = await drainer.StatusAsync(CancellationToken.None);
            var textsPerSecond = status.TextsEmbedded / wall;
            Console.WriteLine($"embedding drain, all-MiniLM-L6-v2 on {threads} thread(s), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine($"| measure | value |");
            Console.WriteLine($"| --- | --- |");
            Console.WriteLine($"| candidates drained / texts embedded | {done} / {status.TextsEmbedded} in {wall:0.0} s |");
            Console.WriteLine($"| candidates/s, texts/s (wall) | {done / wall:0.0}, {textsPerSecond:0.0} |");
            Console.WriteLine($"| process CPU per text | {cpuSeconds / Math.Max(1, status.TextsEmbedded) * 1000:0.0} ms |");
            Console.WriteLine($"| distinct texts of all {all} candidates | {distinct} |");
            Console.WriteLine($"| time to embed all of them at this rate | {TimeSpan.FromSeconds(distinct / textsPerSecond):h\\:mm\\:ss} |");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>The texts the drain would embed for every candidate (publications and own words), distinct by key.</summary>
    private static (int Distinct, double PerCandidate) DistinctTexts(TalentDatabase database)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var candidates = 0;
        var texts = 0L;
        foreach (var row in new CandidateStore(database, TimeProvider.System).StreamCandidates(CancellationToken.None))
        {
            var profile = row.ReadProfile();
            candidates++;
            foreach (var paper in profile.Publications.Select(p => p.Publication).Where(p => !string.IsNullOrWhiteSpace(p.Title)))
            {
                keys.Add(EmbeddingText.Key(EmbeddingText.Publication(paper.Title, paper.Abstract)));
                texts++;
            }

            if (OwnText.Of(profile) is { Length: > 0 } own)
            {
                keys.Add(EmbeddingText.Key(own));
                texts++;
            }
        }

        return (keys.Count, candidates == 0 ? 0 : (double)texts / candidates);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
