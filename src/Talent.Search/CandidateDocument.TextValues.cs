using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Talent.Search;

internal static partial class CandidateDocument
{
    /// <summary>
    /// One instance per text field: Lucene sets up a token stream for every field instance and inverts each on its own,
    /// and a candidate has dozens of text values (a line per role, a title per paper, each school and place). A field's
    /// values are joined by a line break, where the tokenizer always ends a token; as the text analysis leaves no
    /// position gap between a field's values, the terms, positions and field lengths are those of the values indexed
    /// one by one (<c>JoinedTextValuesTests</c> compares the two indexes). Stored fields and keyword fields stay as they are.
    /// </summary>
    internal static Document JoinTextValues(Document document)
    {
        var valuesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var field in document.Fields)
        {
            if (IsJoinable(field))
            {
                ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(valuesOf, field.Name, out _);
                (values ??= []).Add(field.GetStringValue());
            }
        }

        if (valuesOf.Values.All(values => values.Count == 1))
        {
            return document;
        }

        var joined = new Document();
        foreach (var field in document.Fields)
        {
            if (!IsJoinable(field))
            {
                joined.Add(field);
            }
            else if (valuesOf.Remove(field.Name, out var values))
            {
                // At the place of the field's first value; its later values are joined into it.
                joined.Add(values.Count == 1 ? field : new TextField(field.Name, string.Join('\n', values), Field.Store.NO));
            }
        }

        return joined;
    }

    private static bool IsJoinable(IIndexableField field) =>
        field is TextField && !field.IndexableFieldType.IsStored && !KeywordFieldNames.Contains(field.Name) && field.GetStringValue() is not null;
}
