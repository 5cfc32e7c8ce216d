using System.Globalization;
using System.Text;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Identity;

/// <summary>
/// The written forms of one person's name (the name and alternates given beside it, such as a name in another
/// script in parentheses) and when two such names can be the same person: the same words in any order, an
/// initialled form ("J. R. Smith", "Smith, J."), a transliterated form ("Müller", "Mueller", "Muller"), given
/// names written together or apart ("Zang-Wei", "Zangwei"), or a middle name left out.
/// </summary>
public sealed class PersonName
{
    /// <summary>Words that make a heading an organisation's or a page's name, not a person's ("Université Paris Cité", "Lab Members").</summary>
    private static readonly HashSet<string> NotPersonWords = new(StringComparer.Ordinal)
    {
        "university", "universite", "universitat", "universidad", "universita", "universiteit", "institute", "institut", "instituto",
        "college", "laboratory", "lab", "labs", "department", "school", "centre", "center", "members", "group", "team", "about", "home",
        "homepage", "publications", "curriculum", "vitae", "resume", "cv",
    };

    private readonly IReadOnlyList<string[]> forms;

    private PersonName(IReadOnlyList<string[]> forms) => this.forms = forms;

    /// <summary>The name's forms as folded word lists (lower case, no diacritics).</summary>
    public IReadOnlyList<string[]> Forms => forms;

    /// <summary>The forms of <paramref name="name"/>, or null when it holds no word.</summary>
    public static PersonName? Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // "Zangwei Zheng (郑奘巍)" or "Zangwei Zheng / 郑奘巍": each part is a form of the same name.
        var parts = name.Split(['(', ')', '/', '|', '（', '）'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var forms = new List<string[]>();
        foreach (var part in parts.Take(4))
        {
            var words = Fold(part).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is > 0 and <= 6 && !words.Any(NotPersonWords.Contains))
            {
                forms.Add(words);
            }
        }

        return forms.Count == 0 ? null : new PersonName(forms);
    }

    /// <summary>True when some form of one can be the same person as some form of the other.</summary>
    public bool IsCompatibleWith(PersonName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var mine in forms)
        {
            foreach (var theirs in other.forms)
            {
                if (Compatible(mine, theirs))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when some form of one has exactly the words of some form of the other, in any order.</summary>
    public bool IsSameAs(PersonName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return forms.Any(mine => other.forms.Any(theirs => SameWords(mine, theirs)));
    }

    /// <summary>Lower case, letters and digits only, diacritics removed ("Agustín" and "Agust\'in" give "agustin").</summary>
    internal static string Fold(string text)
    {
        // The process runs with invariant globalization, where Unicode decomposition is not available: Latin letters
        // with diacritics are mapped to their base letter by a table (ß and æ become two letters, as written in ASCII).
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var at = Accented.IndexOf(lower, StringComparison.Ordinal);
            if (at >= 0)
            {
                kept.Append(Plain[at]);
            }
            else if (lower == 'ß')
            {
                kept.Append("ss");
            }
            else if (lower == 'æ')
            {
                kept.Append("ae");
            }
            else if (lower is not ('\'' or '\\' or '`' or '^' or '~' or '"' or '´') && CharUnicodeInfo.GetUnicodeCategory(lower) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(lower);
            }
        }

        return CatalogKey.Of(kept.ToString());
    }

    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";

    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    private static bool SameWords(string[] a, string[] b) =>
        a.Length == b.Length && a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static bool Compatible(string[] a, string[] b)
    {
        if (SameWords(a, b))
        {
            return true;
        }

        if (a.Length < 2 || b.Length < 2)
        {
            // A single word ("Tam", a name in Han characters) is the same person only written the same way.
            return string.Equals(string.Concat(a), string.Concat(b), StringComparison.Ordinal);
        }

        // The family name is written first or last ("Zheng Zangwei", "Smith, John"): try both on each side.
        foreach (var (familyA, givenA) in Splits(a))
        {
            foreach (var (familyB, givenB) in Splits(b))
            {
                if (SameWord(familyA, familyB) && GivenCompatible(givenA, givenB))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<(string Family, string[] Given)> Splits(string[] words)
    {
        yield return (words[^1], words[..^1]);
        yield return (words[0], words[1..]);
    }

    private static bool GivenCompatible(string[] a, string[] b)
    {
        if (SameWord(string.Concat(a), string.Concat(b)))
        {
            return true; // "Zang Wei" and "Zangwei"
        }

        // Word by word as far as the shorter one goes: equal, or an initial of the other's word. A middle name one
        // side leaves out ("John Smith", "John Ronald Smith") is allowed; a different first given name is not.
        var shorter = Math.Min(a.Length, b.Length);
        for (var i = 0; i < shorter; i++)
        {
            if (!SameWord(a[i], b[i]) && !IsInitialOf(a[i], b[i]) && !IsInitialOf(b[i], a[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInitialOf(string initial, string word) => initial.Length == 1 && word.Length > 0 && word[0] == initial[0];

    /// <summary>Equal, or equal once German transliteration is undone ("mueller", "muller").</summary>
    private static bool SameWord(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || string.Equals(Untransliterate(a), Untransliterate(b), StringComparison.Ordinal);

    private static string Untransliterate(string word) =>
        word.Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);
}
