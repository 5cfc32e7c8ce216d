using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Talent.Search;

/// <summary>
/// Counts, over every matching candidate, the values of the facet fields (<see cref="IndexFields.FacetFields"/>): one
/// array over the index's numbers of facet values (<see cref="FacetLabels"/>) for every segment and field, turned into
/// labels only for the top values a facet shows.
/// </summary>
internal sealed class FacetCollector(FacetOrdinals.Cache cache) : ICollector
{
    private int[] counts = new int[cache.Labels.Current.Labels.Length];
    private FacetOrdinals? segment;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        segment = FacetOrdinals.For(context.AtomicReader, cache);
        if (segment.Size > counts.Length)
        {
            // A segment first searched now may have numbered values after this collector was made.
            Array.Resize(ref counts, segment.Size);
        }
    }

    public void Collect(int doc)
    {
        var ordinals = segment!; // set in SetNextReader, which Lucene calls before any Collect
        var tally = counts;
        var starts = ordinals.Starts;
        var ords = ordinals.Ords;
        for (int j = starts[doc], end = starts[doc + 1]; j < end; j++)
        {
            tally[ords[j]]++;
        }
    }

    /// <summary>Adds the counts of another collector (one that counted other segments).</summary>
    public void Add(FacetCollector other)
    {
        if (other.counts.Length > counts.Length)
        {
            Array.Resize(ref counts, other.counts.Length);
        }

        for (var i = 0; i < other.counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }
    }

    /// <summary>The top values of a field (count desc, then value), after the search has run.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        var labels = cache.Labels.Current;
        var best = new PriorityQueue<(string Label, int Count), (string Label, int Count)>(limit + 1, Weakest.Instance);
        foreach (var number in labels.NumbersOfField[Array.IndexOf(IndexFields.FacetFields, field)])
        {
            if (number >= counts.Length || counts[number] == 0)
            {
                continue;
            }

            var value = (labels.Labels[number], counts[number]);
            best.Enqueue(value, value);
            if (best.Count > limit)
            {
                best.Dequeue();
            }
        }

        var top = new List<FacetValue>(best.Count);
        while (best.TryDequeue(out var value, out _))
        {
            top.Add(new FacetValue(value.Label, value.Count));
        }

        top.Reverse();
        return top;
    }

    /// <summary>Orders the weakest value first: the lower count, then the later label.</summary>
    private sealed class Weakest : IComparer<(string Label, int Count)>
    {
        public static readonly Weakest Instance = new();

        public int Compare((string Label, int Count) x, (string Label, int Count) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(y.Label, x.Label);
    }
}
