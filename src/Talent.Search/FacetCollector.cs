using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Talent.Search;

/// <summary>
/// Counts, over every matching candidate, the values of the facet fields (<see cref="IndexFields.FacetFields"/>): per
/// segment into one array over all fields' values (from <see cref="FacetOrdinals"/>), turned into labels when the
/// segment is done.
/// </summary>
internal sealed class FacetCollector(FacetOrdinals.Cache cache) : ICollector
{
    private readonly Dictionary<string, int>[] totals = IndexFields.FacetFields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private FacetOrdinals? segment;
    private int[]? segmentCounts;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        segment = FacetOrdinals.For(context.AtomicReader, cache);
        segmentCounts = new int[segment.Labels.Length];
    }

    public void Collect(int doc)
    {
        var ordinals = segment!; // set with the counts in SetNextReader, which Lucene calls before any Collect
        var counts = segmentCounts!;
        var starts = ordinals.Starts;
        var ords = ordinals.Ords;
        for (int j = starts[doc], end = starts[doc + 1]; j < end; j++)
        {
            counts[ords[j]]++;
        }
    }

    /// <summary>Adds the counts of another collector (one that counted other segments).</summary>
    public void Add(FacetCollector other)
    {
        FlushSegment();
        other.FlushSegment();
        for (var i = 0; i < totals.Length; i++)
        {
            foreach (var (label, count) in other.totals[i])
            {
                totals[i][label] = totals[i].GetValueOrDefault(label) + count;
            }
        }
    }

    /// <summary>The top values of a field (count desc, then value), after the search has run.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        FlushSegment();
        return totals[Array.IndexOf(IndexFields.FacetFields, field)]
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new FacetValue(p.Key, p.Value))
            .ToList();
    }

    private void FlushSegment()
    {
        if (segment is { } ordinals && segmentCounts is { } counts)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var field = totals[ordinals.FieldOf[ord]];
                    var label = ordinals.Labels[ord];
                    field[label] = field.GetValueOrDefault(label) + counts[ord];
                }
            }
        }

        segment = null;
        segmentCounts = null;
    }
}
