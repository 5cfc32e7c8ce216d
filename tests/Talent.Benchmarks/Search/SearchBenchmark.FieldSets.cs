using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// What the recruiter fields (schools, employers, job titles, places, contact values, degree, experience) cost a search:
/// the same candidates indexed twice the same way, with them and with the field set before them
/// (<see cref="SearchOptions.IndexRecruiterFields"/> off), each served by a query-only service process of its own, and
/// the same HTTP query load sent to both in turn, query by query, so a machine that other work loads meanwhile slows
/// both alike.
/// </summary>
internal static partial class SearchBenchmark
{
    private static async Task FieldSetsAsync(string data, ProfileCatalogs catalogs, List<BenchQuery> queries, int rounds, List<(string Measure, string Value)> report)
    {
        var root = Path.Combine(data, "indexes-field-sets");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var store = new CandidateStore(new TalentDatabase(Path.Combine(data, "talent.db")), TimeProvider.System);
        var with = await BuildFieldSetAsync(store, catalogs, Path.Combine(root, "with-recruiter-fields"), recruiterFields: true);
        var without = await BuildFieldSetAsync(store, catalogs, Path.Combine(root, "without-recruiter-fields"), recruiterFields: false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect();
        report.Add(("index with / without the recruiter fields: build, size on disk", $"{with.Build.TotalSeconds:0.0} s, {with.Megabytes} MB / {without.Build.TotalSeconds:0.0} s, {without.Megabytes} MB"));

        Console.Error.WriteLine("field sets: two query-only services");
        using var wide = await QueryService.StartAsync(data, FreePort(), with.Root, queryOnly: true);
        using var narrow = await QueryService.StartAsync(data, FreePort(), without.Root, queryOnly: true);
        using var wideHttp = new HttpClient { BaseAddress = wide.Address };
        using var narrowHttp = new HttpClient { BaseAddress = narrow.Address };
        var wideAnswered = 0;
        var narrowAnswered = 0;
        foreach (var query in queries)
        {
            wideAnswered += await TotalAsync(wideHttp, query) > 0 ? 1 : 0;
            narrowAnswered += await TotalAsync(narrowHttp, query) > 0 ? 1 : 0;
        }

        report.Add(("… queries of the mix with at least one result, with / without", $"{wideAnswered} / {narrowAnswered} of {queries.Count}"));
        var loadBefore = LoadAverage();
        Console.Error.WriteLine("field sets: warm-up");
        await WarmUpAsync(queries, async q =>
        {
            await TotalAsync(wideHttp, q);
            await TotalAsync(narrowHttp, q);
        });

        Console.Error.WriteLine("field sets: latency, one client, the two services in turn");

        // The services take turns at going first, request by request, so neither always follows the other's work.
        var sent = Enumerable.Range(0, rounds).SelectMany(_ => queries).ToList();
        var (wideTimes, narrowTimes) = await InTurnAsync(wideHttp, narrowHttp, sent, (http, query) => TotalAsync(http, query));
        report.Add(("HTTP, facets on, one client, with the recruiter fields: p50 / p95 / p99", Percentiles(wideTimes)));
        report.Add(("HTTP, facets on, one client, the field set before them: p50 / p95 / p99", Percentiles(narrowTimes)));
        report.Add(("with / without the recruiter fields, p50, p95 and p99", $"{Ratio(wideTimes, narrowTimes, 0.50)}, {Ratio(wideTimes, narrowTimes, 0.95)} and {Ratio(wideTimes, narrowTimes, 0.99)}"));
        var perQuery = sent.Select((query, i) => (query, i)).GroupBy(p => p.query, p => p.i)
            .ToDictionary(g => g.Key, g => (Wide: g.Select(i => wideTimes[i]).ToList(), Narrow: g.Select(i => narrowTimes[i]).ToList()));
        foreach (var (query, (wideOne, narrowOne)) in perQuery.OrderByDescending(p => Median(p.Value.Wide) - Median(p.Value.Narrow)).Take(8))
        {
            Console.Error.WriteLine($"field sets: {query.Http}: median {Median(wideOne):0.00} ms with, {Median(narrowOne):0.00} ms without");
        }

        foreach (var (side, times) in new[] { ("with", wideTimes), ("without", narrowTimes) })
        {
            var slowest = times.Select((t, i) => (sent[i].Http, t)).OrderByDescending(x => x.t).Take(10);
            Console.Error.WriteLine($"field sets: slowest {side}: " + string.Join("; ", slowest.Select(x => $"{x.Http} {x.t:0.0}")));
        }

        report.Add(("… load average (1 min) before the warm-up / after the timing", $"{loadBefore} / {LoadAverage()}"));
    }

    /// <summary>Every candidate of the database into a new index generation under <paramref name="root"/>, on every core, as a rebuild does.</summary>
    private static async Task<(string Root, TimeSpan Build, long Megabytes)> BuildFieldSetAsync(CandidateStore store, ProfileCatalogs catalogs, string root, bool recruiterFields)
    {
        Console.Error.WriteLine($"field sets: indexing {(recruiterFields ? "with" : "without")} the recruiter fields");
        var clock = Stopwatch.StartNew();
        var sequence = await store.LastSequenceAsync(CancellationToken.None);
        var generation = IndexLocation.NewGeneration(root, DateTimeOffset.UtcNow);
        using (var index = CandidateIndex.OpenForRebuild(generation, catalogs, NullLogger.Instance, new SearchOptions { IndexRecruiterFields = recruiterFields }))
        {
            Parallel.ForEach(
                store.StreamCandidates(CancellationToken.None),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                row => index.Add(row.Id, row.ReadProfile(), row.UpdatedAt));
            index.Commit(sequence);
        }

        IndexLocation.Publish(root, generation);
        var bytes = new DirectoryInfo(generation).EnumerateFiles().Sum(f => f.Length);
        return (root, clock.Elapsed, bytes / (1024 * 1024));
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>The system's one-minute load average, from /proc: how busy the shared machine was.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
