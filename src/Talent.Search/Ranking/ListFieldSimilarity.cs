using Lucene.Net.Search.Similarities;

namespace Talent.Search.Ranking;

/// <summary>
/// BM25, except in fields that hold a list of a candidate's things (paper titles, abstracts, topic names): there a
/// term's frequency is not divided by the list's length, so a candidate with several relevant papers among many is not
/// scored below one whose single paper is the query, and other work never lowers a candidate's score.
/// </summary>
internal sealed class ListFieldSimilarity : PerFieldSimilarityWrapper
{
    private static readonly HashSet<string> ListFields = new(StringComparer.Ordinal)
    {
        IndexFields.Titles, IndexFields.TitlesFirst, IndexFields.Abstracts, IndexFields.TopicsText,
    };

    private readonly BM25Similarity text = new();
    private readonly BM25Similarity list = new(1.2f, 0f);

    public override Similarity Get(string name) => ListFields.Contains(name) ? list : text;
}
