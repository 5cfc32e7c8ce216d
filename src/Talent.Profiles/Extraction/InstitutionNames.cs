using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Finds the university or institution a piece of text names: a catalog name or alias first (reported under its
/// canonical English name), else a run of capitalised words around an institution word ("Technical University of
/// Denmark", "Universität Leipzig", "武汉大学"), kept as written.
/// </summary>
internal static partial class InstitutionNames
{
    /// <summary>Words that make a name a university's; "School" or "Department" alone names a unit, not the institution.</summary>
    [GeneratedRegex(@"\b(?:University|Universit[yéäà]t?|Università|Universidad|Universidade|Universitat|Universiteit|Universitet(?:et)?|Yliopisto|yliopisto|Uniwersytet|Institute of Technology|Polytechnic|Politecnico|Politécnica|Polytechnique|Technion|ETH|EPFL|KAIST|Hochschule|Université|Universite|Университет|университет|Институт|институт|Академия)\b|大学|大學|대학교", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex StrongWordPattern();

    [GeneratedRegex(@"\b(?:Institute|Institut|College|Academy|École|Ecole|Conservatory|Scuola)\b|学院|研究所|研究院", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WeakWordPattern();

    /// <summary>The text holds a word that names an institution ("University", "College", "大学"), strong or weak.</summary>
    public static bool HoldsInstitutionWord(string text) => StrongWordPattern().IsMatch(text) || WeakWordPattern().IsMatch(text);

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "de", "du", "des", "la", "le", "der", "für", "zu", "di", "del", "degli", "della", "and", "&", "at", "am", "in", "y", "e", "do", "da", "i",
    };

    private static readonly char[] SegmentSeparators = [',', ';', '|', '\t', '·', '♦', '•', '–', '—', '(', ')', '，', '、', '；', '（', '）'];

    /// <summary>The institution named in <paramref name="text"/>, or null. Strong names (a university) win over weak ones (a college, a school).</summary>
    public static string? Find(string text, InstitutionCatalog catalog)
    {
        string? weak = null;
        text = WithoutQuotations(text);
        var segments = text.Split(SegmentSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim('.', ':', '*', ' ');
            if (segment.Length is < 2 or > 160)
            {
                continue;
            }

            // A catalog name written with a comma in it ("University of Massachusetts, Boston") spans two segments.
            if ((i + 1 < segments.Length && segments[i + 1].Length < 40 ? catalog.Find(segment + " " + segments[i + 1]) : null) is { } spanning)
            {
                return spanning;
            }

            if (catalog.Find(segment) is { } exact)
            {
                return exact;
            }

            if (StrongWordPattern().Match(segment) is { Success: true } strong)
            {
                return catalog.FindIn(segment) ?? NameAround(segment, strong.Index, strong.Length);
            }

            if (weak is null && WeakWordPattern().Match(segment) is { Success: true } weakWord && !segment.StartsWith("School of", StringComparison.Ordinal)
                && !segment.StartsWith("Department", StringComparison.Ordinal) && !segment.StartsWith("Faculty", StringComparison.Ordinal))
            {
                weak = catalog.FindIn(segment) ?? NameAround(segment, weakWord.Index, weakWord.Length);
            }
        }

        // No institution word: a known name inside running text ("a PhD from CMU in 2019").
        return weak ?? catalog.FindIn(text);
    }

    /// <summary>
    /// The text with what it quotes left out: a quoted phrase is a title ("Thesis: “Young People in the Virtual University”"),
    /// never the name of the school.
    /// </summary>
    private static string WithoutQuotations(string text)
    {
        if (text.AsSpan().IndexOfAny(QuotationMarks) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        char? closing = null;
        foreach (var c in text)
        {
            if (closing is { } close)
            {
                if (c == close)
                {
                    closing = null;
                    builder.Append(',');
                }

                continue;
            }

            closing = c switch { '"' => '"', '“' => '”', '«' => '»', '„' => '“', _ => null };
            if (closing is null)
            {
                builder.Append(c);
            }
        }

        // An opening mark never closed quotes nothing: the text stays as written.
        return closing is null ? builder.ToString() : text;
    }

    private static readonly SearchValues<char> QuotationMarks = SearchValues.Create("\"“«„");

    /// <summary>The capitalised run of words (with "of", "de", "für" between them) around the institution word at <paramref name="at"/>.</summary>
    private static string NameAround(string segment, int at, int length)
    {
        if (segment.Length <= 60 && segment.Split(' ').Length <= 8 && !segment.Any(InstitutionCatalog.IsUnspacedScript)
            && segment.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => !char.IsLower(w[0]) || Connectors.Contains(w) || w == "the"))
        {
            // The segment is the name itself ("University of Illinois at Urbana-Champaign").
            return OrganizationNames.Canonical(segment) ?? segment;
        }

        if (segment.Any(InstitutionCatalog.IsUnspacedScript))
        {
            // "中国科学院大学 数学科学学院": the name ends at its institution word; words are separated by spaces or nothing.
            var end = at + length;
            var start = segment.LastIndexOf(' ', Math.Max(0, at - 1)) + 1;
            return segment[start..end];
        }

        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int first = -1, last = -1;
        var position = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var start = segment.IndexOf(words[i], position, StringComparison.Ordinal);
            position = start + words[i].Length;
            if (position > at && start < at + length)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return segment;
        }

        while (first > 0 && IsNameWord(words[first - 1], allowConnector: first - 1 > 0 && IsNameWord(words[first - 2], false)))
        {
            first--;
        }

        while (last + 1 < words.Length && IsNameWord(words[last + 1], allowConnector: last + 2 < words.Length && IsNameWord(words[last + 2], false)))
        {
            last++;
        }

        while (last > first && Connectors.Contains(words[last]))
        {
            last--;
        }

        var name = string.Join(' ', words[first..(last + 1)]).Trim('.', ',', ':');
        return name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }

    private static bool IsNameWord(string word, bool allowConnector) =>
        (word.Length > 0 && char.IsUpper(word[0]) && !word.EndsWith('.')) || (allowConnector && Connectors.Contains(word) && word is not ("at" or "in" or "am"));
}
