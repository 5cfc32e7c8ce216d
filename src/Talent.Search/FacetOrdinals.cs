using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Talent.Search;

/// <summary>
/// One segment's facet values as plain arrays, read once from its <c>SortedSetDocValues</c> when the segment is first
/// searched (segments are immutable, so the arrays never change). Counting from arrays is several times faster than
/// reading doc values per hit, and immutable arrays are safe to share between threads, which doc-values objects are not.
/// The values of every facet field are numbered in one range (each field's ordinals after the previous field's), so a
/// hit's values of all fields are one run of <see cref="Ords"/>: counting a hit is one loop, however many facets there are.
/// </summary>
internal sealed class FacetOrdinals
{
    private FacetOrdinals(AtomicReader reader, string[] fieldNames)
    {
        var values = fieldNames.Select(reader.GetSortedSetDocValues).ToArray();
        var offsets = new int[fieldNames.Length];
        var labels = new List<string>();
        var fieldOf = new List<int>();
        var scratch = new BytesRef();
        for (var field = 0; field < values.Length; field++)
        {
            offsets[field] = labels.Count;
            for (var ord = 0L; values[field] is { } v && ord < v.ValueCount; ord++)
            {
                v.LookupOrd(ord, scratch);
                labels.Add(scratch.Utf8ToString());
                fieldOf.Add(field);
            }
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
                    ords.Add(offsets[field] + (int)ord);
                }
            }
        }

        Starts[reader.MaxDoc] = ords.Count;
        Ords = [.. ords];
        Labels = [.. labels];
        FieldOf = [.. fieldOf];
    }

    /// <summary>For each document, where its values start in <see cref="Ords"/> (they end where the next document's start).</summary>
    public int[] Starts { get; }

    /// <summary>The documents' values, as ordinals of the segment's facet values (all fields).</summary>
    public int[] Ords { get; }

    /// <summary>The value each ordinal stands for.</summary>
    public string[] Labels { get; }

    /// <summary>The field (index into <see cref="IndexFields.FacetFields"/>) of each ordinal's value.</summary>
    public int[] FieldOf { get; }

    /// <summary>The ordinals of <see cref="IndexFields.FacetFields"/> for a segment, read on first use.</summary>
    public static FacetOrdinals For(AtomicReader reader, Cache cache) =>
        cache.BySegmentCore.GetValue(reader.CoreCacheKey, _ => new FacetOrdinals(reader, IndexFields.FacetFields));

    /// <summary>An index's segment ordinals, keyed weakly by segment core so closed segments are dropped.</summary>
    internal sealed class Cache
    {
        public ConditionalWeakTable<object, FacetOrdinals> BySegmentCore { get; } = [];
    }
}
