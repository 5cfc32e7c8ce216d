using System.Buffers;
using System.Runtime.InteropServices;

namespace Talent.Profiles.Catalogs;

/// <summary>
/// Finds catalog phrases in free text by sliding over its words and looking up every run of words that
/// could be a phrase in a dictionary of keys: linear in the text, whatever the catalog size.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<string, string> canonicalByKey;

    /// <summary>
    /// For each word a phrase starts with, the most words a phrase starting with it has. Most words of a text start no
    /// phrase at all, and one lookup tells, instead of one lookup per possible phrase length.
    /// </summary>
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    /// <summary>
    /// With <c>caseSensitiveAcronyms</c>: one-word phrases written with a capital after their first letter ("ZeRO", "CLIP",
    /// "LoRA", "MoE"), by key. In free text they are found only as written, since their letters in other cases are often
    /// ordinary words ("zero-inflated", "a video clip", "Moe").
    /// </summary>
    private readonly Dictionary<string, List<string>> writtenAs = new(StringComparer.Ordinal);

    public PhraseMatcher(IEnumerable<(string Phrase, string Canonical)> phrases, string catalogName, bool caseSensitiveAcronyms = false)
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
            if (caseSensitiveAcronyms && !key.Contains(' ', StringComparison.Ordinal) && IsAcronym(phrase.Trim()))
            {
                (CollectionsMarshal.GetValueRefOrAddDefault(writtenAs, key, out _) ??= []).Add(phrase.Trim());
            }

            var firstWord = key.Split(' ', 2)[0];
            longestFrom[firstWord] = Math.Max(longestFrom.GetValueOrDefault(firstWord), key.Count(c => c == ' ') + 1);
        }
    }

    public string? Find(string phrase) => canonicalByKey.GetValueOrDefault(CatalogKey.Of(phrase));

    /// <summary>
    /// Canonical names found in <paramref name="text"/>, longest match first at each position, in order of first mention; a
    /// one-word acronym of a catalog that asked for it only where the text writes it as the catalog does.
    /// </summary>
    public IReadOnlyList<string> FindIn(string text) => FindInKey(CatalogKey.Of(text), writtenAs.Count == 0 ? null : text);

    /// <summary>As <see cref="FindIn"/>, for text already in <see cref="CatalogKey"/> form (one normalisation for several catalogs).</summary>
    public IReadOnlyList<string> FindInKey(string key) => FindInKey(key, null);

    /// <summary>A phrase with a capital after its first letter: an acronym or a name styled as one ("ZeRO", "CLIP", "muP").</summary>
    private static bool IsAcronym(string phrase) => phrase.Length > 1 && phrase.AsSpan(1).ContainsAny(Capitals);

    private static readonly SearchValues<char> Capitals = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Whether <paramref name="text"/> writes one of <paramref name="acronyms"/> as a word, in its case.</summary>
    private static bool WrittenInText(List<string> acronyms, string text)
    {
        foreach (var acronym in acronyms)
        {
            for (var at = text.IndexOf(acronym, StringComparison.Ordinal); at >= 0; at = text.IndexOf(acronym, at + 1, StringComparison.Ordinal))
            {
                var end = at + acronym.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private IReadOnlyList<string> FindInKey(string key, string? text)
    {
        // The key separates words with exactly one space, so any run of words is a contiguous slice of it:
        // windows are looked up as spans without allocating a string per window.
        var words = key.Length == 0 ? 0 : key.AsSpan().Count(' ') + 1;
        int[]? rented = null;
        var starts = words <= StackWords ? stackalloc int[StackWords] : rented = ArrayPool<int>.Shared.Rent(words);
        try
        {
            return (IReadOnlyList<string>?)Match(key, starts[..words], text) ?? [];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Texts of up to this many words keep their word starts on the stack; longer ones in a rented array.</summary>
    private const int StackWords = 256;

    private List<string>? Match(string key, Span<int> starts, string? text)
    {
        for (int i = 0, word = 0; i < key.Length; i++)
        {
            if (i == 0 || key[i - 1] == ' ')
            {
                starts[word++] = i;
            }
        }

        var lookup = canonicalByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstWords = longestFrom.GetAlternateLookup<ReadOnlySpan<char>>();
        var acronyms = writtenAs.GetAlternateLookup<ReadOnlySpan<char>>();
        List<string>? found = null; // most texts name nothing, and those that do name a few: a list, made on the first find
        var words = starts.Length;
        for (var i = 0; i < words;)
        {
            var wordEnd = i + 1 < words ? starts[i + 1] - 1 : key.Length;
            if (!firstWords.TryGetValue(key.AsSpan(starts[i], wordEnd - starts[i]), out var longest))
            {
                i++;
                continue;
            }

            var advanced = false;
            for (var n = Math.Min(longest, words - i); n >= 1; n--)
            {
                var end = i + n < words ? starts[i + n] - 1 : key.Length;
                var phrase = key.AsSpan(starts[i], end - starts[i]);
                if (lookup.TryGetValue(phrase, out var canonical)
                    && (text is null || n > 1 || !acronyms.TryGetValue(phrase, out var written) || WrittenInText(written, text)))
                {
                    found ??= [];
                    if (!found.Contains(canonical))
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
