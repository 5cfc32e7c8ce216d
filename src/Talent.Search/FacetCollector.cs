using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Talent.Search;

/// <summary>
/// Counts, for every matching candidate, the values of the facet fields. Doc values are taken per segment
/// for this search only (they are not safe to share between threads); ordinals are counted in arrays and
/// turned into labels when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] fields;
    private readonly Dictionary<string, int>[] totals;
    private readonly SortedSetDocValues?[] segmentValues;
    private readonly int[]?[] segmentCounts;

    public FacetCollector(string[] fields)
    {
        this.fields = fields;
        totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        segmentValues = new SortedSetDocValues?[fields.Length];
        segmentCounts = new int[]?[fields.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < fields.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            segmentValues[i] = values;
            segmentCounts[i] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (segmentValues[i] is not { } values)
            {
                continue;
            }

            var counts = segmentCounts[i]!; // allocated together with the values above
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>The top values of each field (count desc, then value), after the search has run.</summary>
    public IReadOnlyList<FacetValue> Top(string field, int limit)
    {
        FlushSegment();
        var index = Array.IndexOf(fields, field);
        return totals[index]
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new FacetValue(p.Key, p.Value))
            .ToList();
    }

    private void FlushSegment()
    {
        var label = new BytesRef();
        for (var i = 0; i < fields.Length; i++)
        {
            if (segmentValues[i] is { } values && segmentCounts[i] is { } counts)
            {
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] > 0)
                    {
                        values.LookupOrd(ord, label);
                        var text = label.Utf8ToString();
                        totals[i][text] = totals[i].GetValueOrDefault(text) + counts[ord];
                    }
                }
            }

            segmentValues[i] = null;
            segmentCounts[i] = null;
        }
    }
}
