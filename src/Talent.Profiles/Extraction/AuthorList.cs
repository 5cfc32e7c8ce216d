using System.Buffers;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>Author lists and person names: cleans equal-contribution and corresponding-author marks, drops "et al." and ellipses.</summary>
internal static partial class AuthorList
{
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "curriculum", "vitae", "resume", "résumé", "cv", "homepage", "home", "page", "publications", "university",
        "institute", "college", "school", "education", "experience", "skills", "research", "project", "lead", "contact",
        "the", "and", "of", "for", "with", "in", "on", "a", "an", "to", "by", "at", "from", "papers", "selected", "inc",
        "ltd", "lab", "team", "google", "scholar", "github", "gitlab", "twitter", "linkedin", "orcid", "dblp", "website", "slides", "video", "poster", "pdf", "arxiv", "group", "department", "professor", "student", "intern", "code", "paper", "blog", "award",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "van", "de", "der", "von", "da", "di", "del", "la", "le", "bin", "al" };

    /// <summary>Letters and the punctuation of names, none of which <see cref="CleanName"/> removes from inside a name.</summary>
    private static readonly SearchValues<char> PlainNameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,;:'-");

    [GeneratedRegex(@"\bet\.?\s*al\.?|…", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EtAlPattern();

    [GeneratedRegex(@"(\bet\.?\s*al\.?|…|\.{2,}|\band\s+others)[\s.,;:*)\]]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OpenEndPattern();

    /// <summary>
    /// Whether an author list ends with "et al.", an ellipsis or "and others": it names only its first authors. Two stops
    /// are an ellipsis whose last stop a reader took as the end of a sentence.
    /// </summary>
    public static bool EndsOpen(string? text) => text is not null && OpenEndPattern().IsMatch(text);

    /// <summary>The names in an author list, or null when the text is not one (too few name-like parts).</summary>
    public static IReadOnlyList<string>? Parse(string text, int minimum = 2)
    {
        var cut = text.IndexOf(" · ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        text = EtAlPattern().Replace(text, ",");
        var names = new List<string>();
        var parts = Split(text);

        // Initials without stops ("J Chorowski, KH Cho", or "Chorowski J" as biomedical lists write them) only in a list of
        // several: alone, "A Survey" would be a name.
        var bareInitials = parts.Count(p => p.Trim().Length > 0) >= 2;
        foreach (var written in parts)
        {
            var part = WithoutHomonymNumber(written);

            // A free-standing number ("Neurips 2023") is not an affiliation mark: this part is not a name.
            if (part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.All(char.IsDigit)))
            {
                return null;
            }

            var name = CleanName(part);
            if (name.Length == 0)
            {
                continue;
            }

            if (!LooksLikeName(name, allowSingle: false, bareInitials))
            {
                return null;
            }

            names.Add(name);
        }

        return names.Count >= minimum ? names : null;
    }

    /// <summary>"Wei Wang 0001": dblp numbers people who share a name with four digits from 0001; the number is not the name's.</summary>
    internal static string WithoutHomonymNumber(string part)
    {
        var trimmed = part.TrimEnd();
        return trimmed.Length > 6 && trimmed[^5] == ' ' && trimmed[^4] == '0' && trimmed[^4..].All(char.IsAsciiDigit) && trimmed[^4..] != "0000"
            ? trimmed[..^5]
            : part;
    }

    /// <summary>
    /// The owner alone, written with initials without stops ("A Lovelace" for Ada Lovelace, as a scholar page lists a paper
    /// of one author), or null: outside a list bare initials are taken only when they fit the owner.
    /// </summary>
    public static string? OwnerWithBareInitials(string text, string owner)
    {
        var name = CleanName(text);
        return name.Contains(' ', StringComparison.Ordinal) && LooksLikeName(name, allowSingle: false, bareInitials: true) && FitsWithInitials(name, owner) ? name : null;
    }

    /// <summary>
    /// An author list written surname first, as author-year citations write it ("Garcia, S. L., Stevens, S. L. R.,
    /// Crary, B., &amp; McMahon, K. D."): a surname and the initials after it are one author ("S. L. Garcia"); a surname
    /// with no initials after it is an author of its own. Null unless at least two authors carry initials and they are
    /// at least three in four.
    /// </summary>
    public static IReadOnlyList<string>? ParseInverted(string text)
    {
        var names = new List<string>();
        string? surname = null;
        var initialled = 0;
        var parts = Split(text);
        for (var i = 0; i < parts.Count; i++)
        {
            var raw = parts[i].Trim(' ', ',', ';', '*', '\\');
            if (raw.Length == 0)
            {
                continue;
            }

            // The list's last full stop may have been taken as the end of the sentence: "…, McMahon, K. D".
            if (InitialsIn(raw, finalStopOptional: i == parts.Count - 1) > 0)
            {
                if (surname is null)
                {
                    return null;
                }

                names.Add(raw.TrimEnd('.') + ". " + surname);
                initialled++;
                surname = null;
                continue;
            }

            var name = CleanName(raw);
            if (name.Contains('.', StringComparison.Ordinal) || name.Split(' ').Length > 3 || !LooksLikeName(name, allowSingle: true))
            {
                return null;
            }

            if (surname is not null)
            {
                names.Add(surname);
            }

            surname = name;
        }

        if (surname is not null)
        {
            names.Add(surname);
        }

        return initialled >= 2 && initialled * 4 >= names.Count * 3 ? names : null;
    }

    /// <summary>
    /// How many initials the text is made of ("S. L. R." 3, "L.-K." 2, "J.L.D" 3 with <paramref name="finalStopOptional"/>):
    /// capitals each followed by a full stop (the last one's may be missing when allowed), with spaces or hyphens between;
    /// 0 when it holds anything else or more than four.
    /// </summary>
    internal static int InitialsIn(string text, bool finalStopOptional)
    {
        var letters = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c))
            {
                var stopped = i + 1 < text.Length && text[i + 1] == '.';
                if (!stopped && !(finalStopOptional && i + 1 == text.Length))
                {
                    return 0;
                }

                letters++;
                i++; // the full stop
            }
            else if (c is not (' ' or '-'))
            {
                return 0;
            }
        }

        return letters <= 4 ? letters : 0;
    }

    /// <summary>
    /// The parts of an author list between separators (<c>,</c> <c>;</c> <c>&amp;</c> or the word <c>and</c>), each
    /// separator taking the white space around it: what splitting on <c>\s*(?:,|;|\band\b|&amp;)\s*</c> gives, without
    /// trying a match at every position of the text (the regex starts with <c>\s*</c>, so it could not skip ahead).
    /// </summary>
    internal static List<string> Split(string text)
    {
        var parts = new List<string>();
        var partStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var length = SeparatorLength(text, i);
            if (length == 0)
            {
                continue;
            }

            var matchStart = i;
            while (matchStart > partStart && char.IsWhiteSpace(text[matchStart - 1]))
            {
                matchStart--;
            }

            var matchEnd = i + length;
            while (matchEnd < text.Length && char.IsWhiteSpace(text[matchEnd]))
            {
                matchEnd++;
            }

            parts.Add(text[partStart..matchStart]);
            partStart = matchEnd;
            i = matchEnd - 1;
        }

        parts.Add(text[partStart..]);
        return parts;
    }

    /// <summary>Length of the separator at <paramref name="at"/>: 1 for <c>,</c> <c>;</c> <c>&amp;</c>, 3 for the word <c>and</c>, else 0.</summary>
    private static int SeparatorLength(string text, int at) => text[at] switch
    {
        ',' or ';' or '&' => 1,
        'a' when string.CompareOrdinal(text, at, "and", 0, 3) == 0
            && (at == 0 || !IsWordCharacter(text[at - 1]))
            && (at + 3 == text.Length || !IsWordCharacter(text[at + 3])) => 3,
        _ => 0,
    };

    /// <summary>A character of a word as a regex word boundary (<c>\b</c>) sees one.</summary>
    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation
        || c is '\u200C' or '\u200D';

    /// <summary>An author as written minus marks: <c>Xiangyu Yue*</c>, <c>Kai Wang†</c>, <c>Zheng¹</c> → the bare name.</summary>
    public static string CleanName(string raw)
    {
        // Most names carry no mark, digit or double space: nothing to take out but the punctuation around them.
        if (!raw.AsSpan().ContainsAnyExcept(PlainNameCharacters) && !raw.Contains("  ", StringComparison.Ordinal))
        {
            return raw.Trim(' ', '.', ',', ';', ':');
        }

        // "E. Vilkul (Tuzhilina)", "A. Smith (MIT)": a parenthesis after the name (a former name, an affiliation) is not part of it.
        var open = raw.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && raw.TrimEnd(' ', '.', ',', ';', ':', '*').EndsWith(')') && raw.IndexOf(')', open) == raw.LastIndexOf(')'))
        {
            raw = raw[..open];
        }

        var chars = raw.Where(c => c is not ('*' or '†' or '‡' or '§' or '¶' or '#' or '✉' or '^') && !char.IsDigit(c)
            && !"¹²³⁴⁵⁶⁷⁸⁹⁰".Contains(c, StringComparison.Ordinal)).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ',', ';', ':');
    }

    /// <summary>True when an author string carries an equal-contribution mark.</summary>
    public static bool HasEqualContributionMark(string raw) => raw.Contains('*', StringComparison.Ordinal);

    /// <summary>
    /// Whether the text reads as a person's name: up to five words, each capitalised, an initial ("A.") or a particle
    /// ("van"); with <paramref name="bareInitials"/>, initials without stops ("J", "KH") beside a written word count too.
    /// </summary>
    public static bool LooksLikeName(string text, bool allowSingle, bool bareInitials = false)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is 0 or > 5 || (tokens.Length == 1 && !allowSingle))
        {
            return false;
        }

        var capitalised = 0;
        var written = 0;
        foreach (var token in tokens)
        {
            if (Particles.Contains(token))
            {
                continue;
            }

            if (IsInitial(token) || (bareInitials && tokens.Length > 1 && IsBareInitials(token)))
            {
                // "A. Demir": the initial is not the article "a".
                capitalised++;
                continue;
            }

            // Scripts without case (王小明) start a name as well as a capital does.
            if (NotNameWords.Contains(token.Trim('.', ',')) || !char.IsLetter(token[0]) || char.IsLower(token[0]))
            {
                return false;
            }

            foreach (var c in token)
            {
                if (!(char.IsLetter(c) || c is '-' or '\'' or '’' or '.'))
                {
                    return false;
                }
            }

            capitalised++;
            written++;
        }

        // "ROE J", "LI X" (a list's "ROE J., LI X." without its stops): a short surname in capitals before shorter initials
        // is the surname, not more initials.
        if (written == 0 && bareInitials && tokens.Length == 2 && IsBareInitials(tokens[0]) && IsBareInitials(tokens[1]) && tokens[0].Length > tokens[1].Length)
        {
            written = 1;
        }

        return capitalised >= 1 && (written >= 1 || !bareInitials || tokens.All(IsInitial));
    }
}
