using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Talent.Search;

/// <summary>
/// One segment's facet values as plain arrays, read once from its <c>SortedSetDocValues</c> when the segment is first
/// searched (segments are immutable, so the arrays never change). Counting from arrays is several times faster than
/// reading doc values per hit, and immutable arrays are safe to share between threads, which doc-values objects are not.
/// The values of every facet field are stored as the index's numbers of them (<see cref="FacetLabels"/>, one range for all
/// fields and segments), so a hit's values of all fields are one run of <see cref="Ords"/>: counting a hit is one loop,
/// however many facets there are, and every segment counts into the same array.
/// </summary>
internal sealed class FacetOrdinals
{
    private FacetOrdinals(AtomicReader reader, string[] fieldNames, FacetLabels labels)
    {
        var values = fieldNames.Select(reader.GetSortedSetDocValues).ToArray();
        var numbers = new int[values.Length][];
        var scratch = new BytesRef();
        for (var field = 0; field < values.Length; field++)
        {
            var segmentValues = new List<string>();
            for (var ord = 0L; values[field] is { } v && ord < v.ValueCount; ord++)
            {
                v.LookupOrd(ord, scratch);
                segmentValues.Add(scratch.Utf8ToString());
            }

            numbers[field] = labels.Number(field, segmentValues);
        }

        Starts = new int[reader.MaxDoc + 1];
        var ords = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            Starts[doc] = ords.Count;
            for (var field = 0; field < values.Length; field++)
            {
                if (values[field] is not { } v)
                {
                    continue;
                }

                v.SetDocument(doc);
                long ord;
                while ((ord = v.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add(numbers[field][(int)ord]);
                }
            }
        }

        Starts[reader.MaxDoc] = ords.Count;
        Ords = [.. ords];
        Size = numbers.Select(n => n.Length == 0 ? 0 : n.Max() + 1).DefaultIfEmpty(0).Max();
    }

    /// <summary>For each document, where its values start in <see cref="Ords"/> (they end where the next document's start).</summary>
    public int[] Starts { get; }

    /// <summary>The documents' values, as the index's numbers of facet values (<see cref="FacetLabels"/>, all fields).</summary>
    public int[] Ords { get; }

    /// <summary>One more than the largest value number of the segment: the size a count array needs for it.</summary>
    public int Size { get; }

    /// <summary>The ordinals of <see cref="IndexFields.FacetFields"/> for a segment, read on first use.</summary>
    public static FacetOrdinals For(AtomicReader reader, Cache cache) =>
        cache.BySegmentCore.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader, IndexFields.FacetFields, cache.Labels));

    /// <summary>An index's segment ordinals, keyed weakly by segment core so closed segments are dropped.</summary>
    internal sealed class Cache
    {
        public ConditionalWeakTable<object, FacetOrdinals> BySegmentCore { get; } = [];

        /// <summary>The numbers of the index's facet values, shared by its segments.</summary>
        public FacetLabels Labels { get; } = new();
    }
}
