using System.Diagnostics;
using System.Globalization;
using Dapper;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// What the query service is measured against: the same query strings on a bare Lucene.Net IndexSearcher over the
/// same index (with facets counted from doc values, and without), and on SQLite FTS5 over the same candidates.
/// </summary>
internal static partial class SearchBenchmark
{
    /// <summary>
    /// The query strings parsed by Lucene's own MultiFieldQueryParser over the same text fields, filters as term queries,
    /// top 10 by score; with <paramref name="facets"/>, the five facets counted over every hit the plain way, reading
    /// each hit's values from the segment's SortedSetDocValues.
    /// </summary>
    private static List<double> BareLucene(string indexPath, List<BenchQuery> queries, int rounds, bool facets)
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

        void Run(Query query)
        {
            if (!facets)
            {
                searcher.Search(query, 10);
                return;
            }

            var top = TopScoreDocCollector.Create(10, true);
            var counter = new DocValuesFacetCounter(["venue", "skill", "topic", "institution", "year"]);
            searcher.Search(query, MultiCollector.Wrap(top, counter));
            _ = top.GetTopDocs();
            counter.Top(10);
        }

        var built = queries.Select(Build).ToList();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUpTime)
        {
            built.ForEach(Run);
        }

        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var query in built)
            {
                var clock = Stopwatch.StartNew();
                Run(query);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    /// <summary>Facet counts the plain way: each hit's ordinals read from the segment's SortedSetDocValues, labels looked up at the end.</summary>
    private sealed class DocValuesFacetCounter(string[] fields) : ICollector
    {
        private readonly Dictionary<string, int>[] totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        private readonly SortedSetDocValues?[] values = new SortedSetDocValues?[fields.Length];
        private readonly int[]?[] counts = new int[]?[fields.Length];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var i = 0; i < fields.Length; i++)
            {
                values[i] = context.AtomicReader.GetSortedSetDocValues(fields[i]);
                counts[i] = values[i] is { } v ? new int[checked((int)v.ValueCount)] : null;
            }
        }

        public void Collect(int doc)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (values[i] is not { } v)
                {
                    continue;
                }

                v.SetDocument(doc);
                for (var ord = v.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = v.NextOrd())
                {
                    counts[i]![ord]++; // allocated with the values in SetNextReader
                }
            }
        }

        public List<List<KeyValuePair<string, int>>> Top(int limit)
        {
            Flush();
            return totals.Select(t => t.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit).ToList()).ToList();
        }

        private void Flush()
        {
            var scratch = new BytesRef();
            for (var i = 0; i < fields.Length; i++)
            {
                if (values[i] is not { } v || counts[i] is not { } c)
                {
                    continue;
                }

                for (var ord = 0; ord < c.Length; ord++)
                {
                    if (c[ord] > 0)
                    {
                        v.LookupOrd(ord, scratch);
                        var label = scratch.Utf8ToString();
                        totals[i][label] = totals[i].GetValueOrDefault(label) + c[ord];
                    }
                }

                counts[i] = null;
            }
        }
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
            foreach (var row in store.StreamCandidates(CancellationToken.None))
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
}
