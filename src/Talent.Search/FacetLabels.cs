namespace Talent.Search;

/// <summary>
/// One index's facet values, each numbered once for the index's lifetime (field and value): every segment's values map
/// to these numbers when the segment is first searched, so a search counts into one array for all segments and fields
/// and turns numbers into labels only for the values it shows. Values are only added (a value of a merged-away segment
/// keeps its number), so the numbering grows with the distinct values the index has seen, not with its documents.
/// </summary>
internal sealed class FacetLabels
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int>[] numbers = IndexFields.FacetFields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly List<int>[] numbersOfField = IndexFields.FacetFields.Select(_ => new List<int>()).ToArray();
    private readonly List<string> labels = [];
    private Snapshot current = new([], IndexFields.FacetFields.Select(_ => Array.Empty<int>()).ToArray());

    /// <summary>The values numbered so far, as arrays that never change (a later value makes a new snapshot).</summary>
    public Snapshot Current => Volatile.Read(ref current);

    /// <summary>The numbers of <paramref name="values"/> of the field at <paramref name="field"/> (its place in <see cref="IndexFields.FacetFields"/>), numbering new ones.</summary>
    public int[] Number(int field, IReadOnlyList<string> values)
    {
        var result = new int[values.Count];
        lock (gate)
        {
            var added = false;
            for (var i = 0; i < values.Count; i++)
            {
                if (!numbers[field].TryGetValue(values[i], out var number))
                {
                    number = labels.Count;
                    labels.Add(values[i]);
                    numbers[field][values[i]] = number;
                    numbersOfField[field].Add(number);
                    added = true;
                }

                result[i] = number;
            }

            if (added)
            {
                Volatile.Write(ref current, new Snapshot([.. labels], numbersOfField.Select(n => n.ToArray()).ToArray()));
            }
        }

        return result;
    }

    /// <summary>The labels by number, and the numbers of each facet field.</summary>
    internal sealed record Snapshot(string[] Labels, int[][] NumbersOfField);
}
