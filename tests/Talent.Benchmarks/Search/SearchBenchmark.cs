using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Benchmarks.Corpus;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// End to end at a given pool size, side by side in one run: ingestion through the bus, reindex, a fixed mix of
/// recruiter queries over HTTP against the query service in its own process (facets on; latency, throughput, a
/// reindex under query load, resident memory), the same HTTP load against the candidates indexed with the recruiter
/// fields and with the field set before them (<c>SearchBenchmark.FieldSets.cs</c>), the same requests in-process, the
/// same query strings on a bare Lucene.Net IndexSearcher over the same index (with facets counted from doc values, and
/// without), and on SQLite FTS5 over the same candidates.
/// </summary>
internal static partial class SearchBenchmark
{
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = IntOption(args, "--candidates", 10_000);
        var seed = IntOption(args, "--seed", 42);
        var rounds = IntOption(args, "--rounds", 5);
        var clients = IntOption(args, "--clients", 2);
        var data = Path.GetFullPath(StringOption(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"talent-bench-{seed}-{candidates}"));
        var report = new List<(string Measure, string Value)>();
        Console.Error.WriteLine($"{candidates} people (seed {seed}) in {data}; {Environment.ProcessorCount} cores");

        // 1. The worker: ingestion through the in-memory bus, then a rebuild with nothing else running.
        ProfileCatalogs catalogs;
        SearchOptions searchOptions;
        await using (var app = TalentApplication.BuildWebApplication(TalentApplication.CreateWebBuilder(Settings(data, FreePort()))))
        {
            await app.StartAsync();
            catalogs = app.Services.GetRequiredService<ProfileCatalogs>();
            searchOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchOptions>>().Value;
            var store = app.Services.GetRequiredService<CandidateStore>();
            var documents = SyntheticCorpus.DocumentCount(candidates);
            var existing = await store.CountSourcesAsync(CancellationToken.None);
            if (existing == 0)
            {
                var ingested = await IngestAsync(app.Services, new SyntheticCorpus(catalogs, seed), candidates, documents);
                report.Add(("ingestion (bus → extraction → identity → SQLite + index)", Rate(documents, ingested)));
            }
            else if (existing == documents)
            {
                report.Add(("ingestion", $"skipped: the {documents} documents are already in {data}"));
            }
            else
            {
                await Console.Error.WriteLineAsync($"{data} holds {existing} documents, not the {documents} of this corpus: remove it or choose another --data");
                return 2;
            }

            report.Add(("candidates in SQLite / in the index", $"{await store.CountCandidatesAsync(CancellationToken.None)} / {app.Services.GetRequiredService<LiveIndex>().Current.Count}"));
            Console.Error.WriteLine("reindex (nothing else running)");
            var rebuild = Stopwatch.StartNew();
            var status = await app.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(new Progress<ReindexStatus>(ReportProgress), CancellationToken.None);
            report.Add(("reindex from SQLite, nothing else running", $"{rebuild.Elapsed.TotalSeconds:0.0} s ({status.RatePerSecond:0} candidates/s)"));
            await app.StopAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.Collect();

        if (args.Contains("--hostile-only", StringComparer.Ordinal))
        {
            return await HostileOnlyAsync(data, candidates, seed, report);
        }

        var queries = QueryMix(catalogs);
        if (args.Contains("--field-sets-only", StringComparer.Ordinal))
        {
            await FieldSetsAsync(data, catalogs, queries, rounds, report);
            PrintReport(candidates, seed, queries.Count, rounds, report);
            return 0;
        }

        // 2. The query service in its own process.
        List<double> httpTimes;
        Console.Error.WriteLine("query service: starting");
        using (var service = await QueryService.StartAsync(data, FreePort()))
        {
            using var http = new HttpClient { BaseAddress = service.Address };
            http.DefaultRequestHeaders.Add("X-Talent-Request", "1"); // reindex without a key needs it
            var totals = new Dictionary<BenchQuery, int>();
            foreach (var query in queries)
            {
                totals[query] = await TotalAsync(http, query);
            }

            report.Add(("queries in the mix with at least one result", $"{totals.Count(t => t.Value > 0)} of {queries.Count}"));
            var (startResident, _) = service.Memory();
            Console.Error.WriteLine("query service: warm-up");
            await WarmUpAsync(queries, async q => await TotalAsync(http, q));
            Console.Error.WriteLine("query service: latency, one client");
            httpTimes = await TimeAsync(queries, rounds, async q => await TotalAsync(http, q));
            report.Add(("HTTP, facets on, one client: p50 / p95 / p99", Percentiles(httpTimes)));

            Console.Error.WriteLine($"query service: throughput, {clients} clients");
            var throughputClock = Stopwatch.StartNew();
            var answered = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, clients), async (_, ct) =>
            {
                for (var r = 0; r < rounds; r++)
                {
                    foreach (var query in queries)
                    {
                        await TotalAsync(http, query, ct);
                        Interlocked.Increment(ref answered);
                    }
                }
            });
            report.Add(($"HTTP throughput, {clients} clients", $"{answered / throughputClock.Elapsed.TotalSeconds:0} queries/s"));
            var (queriedResident, _) = service.Memory();

