using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Talent.Search.Baselines;

/// <summary>
/// The ranking baseline Talent is compared with: plain Lucene BM25 (default k1 and b) over one concatenated
/// text field per candidate, in memory. Same analyzer as the candidate index, no field boosts, no catalogs.
/// </summary>
public sealed class Bm25Baseline : IDisposable
{
    private const string KeyField = "key";
    private const string TextField = "text";

    private readonly Analyzer analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    /// <summary>Indexes one document per key: the concatenation of its texts.</summary>
    public Bm25Baseline(IEnumerable<KeyValuePair<string, string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var (key, text) in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField(KeyField, key, Field.Store.YES),
                    new TextField(TextField, text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>BM25 score of every document matching any word of <paramref name="text"/>, by key.</summary>
    public IReadOnlyDictionary<string, double> Score(string text)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        // Each analysed word is a should-clause, as Lucene's QueryBuilder makes them; a long description stays under
        // Lucene's clause limit (QueryBuilder throws past it): its first thousand words are enough.
        var query = new BooleanQuery();
        using (var stream = analyzer.GetTokenStream(TextField, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (query.Clauses.Count < 1000 && stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term(TextField, term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return scores;
        }

        foreach (var hit in searcher.Search(query, Math.Max(1, reader.MaxDoc)).ScoreDocs)
        {
            scores[searcher.Doc(hit.Doc).Get(KeyField)] = hit.Score;
        }

        return scores;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }
}
