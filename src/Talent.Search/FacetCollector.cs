using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Talent.Search;

/// <summary>
/// Counts, over every matching candidate, the values of the facet fields: per segment into ordinal arrays
/// (from <see cref="FacetOrdinals"/>), turned into labels when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] fields;
    private readonly Dictionary<string, int>[] totals;
    private readonly FacetOrdinals.FieldOrdinals?[] segment;
    private readonly int[]?[] segmentCounts;

    private readonly FacetOrdinals.Cache cache;

    public FacetCollector(string[] fields, FacetOrdinals.Cache cache)
    {
        this.cache = cache;
        this.fields = fields;
        totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        segment = new FacetOrdinals.FieldOrdinals?[fields.Length];
        segmentCounts = new int[]?[fields.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var ordinals = FacetOrdinals.For(context.AtomicReader, cache);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = ordinals.Field(Array.IndexOf(IndexFields.FacetFields, fields[i]));
            segment[i] = field;
            segmentCounts[i] = field is null ? null : new int[field.Labels.Length];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (segment[i] is not { } field)
            {
                continue;
            }

            var counts = segmentCounts[i]!; // allocated together with the field in SetNextReader
            var end = field.Starts[doc + 1];
            for (var j = field.Starts[doc]; j < end; j++)
            {
                counts[field.Ords[j]]++;
            }
        }
    }

    /// <summary>Adds the counts of another collector of the same fields (one that counted other segments).</summary>
    public void Add(FacetCollector other)
    {
        FlushSegment();
        other.FlushSegment();
        for (var i = 0; i < fields.Length; i++)
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
        return totals[Array.IndexOf(fields, field)]
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new FacetValue(p.Key, p.Value))
            .ToList();
    }

    private void FlushSegment()
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (segment[i] is { } field && segmentCounts[i] is { } counts)
            {
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] > 0)
                    {
                        var label = field.Labels[ord];
                        totals[i][label] = totals[i].GetValueOrDefault(label) + counts[ord];
                    }
                }
            }

            segment[i] = null;
            segmentCounts[i] = null;
        }
    }
}