            Console.Error.WriteLine("query service: reindex while one client queries without pause");
            var underLoad = await ReindexUnderLoadAsync(http, queries, totals);
            report.Add(("reindex over HTTP while one client queries", $"{underLoad.Elapsed.TotalSeconds:0.0} s ({underLoad.Rate:0} candidates/s)"));
            report.Add(("… queries answered during it: failures / empty pages that had results", $"{underLoad.Queries}: {underLoad.Failures} / {underLoad.Empty}"));
            report.Add(("… latency during it: p50 / p95 / p99", Percentiles(underLoad.Times)));
            Console.Error.WriteLine("query service: hostile queries, complete and abandoned");
            await HostileQueryMeasure.MeasureAsync(service, http, report);
            var (resident, peak) = service.Memory();
            report.Add(("query service resident memory: started / after queries / after reindex / peak", $"{startResident} / {queriedResident} / {resident} / {peak} MB"));
        }

        // 3. The same HTTP load against the candidates indexed with the recruiter fields and with the field set before them.
        await FieldSetsAsync(data, catalogs, queries, rounds, report);

        // 4. The same requests in-process, and the same query strings on bare Lucene.Net over the same index.
        var indexPath = IndexLocation.Current(Path.Combine(data, "indexes"));
        List<double> inProcessTimes;
        using (var index = CandidateIndex.OpenReadOnly(indexPath, catalogs, NullLogger.Instance, searchOptions))
        {
            await WarmUpAsync(queries, q =>
            {
                index.Search(q.Request);
                return Task.CompletedTask;
            });
            inProcessTimes = await TimeAsync(queries, rounds, q =>
            {
                index.Search(q.Request);
                return Task.CompletedTask;
            });
        }

        var bareFacets = BareLucene(indexPath, queries, rounds, facets: true);
        var bare = BareLucene(indexPath, queries, rounds, facets: false);
        report.Add(("in-process CandidateIndex.Search (facets, evidence): p50 / p95 / p99", Percentiles(inProcessTimes)));
        report.Add(("bare Lucene.Net IndexSearcher, top 10 + facets from doc values: p50 / p95 / p99", Percentiles(bareFacets)));
        report.Add(("bare Lucene.Net IndexSearcher, top 10, no facets: p50 / p95 / p99", Percentiles(bare)));
        report.Add(("HTTP / bare with facets, p50 and p99", $"{Ratio(httpTimes, bareFacets, 0.50)} and {Ratio(httpTimes, bareFacets, 0.99)}"));
        report.Add(("in-process / bare with facets, p50 and p99", $"{Ratio(inProcessTimes, bareFacets, 0.50)} and {Ratio(inProcessTimes, bareFacets, 0.99)}"));

        Console.Error.WriteLine("SQLite FTS5: building");
        var database = new TalentDatabase(Path.Combine(data, "talent.db"));
        var (ftsBuild, ftsTimes) = await Fts5Async(new CandidateStore(database, TimeProvider.System), Path.Combine(data, "bench-fts5.db"), queries, rounds);
        report.Add(("SQLite FTS5 bm25 (top 10, no facets): build", $"{ftsBuild.TotalSeconds:0.0} s"));
        report.Add(("SQLite FTS5 bm25 (top 10, no facets): p50 / p95 / p99", Percentiles(ftsTimes)));

        PrintReport(candidates, seed, queries.Count, rounds, report);
        return 0;
    }

    private static void PrintReport(int candidates, int seed, int queries, int rounds, List<(string Measure, string Value)> report)
    {
        Console.WriteLine($"| measure ({candidates} people, seed {seed}, {queries} queries × {rounds} rounds, {Environment.ProcessorCount} cores) | value |");
        Console.WriteLine("| --- | --- |");
        foreach (var (measure, value) in report)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }
    }

    /// <summary><c>--hostile-only</c>: after ingestion, only the hostile queries against the query service process.</summary>
    private static async Task<int> HostileOnlyAsync(string data, int candidates, int seed, List<(string Measure, string Value)> report)
    {
        using (var service = await QueryService.StartAsync(data, FreePort()))
        {
            using var http = new HttpClient { BaseAddress = service.Address };
            await HostileQueryMeasure.MeasureAsync(service, http, report);
        }

        Console.WriteLine($"| measure ({candidates} people, seed {seed}, {Environment.ProcessorCount} cores) | value |");
        Console.WriteLine("| --- | --- |");
        report.ForEach(r => Console.WriteLine($"| {r.Measure} | {r.Value} |"));
        return 0;
    }

    private static Dictionary<string, string?> Settings(string data, int port) => new(StringComparer.Ordinal)
    {
        ["Talent:Data:Directory"] = data,
        ["Talent:Index:Directory"] = Path.Combine(data, "indexes"),
        // The benchmark rebuilds the index itself, timed; a rebuild of its own at start would run beside the measurements.
        ["Talent:Index:RebuildWhenAnalysisChanges"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        // The corpus is loaded by words; the vectors area fills vectors apart (a backlog of 100,000 would drain for hours).
        ["Talent:Embeddings:Enabled"] = "false",
    };

    private static void ReportProgress(ReindexStatus status)
    {
        if (status.Done % 50_000 == 0 && status.Done > 0)
        {
            Console.Error.WriteLine($"reindexed {status.Done}/{status.Total} ({status.RatePerSecond:0}/s)");
        }
    }

    /// <summary>Starts a rebuild over HTTP and queries without pause until it has finished; counts failures and pages that came back empty.</summary>
    private static async Task<(TimeSpan Elapsed, double Rate, int Queries, int Failures, int Empty, List<double> Times)> ReindexUnderLoadAsync(
        HttpClient http, List<BenchQuery> queries, Dictionary<BenchQuery, int> totals)
    {
        var clock = Stopwatch.StartNew();
        (await http.PostAsync(new Uri("api/admin/reindex", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var times = new List<double>();
        int asked = 0, failures = 0, empty = 0;
        using var statusClient = new HttpClient { BaseAddress = http.BaseAddress };
        var finished = Task.Run(async () =>
        {
            while (true)
            {
                await Task.Delay(200);
                var status = await statusClient.GetFromJsonAsync<JsonElement>(new Uri("api/admin/reindex", UriKind.Relative));
                var state = status.GetProperty("state").GetString();
                if (state is ReindexStatus.Succeeded or ReindexStatus.Failed)
                {
                    return (Elapsed: clock.Elapsed, State: state, Rate: status.GetProperty("ratePerSecond").GetDouble());
                }
            }
        });
        for (var i = 0; !finished.IsCompleted; i++)
        {
            var query = queries[i % queries.Count];
            var one = Stopwatch.StartNew();
            try
            {
                var total = await TotalAsync(http, query);
                times.Add(one.Elapsed.TotalMilliseconds);
                if (total == 0 && totals[query] > 0)
                {
                    empty++;
                }
            }
            catch (HttpRequestException)
            {
                failures++;
            }

            asked++;
        }

        var (elapsed, state, rate) = await finished;
        if (state != ReindexStatus.Succeeded)
        {
            throw new InvalidOperationException("the reindex under load failed");
        }

        return (elapsed, rate, asked, failures, empty, times);
    }

    /// <summary>
    /// Runs the mix over and over for <see cref="WarmUpTime"/> first: .NET compiles hot methods again, optimised, only after
    /// they have run a while, and a fresh process measured at once reports its compiler, not its steady state.
    /// </summary>
    private static async Task WarmUpAsync(List<BenchQuery> queries, Func<BenchQuery, Task> run)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < WarmUpTime)
        {
            foreach (var query in queries)
            {
                await run(query);
            }
        }
    }

    private static async Task<List<double>> TimeAsync(List<BenchQuery> queries, int rounds, Func<BenchQuery, Task> run)
    {
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                await run(query);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static string Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.50):0.00} / {At(0.95):0.00} / {At(0.99):0.00} ms");
    }

    private static string Ratio(List<double> a, List<double> b, double percentile)
    {
        double At(List<double> t) => t.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(percentile * t.Count) - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{At(a) / Math.Max(0.001, At(b)):0.00}×");
    }

    private static string Rate(int count, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{count / Math.Max(0.001, elapsed.TotalSeconds):0} documents/s ({count} in {elapsed.TotalSeconds:0} s)");

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
