using System.Globalization;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Talent.Search;
using Talent.Search.QueryCost;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>
/// The work a search does is counted where it happens (documents collected, index terms visited), and the search stops
/// within one check of its token being cancelled; multi-term queries expand to at most the configured number of terms.
/// </summary>
public sealed class QueryBudgetTests : IDisposable
{
    private const int Documents = 5000;

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;

    public QueryBudgetTests()
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            for (var i = 0; i < Documents; i++)
            {
                writer.AddDocument(new Document
                {
                    new TextField(IndexFields.Titles, "common t" + i.ToString("D4", CultureInfo.InvariantCulture), Field.Store.NO),
                });
            }
        }

        reader = DirectoryReader.Open(directory);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    [Fact]
    public void A_cancelled_search_stops_within_one_check_of_the_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var budget = new QueryBudget(caller.Token);
        var counting = new CancellingCollector(caller, cancelAt: 1000);
        var searcher = new IndexSearcher(reader);

        Assert.ThrowsAny<OperationCanceledException>(() => searcher.Search(new TermQuery(new Term(IndexFields.Titles, "common")), new BudgetedCollector(counting, budget)));

        // 5,000 documents match; the search saw the cancellation at the first check after the 1,000th and went no further.
        Assert.InRange(counting.Collected, 1000, 1000 + QueryBudget.CheckEvery);
        Assert.InRange(budget.Spent, 1000, 1000 + QueryBudget.CheckEvery);
    }

    [Theory]
    [InlineData("titles:t*")]
    [InlineData("titles:/t[0-9]+/")]
    [InlineData("titles:t??9*")]
    [InlineData("titles:[t0000 TO t4999]")]
    public void Expanding_a_pattern_stops_at_the_first_check_once_cancelled(string query)
    {
        using var caller = new CancellationTokenSource();
        var budget = new QueryBudget(caller.Token);
        var parsed = Parser(new QueryLimits { MaxExpansions = 1024 }, budget).ParseBounded(query);
        caller.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new IndexSearcher(reader).Rewrite(parsed));
        Assert.True(budget.Spent <= 64, $"visited {budget.Spent} terms after the cancellation");
    }

    [Theory]
    [InlineData("titles:t*", 5, 5)]
    [InlineData("titles:/t[0-9]+/", 5, 5)]
    [InlineData("titles:t???9", 500, 500)]
    [InlineData("titles:t???9", 3, 3)]
    [InlineData("titles:[t0000 TO t0009]", 20, 10)]
    [InlineData("titles:t0000~1", 4, 4)]
    public void A_pattern_expands_to_at_most_the_configured_number_of_terms(string query, int maxExpansions, int expected)
    {
        var parsed = Parser(new QueryLimits { MaxExpansions = maxExpansions }, QueryBudget.Unlimited).ParseBounded(query);
        var rewritten = new IndexSearcher(reader).Rewrite(parsed);
        Assert.Equal(expected, Assert.IsType<BooleanQuery>(rewritten).Clauses.Count);
    }

    private static CandidateQueryParser Parser(QueryLimits limits, QueryBudget budget) =>
        new(new WhitespaceAnalyzer(LuceneVersion.LUCENE_48), Catalogs, Operator.OR, limits: limits, budget: budget);

    /// <summary>Counts documents and cancels its token when it has seen <paramref name="cancelAt"/>, as a client going away would.</summary>
    private sealed class CancellingCollector(CancellationTokenSource caller, int cancelAt) : ICollector
    {
        public int Collected { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc)
        {
            if (++Collected == cancelAt)
            {
                caller.Cancel();
            }
        }
    }
}
