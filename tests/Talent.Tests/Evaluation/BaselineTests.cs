using Talent.Search.Baselines;
using Talent.Storage;

namespace Talent.Tests.Evaluation;

/// <summary>The two baselines Talent's ranking is compared with rank the obvious case right.</summary>
public sealed class BaselineTests
{
    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["graphs"] = "Graph neural networks for molecule property prediction. Message passing on graphs.",
        ["speech"] = "End-to-end speech recognition with transformers. Acoustic models for low-resource languages.",
        ["vision"] = "Image classification with convolutional networks. Object detection in images.",
    };

    [Fact]
    public void Lucene_bm25_ranks_the_document_sharing_the_words_first()
    {
        using var baseline = new Bm25Baseline(Documents);
        var scores = baseline.Score("speech recognition for low-resource languages");
        Assert.Equal("speech", scores.MaxBy(s => s.Value).Key);
        Assert.False(scores.ContainsKey("graphs"));
    }

    [Fact]
    public void Lucene_bm25_reads_a_description_of_more_words_than_lucenes_clause_limit()
    {
        using var baseline = new Bm25Baseline(Documents);
        // 1,500 different words before the ones that decide: the first thousand are read, and no clause limit is hit.
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Empty(baseline.Score(words + " speech recognition"));
        Assert.Equal("speech", baseline.Score("speech recognition " + words).MaxBy(s => s.Value).Key);
    }

    [Fact]
    public void Fts5_bm25_ranks_the_document_sharing_the_words_first()
    {
        using var baseline = new FtsBaseline(Documents);
        var scores = baseline.Score("message passing graph networks");
        Assert.Equal("graphs", scores.MaxBy(s => s.Value).Key);
        Assert.True(scores["graphs"] > 0, "scores are negated bm25: higher is better");
    }

    [Fact]
    public void Fts5_query_syntax_in_a_description_is_quoted_away()
    {
        Assert.Equal("\"what\" OR \"s\" OR \"near\" OR \"and\" OR \"or\"", FtsBaseline.MatchExpression("What's NEAR(\"and\" OR*) and"));
        using var baseline = new FtsBaseline(Documents);
        Assert.NotEmpty(baseline.Score("\"Object\" NEAR detection* -images"));
    }
}
