using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Benchmarks.Embeddings;
using Talent.Profiles.Catalogs;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// Search, match and similar over HTTP with sentence vectors beside without them, in one run: a copy of a benchmark
/// database (<c>--data</c>, copied once into <c>--copy</c>) gets a vector for every text the worker embeds
/// (<see cref="VectorFill"/>: the drainer's own rows and keys, seeded vectors in place of the model's), then two
/// query-only services over that copy and the data folder's index, one with <c>Talent:Embeddings:Enabled</c> and one
/// without, get the same requests in turn, request by request. Query vectors come from the real model at query time.
/// Match descriptions are distinct (job ads built from the catalogs, and papers' titles and abstracts from the
/// corpus), so each is embedded on first use; they are then sent again to show the cached case.
/// </summary>
internal static partial class SearchBenchmark
{
    private static readonly string[] JobRoles = ["research scientist", "machine learning engineer", "software engineer", "data scientist", "postdoctoral researcher", "staff engineer", "applied scientist", "research engineer"];

    /// <summary>The <c>vectors</c> area: <c>--data DIR --copy DIR [--seed S] [--requests N] [--rounds R] [--fill-minutes M] [--fill-only]</c>.</summary>
    public static async Task<int> VectorsAsync(string[] args)
    {
        var data = Path.GetFullPath(StringOption(args, "--data") ?? throw new ArgumentException("--data DIR (a data folder of the search benchmark) is required"));
        var copy = Path.GetFullPath(StringOption(args, "--copy") ?? data + "-vectors");
        var seed = IntOption(args, "--seed", 42);
        var requests = IntOption(args, "--requests", 100);
        var rounds = IntOption(args, "--rounds", 5);
        var database = Path.Combine(copy, "talent.db");
        await VectorFill.CopyAsync(Path.Combine(data, "talent.db"), database);
        var filled = await VectorFill.FillAsync(database, seed, TimeSpan.FromMinutes(IntOption(args, "--fill-minutes", 9)));
        SqliteConnection.ClearAllPools();
        if (!filled || args.Contains("--fill-only", StringComparer.Ordinal))
        {
            return filled ? 0 : 3;
        }

        var catalogs = ProfileCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "config"));
        var random = new Random(seed);
        var (warmTexts, warmIds) = await MatchWorkloadAsync(database, catalogs, random, 20);
        var (texts, ids) = await MatchWorkloadAsync(database, catalogs, random, requests);
        var queries = QueryMix(catalogs);
        var report = new List<(string Measure, string Value)>
        {
            ("candidates with vectors / distinct texts with vectors", await StoredVectorCountsAsync(database)),
            ("match descriptions (distinct) / similar candidates (distinct)", $"{texts.Count} ({requests} job ads, {requests} paper titles with abstracts) / {ids.Count}"),
        };

        var indexRoot = Path.Combine(data, "indexes");
        Console.Error.WriteLine("vectors: two query-only services over the copy, with and without sentence vectors");
        using var withVectors = await QueryService.StartAsync(copy, FreePort(), indexRoot, queryOnly: true, vectors: true);
        using var lexical = await QueryService.StartAsync(copy, FreePort(), indexRoot, queryOnly: true);
        using var vectorHttp = new HttpClient { BaseAddress = withVectors.Address, Timeout = TimeSpan.FromMinutes(2) };
        using var lexicalHttp = new HttpClient { BaseAddress = lexical.Address, Timeout = TimeSpan.FromMinutes(2) };
        var started = (Vector: withVectors.Memory().Resident, Lexical: lexical.Memory().Resident);
        report.Add(("rankers of the first description's results, with / without vectors", $"{await RankersAsync(vectorHttp, texts[0])} / {await RankersAsync(lexicalHttp, texts[0])}"));

        var loadBefore = LoadAverage();
        Console.Error.WriteLine("vectors: warm-up");
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < WarmUpTime; i++)
        {
            foreach (var http in new[] { vectorHttp, lexicalHttp })
            {
                await TotalAsync(http, queries[i % queries.Count]);
                await MatchAsync(http, warmTexts[i % warmTexts.Count]);
                await SimilarAsync(http, warmIds[i % warmIds.Count]);
            }
        }

        Console.Error.WriteLine("vectors: search mix");
        await CollectorPauses.ReadAsync(vectorHttp); // read to start over: the warm-up's pauses are not the mix's
        await CollectorPauses.ReadAsync(lexicalHttp);
        var search = await InTurnAsync(vectorHttp, lexicalHttp, Enumerable.Range(0, rounds).SelectMany(_ => queries).ToList(), (http, query) => TotalAsync(http, query));
        SlowestQueries(queries, search.Vector);
        var searchPauses = (Vector: await CollectorPauses.ReadAsync(vectorHttp), Lexical: await CollectorPauses.ReadAsync(lexicalHttp));
        Console.Error.WriteLine("vectors: match, first time each description is seen");
        var match = await InTurnAsync(vectorHttp, lexicalHttp, texts, (http, text) => MatchAsync(http, text));
        Console.Error.WriteLine("vectors: match, the same descriptions again");
        var matchAgain = await InTurnAsync(vectorHttp, lexicalHttp, texts, (http, text) => MatchAsync(http, text));
        Console.Error.WriteLine("vectors: similar");
        var similar = await InTurnAsync(vectorHttp, lexicalHttp, ids, (http, id) => SimilarAsync(http, id));
        var loadAfter = LoadAverage();

        void Row(string what, (List<double> Vector, List<double> Lexical) times)
        {
            report.Add(($"{what}, with vectors: p50 / p95 / p99", Percentiles(times.Vector)));
            report.Add(($"{what}, lexical only: p50 / p95 / p99", Percentiles(times.Lexical)));
        }

        Row($"HTTP search, facets on ({queries.Count} queries × {rounds} rounds)", search);
        report.Add(("collector pauses in the service during the search mix, with vectors", searchPauses.Vector));
        report.Add(("collector pauses in the service during the search mix, lexical only", searchPauses.Lexical));
        Row("HTTP match, each description the first time (query embedded)", match);
        Row("HTTP match, the same descriptions again (query vector cached)", matchAgain);
        Row("HTTP similar", similar);
        foreach (var (name, service, http, start) in new[] { ("with vectors", withVectors, vectorHttp, started.Vector), ("lexical only", lexical, lexicalHttp, started.Lexical) })
        {
            var (resident, peak) = service.Memory();
            var (heap, heapPeak) = await QueryService.ManagedAsync(http);
            report.Add(($"query service {name}: resident at start / now / peak; managed heap now / peak", $"{start} / {resident} / {peak} MB; {heap} / {heapPeak} MB"));
        }

        report.Add(("load average (1 min) before the warm-up / after the timing", $"{loadBefore} / {loadAfter}"));
        Console.WriteLine($"| measure ({data}, seed {seed}, {Environment.ProcessorCount} cores, one client, the two services in turn) | value |");
        Console.WriteLine("| --- | --- |");
        report.ForEach(r => Console.WriteLine($"| {r.Measure} | {r.Value} |"));
        return 0;
    }

    /// <summary>The queries of the mix slowest by their median over the rounds, on stderr: which of them make the tail.</summary>
    private static void SlowestQueries(List<BenchQuery> queries, List<double> times)
    {
        var slowest = queries
            .Select((query, i) => (query.Http, Times: times.Where((_, at) => at % queries.Count == i).Order().ToList()))
            .OrderByDescending(q => q.Times[q.Times.Count / 2])
            .Take(8)
            .Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Http} median {q.Times[q.Times.Count / 2]:0.0} max {q.Times[^1]:0.0} ms"));
        Console.Error.WriteLine("vectors: slowest searches with vectors: " + string.Join("; ", slowest));
    }

    /// <summary>Each item sent to both services in turn, the first service alternating, so load from elsewhere slows both alike.</summary>
    private static async Task<(List<double> Vector, List<double> Lexical)> InTurnAsync<T>(HttpClient vector, HttpClient lexical, List<T> items, Func<HttpClient, T, Task> send)
    {
        var (vectorTimes, lexicalTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < items.Count; i++)
        {
            var order = i % 2 == 0 ? new[] { (vector, vectorTimes), (lexical, lexicalTimes) } : [(lexical, lexicalTimes), (vector, vectorTimes)];
            foreach (var (http, times) in order)
            {
                var clock = Stopwatch.StartNew();
                await send(http, items[i]);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return (vectorTimes, lexicalTimes);
    }

    private static async Task<JsonElement> MatchAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync(new Uri("api/match", UriKind.Relative), new { text, top = 10 });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SimilarAsync(HttpClient http, long id)
    {
        using var response = await http.GetAsync(new Uri($"api/candidates/{id.ToString(CultureInfo.InvariantCulture)}/similar?top=10", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The rankers the results of one match name, with counts: "hybrid" when sentence vectors took part.</summary>
    private static async Task<string> RankersAsync(HttpClient http, string text)
    {
        var results = (await MatchAsync(http, text)).GetProperty("results").EnumerateArray().ToList();
        return string.Join(", ", results.GroupBy(r => r.GetProperty("signals").GetProperty("ranker").GetString()).Select(g => $"{g.Key} × {g.Count()}"));
    }

    /// <summary>
    /// Match descriptions, distinct: <paramref name="count"/> job ads built from the catalogs' topics and skills, and
    /// the titles and abstracts of <paramref name="count"/> papers of random candidates; and the ids of
    /// <paramref name="count"/> random candidates for similar.
    /// </summary>
    private static async Task<(List<string> Texts, List<long> Ids)> MatchWorkloadAsync(string database, ProfileCatalogs catalogs, Random random, int count)
    {
        var topics = catalogs.Topics.All.Select(t => t.Name).ToList();
        var skills = catalogs.Skills.All.Select(s => s.Name).Where(s => !SkillCatalog.IsAmbiguous(s)).ToList();
        string Pick(List<string> from) => from[random.Next(from.Count)];
        var texts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var role = JobRoles[random.Next(JobRoles.Length)];
            texts.Add(
                $"{char.ToUpperInvariant(role[0])}{role[1..]}, {Pick(topics)}\n\n" +
                $"We are looking for a {role} to join a team working on {Pick(topics)} and {Pick(topics)}. You will design, build and " +
                $"evaluate systems for {Pick(topics)}, publish where it makes sense, and work with product teams to ship them.\n\n" +
                $"Requirements: a strong record in {Pick(topics)} or {Pick(topics)}; experience with {Pick(skills)}, {Pick(skills)} and " +
                $"{Pick(skills)}; good written communication. Nice to have: {Pick(skills)}, {Pick(skills)}, papers at top venues.");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var (low, high) = await connection.QuerySingleAsync<(long, long)>("SELECT MIN(id), MAX(id) FROM candidates");
        // Profiles through the store: a candidate of one source keeps no JSON of its own (CandidateProfiles).
        var candidates = new CandidateStore(new TalentDatabase(database), TimeProvider.System);
        var ids = new List<long>();
        while (ids.Count < count || texts.Count < 2 * count)
        {
            var row = await connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT id FROM candidates WHERE id >= @at ORDER BY id LIMIT 1", new { at = random.NextInt64(low, high + 1) });
            if (row is not { } found || ids.Contains(found) || await candidates.GetCandidateAsync(found, CancellationToken.None) is not { } candidate)
            {
                continue;
            }

            if (ids.Count < count)
            {
                ids.Add(found);
            }

            var paper = candidate.Profile.Publications.Select(p => p.Publication).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Abstract));
            if (texts.Count < 2 * count && paper is not null && !texts.Contains(paper.Title + "\n\n" + paper.Abstract))
            {
                texts.Add(paper.Title + "\n\n" + paper.Abstract);
            }
        }

        return (texts, ids);
    }

    private static async Task<string> StoredVectorCountsAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var candidates = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidate_vectors");
        var texts = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_vectors");
        var all = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidates");
        return string.Create(CultureInfo.InvariantCulture, $"{candidates} of {all} / {texts}");
    }
}
