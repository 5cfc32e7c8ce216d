using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>A person's name: read from a heading, its alternate form, and its place in an author list.</summary>
internal static partial class AuthorList
{
    /// <summary>A heading or first line that is a person's name, title-cased when written in capitals.</summary>
    public static string? AsPersonName(string text)
    {
        // Grouping left by a LaTeX title block ({\LARGE \textbf{Name}}) is not part of the name.
        var bare = text.Replace("**", string.Empty, StringComparison.Ordinal).Trim().Trim('{', '}', '\\', ' ');
        // "王小明 (Xiaoming Wang)": the name as written, then its romanisation in brackets.
        var bracket = bare.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && bare.EndsWith(')'))
        {
            bare = bare[..bracket];
        }

        var name = CleanName(bare);
        if (IsCjkName(name))
        {
            return name;
        }

        if (name.Length is < 3 or > 60 || !LooksLikeName(name, allowSingle: false))
        {
            return null;
        }

        var tokens = name.Split(' ');
        if (tokens.Any(t => t.Length == 1 && !t.EndsWith('.')) || tokens.Length > 4)
        {
            return null;
        }

        return string.Join(' ', tokens.Select(t => t.All(c => !char.IsLetter(c) || char.IsUpper(c)) && t.Length > 1
            ? string.Concat(t[..1], t[1..].ToLowerInvariant())
            : t));
    }

    /// <summary>
    /// The other form of a name written with it in brackets ("Wei Zhang (张伟)", "王小明 (Xiaoming Wang)"): the part in
    /// brackets when it is a name itself, else null.
    /// </summary>
    public static string? AlternateOf(string text)
    {
        var bare = text.Replace("**", string.Empty, StringComparison.Ordinal).Trim().Trim('{', '}', '\\', ' ');
        var bracket = bare.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 && bare.EndsWith(')') && AsPersonName(bare[(bracket + 2)..^1]) is { } alternate
            && !string.Equals(alternate, AsPersonName(bare), StringComparison.Ordinal)
            ? alternate
            : null;
    }

    /// <summary>A name in Chinese characters or Hangul, written without spaces (王小明, 김민준).</summary>
    private static bool IsCjkName(string name) =>
        name.Length is >= 2 and <= 4 && name.All(c => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF'));

    /// <summary>1-based position of <paramref name="person"/> among <paramref name="authors"/>, comparing normalised names.</summary>
    public static int? PositionOf(string? person, IReadOnlyList<string> authors)
    {
        if (person is null)
        {
            return null;
        }

        var key = SortedKey(person);
        for (var i = 0; i < authors.Count; i++)
        {
            if (string.Equals(SortedKey(authors[i]), key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        // Initials ("E. Yılmaz" for Emre Yılmaz) count only when exactly one author fits them.
        int? position = null;
        for (var i = 0; i < authors.Count; i++)
        {
            if (FitsWithInitials(authors[i], person))
            {
                if (position is not null)
                {
                    return null;
                }

                position = i + 1;
            }
        }

        return position;
    }

    private static bool IsInitial(string token) => token.Length == 2 && char.IsUpper(token[0]) && token[1] == '.';

    /// <summary>Initials written without stops, as Google Scholar and biomedical lists write them: one to three capitals ("J", "KH").</summary>
    private static bool IsBareInitials(string token) => token.Length <= 3 && token.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// "E. Yılmaz", "Yılmaz, E." or "E Yılmaz" fits "Emre Yılmaz": every written word is one of the name's, every initial
    /// starts another ("KH Cho" fits "Kyung Hyun Cho", and "Kyunghyun Cho" by its first letter).
    /// </summary>
    private static bool FitsWithInitials(string author, string person)
    {
        var tokens = author.Replace(".", ". ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var bare = tokens.FindIndex(t => IsBareInitials(t) && tokens.Count > 1);
        if (bare >= 0 && !tokens.Any(IsInitial))
        {
            // Bare initials stand for given names: one per letter while the name has words left, the rest unread.
            var letters = tokens[bare];
            var givenNames = CatalogKey.Of(person).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - (tokens.Count - 1);
            tokens.RemoveAt(bare);
            tokens.InsertRange(bare, letters.Take(Math.Max(1, givenNames)).Select(c => c + "."));
        }

        if (!tokens.Any(IsInitial))
        {
            return false;
        }

        var remaining = CatalogKey.Of(person).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var words = CatalogKey.Of(string.Join(' ', tokens.Where(t => !IsInitial(t)))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (!remaining.Remove(word))
            {
                return false;
            }
        }

        foreach (var initial in tokens.Where(IsInitial))
        {
            var letter = CatalogKey.Of(initial[..1]);
            var match = remaining.FindIndex(r => r.StartsWith(letter, StringComparison.Ordinal));
            if (match < 0)
            {
                return false;
            }

            remaining.RemoveAt(match);
        }

        return true;
    }

    /// <summary>Name tokens sorted, so "Zheng Zangwei" and "Zangwei Zheng" compare equal.</summary>
    public static string SortedKey(string name)
    {
        var key = CatalogKey.Of(name);
        if (!key.Contains(' ', StringComparison.Ordinal))
        {
            return key;
        }

        var words = key.Split(' ');
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
