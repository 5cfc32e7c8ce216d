namespace Talent.Profiles.Catalogs;

/// <summary>
/// The heading phrases of the vocabulary, looked up by the words of a heading instead of tried one by one: every line
/// that could be a heading is asked, and the vocabulary has hundreds of phrases in many languages. The answer is the
/// kind of the first phrase, in the vocabulary's order, that the heading equals (a phrase marked whole) or holds as
/// whole words; a phrase in a script written without spaces is found anywhere in the heading.
/// </summary>
internal sealed class HeadingPhrases
{
    private readonly List<SectionKind> kinds = [];

    /// <summary>Phrases a heading must equal, with the position of the first such phrase.</summary>
    private readonly Dictionary<string, int> whole = new(StringComparer.Ordinal);

    /// <summary>Phrases a heading may hold among other words, with the position of the first such phrase.</summary>
    private readonly Dictionary<string, int> contained = new(StringComparer.Ordinal);

    /// <summary>Phrases in scripts written without spaces, in the vocabulary's order: found anywhere in a heading.</summary>
    private readonly List<(int Position, string Phrase)> unspaced = [];

    private int longestContained;

    /// <summary>Adds the next phrase (a <see cref="CatalogKey"/>) of <paramref name="kind"/>.</summary>
    public void Add(SectionKind kind, string key, bool mustEqual)
    {
        var position = kinds.Count;
        kinds.Add(kind);
        if (mustEqual)
        {
            whole.TryAdd(key, position);
        }
        else if (key.Any(InstitutionCatalog.IsUnspacedScript))
        {
            unspaced.Add((position, key));
        }
        else if (contained.TryAdd(key, position))
        {
            longestContained = Math.Max(longestContained, key.AsSpan().Count(' ') + 1);
        }
    }

    /// <summary>Whether <paramref name="key"/> (a <see cref="CatalogKey"/>) is one of the phrases, whole.</summary>
    public bool IsPhrase(string key) => whole.ContainsKey(key) || contained.ContainsKey(key) || unspaced.Exists(u => u.Phrase == key);

    /// <summary>The kind of the first phrase <paramref name="key"/> (a heading in <see cref="CatalogKey"/> form) matches, or null.</summary>
    public SectionKind? KindOf(string key)
    {
        var first = whole.GetValueOrDefault(key, int.MaxValue);
        var lookup = contained.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < key.Length; start = WordEnd(key, start) + 1)
        {
            // Every run of up to the longest phrase's words from here, on word boundaries of the key.
            var end = start;
            for (var words = 0; words < longestContained && end < key.Length; words++)
            {
                end = WordEnd(key, end + 1);
                if (lookup.TryGetValue(key.AsSpan(start, end - start), out var position) && position < first)
                {
                    first = position;
                }
            }
        }

        foreach (var (position, phrase) in unspaced)
        {
            if (position >= first)
            {
                break;
            }

            if (key.Contains(phrase, StringComparison.Ordinal))
            {
                first = position;
                break;
            }
        }

        return first == int.MaxValue ? null : kinds[first];
    }

    /// <summary>Where the word at or after <paramref name="from"/> ends: the next space, or the key's end.</summary>
    private static int WordEnd(string key, int from) => key.IndexOf(' ', from) is var space and >= 0 ? space : key.Length;
}
