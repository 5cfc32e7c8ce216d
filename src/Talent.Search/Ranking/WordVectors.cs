using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Talent.Search.Ranking;

/// <summary>
/// Texts as unit tf-idf vectors of their analysed terms (sublinear term frequency times smoothed idf, document
/// frequencies from the index), and their cosine: how close a description or a query is to one paper in words. Used by
/// match (every paper of every candidate it re-ranks) and by search's re-rank (the papers of its best hits). One
/// instance per acquired searcher; it caches the idf of the terms it has seen.
/// </summary>
internal sealed class WordVectors(IndexSearcher searcher, Analyzer analyzer)
{
    private readonly Dictionary<string, double> idfCache = new(StringComparer.Ordinal);

    /// <summary>A unit tf-idf vector of the text's analysed terms (empty when it has none).</summary>
    public Dictionary<string, double> Of(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var stream = analyzer.GetTokenStream(IndexFields.Abstracts, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var value = term.ToString();
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }

            stream.End();
        }

        var vector = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        var squares = 0d;
        foreach (var (term, count) in counts)
        {
            var weight = (1 + Math.Log(count)) * Idf(term);
            vector[term] = weight;
            squares += weight * weight;
        }

        if (squares == 0)
        {
            return vector;
        }

        var length = Math.Sqrt(squares);
        foreach (var term in counts.Keys)
        {
            vector[term] /= length;
        }

        return vector;
    }

    /// <summary>The cosine of two unit vectors, 0–1.</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0d;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>Smoothed idf over candidates (a candidate "contains" a word used in any title or abstract of theirs).</summary>
    private double Idf(string term)
    {
        if (idfCache.TryGetValue(term, out var idf))
        {
            return idf;
        }

        var reader = searcher.IndexReader;
        var df = Math.Max(reader.DocFreq(new Term(IndexFields.Titles, term)), reader.DocFreq(new Term(IndexFields.Abstracts, term)));
        idf = Math.Log((reader.NumDocs + 1d) / (df + 1d)) + 1;
        idfCache[term] = idf;
        return idf;
    }
}
