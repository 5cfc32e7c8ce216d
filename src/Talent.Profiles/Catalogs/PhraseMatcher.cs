namespace Talent.Profiles.Catalogs;

/// <summary>
/// Finds catalog phrases in free text by sliding over its words and looking up every run of up to
/// <c>maxWords</c> words in a dictionary of keys: linear in the text, whatever the catalog size.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, string> canonicalByKey;
    private readonly int maxWords;

    public PhraseMatcher(IEnumerable<(string Phrase, string Canonical)> phrases, string catalogName)
    {
        canonicalByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phrase, canonical) in phrases)
        {
            var key = CatalogKey.Of(phrase);
            if (key.Length == 0)
            {
                throw new CatalogException($"{catalogName}: '{canonical}' has an empty name or alias");
            }

            if (canonicalByKey.TryGetValue(key, out var existing) && !string.Equals(existing, canonical, StringComparison.Ordinal))
            {
                throw new CatalogException($"{catalogName}: alias '{phrase}' belongs to both '{existing}' and '{canonical}'");
            }

            canonicalByKey[key] = canonical;
            maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
        }
    }

    public string? Find(string phrase) => canonicalByKey.GetValueOrDefault(CatalogKey.Of(phrase));

    /// <summary>Canonical names found in <paramref name="text"/>, longest match first at each position, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text)
    {
        var words = CatalogKey.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length;)
        {
            var advanced = false;
            for (var n = Math.Min(maxWords, words.Length - i); n >= 1; n--)
            {
                var key = string.Join(' ', words, i, n);
                if (canonicalByKey.TryGetValue(key, out var canonical))
                {
                    if (seen.Add(canonical))
                    {
                        found.Add(canonical);
                    }

                    i += n;
                    advanced = true;
                    break;
                }
            }

            if (!advanced)
            {
                i++;
            }
        }

        return found;
    }
}
