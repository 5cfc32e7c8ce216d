using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Talent.Benchmarks.Corpus;
using Talent.Contracts;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// End to end at a given pool size, side by side in one run: ingestion through the bus, reindex,
/// a fixed mix of recruiter queries over HTTP (facets on), the same requests in-process, and the same
/// query strings on a bare Lucene.Net IndexSearcher over the same index and on SQLite FTS5 over the same
/// candidates; and process memory.
/// </summary>
internal static class SearchBenchmark
{
    private const int Parallelism = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = IntOption(args, "--candidates", 10_000);
        var seed = IntOption(args, "--seed", 42);
        var rounds = IntOption(args, "--rounds", 3);
        var data = StringOption(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"talent-bench-{seed}-{candidates}");
        var url = $"http://127.0.0.1:{FreePort()}";
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = data,
            ["Talent:Index:Directory"] = Path.Combine(data, "indexes"),
            ["Logging:LogLevel:Default"] = "Warning",
            // The benchmark's clients measure the service, not the per-address rate limit.
            ["Talent:Access:BurstLimit"] = "100000",
            ["Talent:Access:RequestsPerSecond"] = "100000",
            ["urls"] = url,
        };
        var builder = TalentApplication.CreateWebBuilder(overrides);
        await using var app = TalentApplication.BuildWebApplication(builder);
        await app.StartAsync();
        var catalogs = app.Services.GetRequiredService<ProfileCatalogs>();
        var report = new List<(string Measure, string Value)>();

        // Ingestion: the real worker path (bus → extraction → identity → SQLite → index), with back-pressure.
        var existing = app.Services.GetRequiredService<LiveIndex>().Current.Count;
        if (existing < candidates)
        {
            var corpus = new SyntheticCorpus(catalogs, seed);
            var client = app.Services.GetRequiredService<IRequestClient<ProfileDocumentSubmitted>>();
            var clock = Stopwatch.StartNew();
            var done = 0;
            await Parallel.ForEachAsync(Enumerable.Range(existing, candidates - existing), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
            {
                var document = corpus.Document(i);
                await client.GetResponse<ProfileDocumentProcessed>(new ProfileDocumentSubmitted { SourceId = document.SourceId, Version = 1, ContentType = document.ContentType, Content = document.Content }, ct);
                if (Interlocked.Increment(ref done) % 5000 == 0)
                {
                    Console.Error.WriteLine($"ingested {done}/{candidates - existing} ({done / clock.Elapsed.TotalSeconds:0}/s)");
                }
            });
            await app.Services.GetRequiredService<IndexSynchronizer>().WaitForCatchUpAsync(CancellationToken.None);
            report.Add(("ingestion (bus → SQLite + index)", Rate(candidates - existing, clock.Elapsed)));
        }

        var live = app.Services.GetRequiredService<LiveIndex>();
        report.Add(("candidates in the index", live.Current.Count.ToString(CultureInfo.InvariantCulture)));

        var rebuild = Stopwatch.StartNew();
        var status = await app.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(null, CancellationToken.None);
        report.Add(("reindex from SQLite", $"{rebuild.Elapsed.TotalSeconds:0.0} s ({status.RatePerSecond:0}/s)"));

        var queries = QueryMix(catalogs);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        foreach (var query in queries)
        {
            (await http.GetAsync(new Uri("/api/search?" + query.Http, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var httpTimes = await TimeAsync(queries, rounds, async q => (await http.GetAsync(new Uri("/api/search?" + q.Http, UriKind.Relative))).EnsureSuccessStatusCode());
        var throughputClock = Stopwatch.StartNew();
        var total = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 2), async (_, ct) =>
        {
            for (var r = 0; r < rounds; r++)
            {
                foreach (var query in queries)
                {
                    (await http.GetAsync(new Uri("/api/search?" + query.Http, UriKind.Relative), ct)).EnsureSuccessStatusCode();
                    Interlocked.Increment(ref total);
                }
            }
        });
        var throughput = total / throughputClock.Elapsed.TotalSeconds;

        var inProcessTimes = await TimeAsync(queries, rounds, q =>
        {
            using var lease = live.Acquire();
            lease.Index.Search(q.Request);
            return Task.CompletedTask;
        });

        var bareTimes = BareLucene(IndexLocation.Current(Path.Combine(data, "indexes")), queries, rounds);
        var (ftsBuild, ftsTimes) = await Fts5Async(app.Services.GetRequiredService<CandidateStore>(), Path.Combine(data, "bench-fts5.db"), queries, rounds);

        report.Add(("HTTP, facets on: p50 / p95 / p99", Percentiles(httpTimes)));
        report.Add(("HTTP throughput, 2 clients", $"{throughput:0} queries/s"));
        report.Add(("in-process CandidateIndex.Search: p50 / p95 / p99", Percentiles(inProcessTimes)));
        report.Add(("bare Lucene.Net IndexSearcher (top 10, no facets): p50 / p95 / p99", Percentiles(bareTimes)));
        report.Add(("HTTP p99 / bare p99", Ratio(httpTimes, bareTimes)));
        report.Add(("SQLite FTS5 bm25 (top 10, no facets): build", $"{ftsBuild.TotalSeconds:0.0} s"));
        report.Add(("SQLite FTS5 bm25 (top 10, no facets): p50 / p95 / p99", Percentiles(ftsTimes)));
        using var self = Process.GetCurrentProcess();
        report.Add(("process memory (working set / peak)", $"{self.WorkingSet64 / 1048576} MB / {self.PeakWorkingSet64 / 1048576} MB"));

        Console.WriteLine($"| measure ({candidates} candidates, seed {seed}, {queries.Count} queries × {rounds} rounds) | value |");
        Console.WriteLine("| --- | --- |");
        foreach (var (measure, value) in report)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }

        await app.StopAsync();
        return 0;
    }

    /// <summary>A fixed mix of recruiter queries drawn from the catalogs: free text, skills, topics, venues, years and combinations.</summary>
    private static List<BenchQuery> QueryMix(ProfileCatalogs catalogs)
    {
        var topics = catalogs.Topics.All.Select(t => t.Name).Where((_, i) => i % 9 == 0).Take(8).ToList();
        var skills = catalogs.Skills.All.Select(s => s.Name).Where(s => !SkillCatalog.IsAmbiguous(s)).Where((_, i) => i % 23 == 0).Take(6).ToList();
        var venues = catalogs.Venues.All.Where(v => v.Kind == "conference").Select(v => v.Name).Where((_, i) => i % 17 == 0).Take(6).ToList();
        var queries = new List<BenchQuery>();
        queries.AddRange(topics.Select(t => BenchQuery.Of(q: t)));
        queries.AddRange(topics.Take(4).Select(t => BenchQuery.Of(q: $"\"{t}\"")));
        queries.AddRange(skills.Select(s => BenchQuery.Of(skill: s)));
        queries.AddRange(topics.Take(4).Select(t => BenchQuery.Of(topic: t)));
        queries.AddRange(venues.Select(v => BenchQuery.Of(venue: v)));
        queries.AddRange(venues.Take(3).Select(v => BenchQuery.Of(venue: v, since: 2020)));
        queries.AddRange(topics.Take(4).Zip(venues).Select(p => BenchQuery.Of(q: p.First, venue: p.Second, since: 2018)));
        queries.AddRange(topics.Skip(4).Zip(skills).Select(p => BenchQuery.Of(q: p.First, skill: p.Second)));
        return queries;
    }

    private static List<double> BareLucene(string indexPath, List<BenchQuery> queries, int rounds)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var fields = new[] { "titles", "titles_first", "abstracts", "interests", "roles", "topics_text", "skills_text", "headline", "name" };
        var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, fields, analyzer) { DefaultOperator = Operator.AND };
        Query Build(BenchQuery q)
        {
            var query = new BooleanQuery();
            if (q.Q is not null)
            {
                query.Add(parser.Parse(q.Q), Occur.MUST);
            }

            foreach (var (field, value) in new[] { ("skill", q.Skill), ("topic", q.Topic), ("venue", q.Venue) })
            {
                if (value is not null)
                {
                    query.Add(new TermQuery(new Term(field, value.ToLowerInvariant())), Occur.MUST);
                }
            }

            if (q.Since is { } since)
            {
                query.Add(TermRangeQuery.NewStringRange("year", since.ToString("D4", CultureInfo.InvariantCulture), null, true, true), Occur.MUST);
            }

            return query;
        }

        var built = queries.Select(Build).ToList();
        foreach (var query in built)
        {
            searcher.Search(query, 10);
        }

        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var query in built)
            {
                var clock = Stopwatch.StartNew();
                searcher.Search(query, 10);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    /// <summary>
    /// The same candidates as one FTS5 document each (name, headline, titles, abstracts, interests, roles, skills,
    /// topics, venues) and the same queries as FTS5 expressions: free-text words and filters as required phrases,
    /// ranked by bm25(); the year filter has no FTS5 form and is left out.
    /// </summary>
    private static async Task<(TimeSpan Build, List<double> Times)> Fts5Async(CandidateStore store, string path, List<BenchQuery> queries, int rounds)
    {
        File.Delete(path);
        var build = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; CREATE VIRTUAL TABLE people USING fts5(text, tokenize = 'porter unicode61');");
        await using (var transaction = connection.BeginTransaction())
        {
            await foreach (var row in store.StreamCandidatesAsync(CancellationToken.None))
            {
                var p = row.ReadProfile();
                var text = string.Join(
                    '\n',
                    new[] { p.Name, p.Headline }
                        .Concat(p.Publications.SelectMany(x => new[] { x.Publication.Title, x.Publication.Abstract, x.Publication.Venue }))
                        .Concat(p.Interests).Concat(p.Experience.SelectMany(e => e.Value.Highlights.Append(e.Value.Title)))
                        .Concat(p.Skills).Concat(p.Topics).Concat(p.Organizations)
                        .Where(t => !string.IsNullOrWhiteSpace(t)));
                await connection.ExecuteAsync("INSERT INTO people (rowid, text) VALUES (@Id, @text)", new { row.Id, text }, transaction);
            }

            await transaction.CommitAsync();
        }

        build.Stop();
        static string Phrase(string text) => "\"" + text.Replace("\"", " ", StringComparison.Ordinal) + "\"";
        var expressions = queries.Select(q => string.Join(
            " AND ",
            (q.Q is null ? [] : q.Q.Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Phrase))
                .Concat(new[] { q.Skill, q.Topic, q.Venue }.OfType<string>().Select(Phrase)))).ToList();
        const string sql = "SELECT rowid FROM people WHERE people MATCH @e ORDER BY bm25(people) LIMIT 10";
        foreach (var e in expressions)
        {
            _ = (await connection.QueryAsync<long>(sql, new { e })).ToList();
        }

        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var e in expressions)
            {
                var clock = Stopwatch.StartNew();
                _ = (await connection.QueryAsync<long>(sql, new { e })).ToList();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return (build.Elapsed, times);
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

    private static string Ratio(List<double> a, List<double> b)
    {
        static double P99(List<double> t) => t.Order().ElementAt(Math.Max(0, (int)Math.Ceiling(0.99 * t.Count) - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{P99(a) / Math.Max(0.001, P99(b)):0.0}×");
    }

    private static string Rate(int count, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{count / Math.Max(0.001, elapsed.TotalSeconds):0} profiles/s ({count} in {elapsed.TotalSeconds:0.0} s)");

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

    private sealed record BenchQuery(string? Q, string? Skill, string? Topic, string? Venue, int? Since, string Http, SearchRequest Request)
    {
        public static BenchQuery Of(string? q = null, string? skill = null, string? topic = null, string? venue = null, int? since = null)
        {
            var parts = new[] { ("q", q), ("skill", skill), ("topic", topic), ("venue", venue), ("since", since?.ToString(CultureInfo.InvariantCulture)) }
                .Where(p => p.Item2 is not null)
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}");
            var (request, _) = SearchRequest.Create(q, skill is null ? [] : [skill], topic is null ? [] : [topic], venue is null ? [] : [venue], since, 1, 10);
            return new BenchQuery(q, skill, topic, venue, since, string.Join('&', parts), request!); // the mix only holds valid requests
        }
    }
}
