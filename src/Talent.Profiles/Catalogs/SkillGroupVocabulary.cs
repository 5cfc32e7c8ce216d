using System.Text.Json;

namespace Talent.Profiles.Catalogs;

/// <summary>
/// Words that tell a skill group's category name ("Databases", "Front End") from a group named by a skill
/// ("Javascript"), and the natural languages that are never skills; from <c>config/skill-groups.json</c>.
/// </summary>
public sealed class SkillGroupVocabulary
{
    /// <summary>Category words this long or longer also match with one letter wrong ("Sevices").</summary>
    private const int TypoLength = 6;

    private readonly HashSet<string> categoryWords;
    private readonly HashSet<string> naturalLanguages;
    private readonly List<string> leadIns;
    private readonly List<string> trailingNouns;
    private readonly List<string> examplesMarkers;
    private readonly HashSet<string> qualifiers;

    public SkillGroupVocabulary(
        IEnumerable<string> categoryWords, IEnumerable<string> naturalLanguages, IEnumerable<string>? leadIns = null, IEnumerable<string>? trailingNouns = null,
        IEnumerable<string>? examplesMarkers = null, IEnumerable<string>? qualifiers = null)
    {
        this.categoryWords = categoryWords.Select(CatalogKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        this.naturalLanguages = naturalLanguages.Select(CatalogKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

        // Longest first, so "experience using both" is removed before "experience".
        this.leadIns = (leadIns ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();
        this.trailingNouns = (trailingNouns ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();
        this.examplesMarkers = (examplesMarkers ?? []).Select(l => " " + l.Trim().ToLowerInvariant() + " ").Where(l => l.Length > 2).ToList();
        this.qualifiers = (qualifiers ?? []).Select(CatalogKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>An item that only says how well or how much ("Good Knowledge", "preferred", "basic"): no skill.</summary>
    public bool IsQualifier(string item) => qualifiers.Contains(CatalogKey.Of(item));

    /// <summary>
    /// A phrase that names its skills after a word that introduces examples, split there: "monitoring using tools like
    /// Sumo Logic" → ("monitoring using tools", "Sumo Logic"); null when no such word is inside it.
    /// </summary>
    public (string Before, string Examples)? SplitAtExamples(string item)
    {
        // At the last such word, so the examples hold none and are read once (linear in the item, however many it holds).
        var (at, length) = (-1, 0);
        foreach (var marker in examplesMarkers)
        {
            var found = item.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (found > at && found + marker.Length < item.Length)
            {
                (at, length) = (found, marker.Length);
            }
        }

        return at > 0 ? (item[..at], item[(at + length)..]) : null;
    }

    /// <summary>
    /// A skill item written as a phrase, without the words around the skill: "Experienced in Golang" → "Golang",
    /// "Basic understanding of AWS" → "AWS", "NoSQL databases" → "NoSQL", "including extensive experience with pandas" →
    /// "pandas" (lead-ins one after another), "Stata Advanced" → "Stata".
    /// </summary>
    public string WithoutPhraseWords(string item)
    {
        var text = item.Trim();
        for (var removed = true; removed;)
        {
            removed = false;
            foreach (var leadIn in leadIns)
            {
                if (text.Length > leadIn.Length + 1 && text.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase) && text[leadIn.Length] == ' ')
                {
                    text = text[(leadIn.Length + 1)..].TrimStart();
                    removed = true;
                    break;
                }
            }
        }

        foreach (var noun in trailingNouns)
        {
            if (text.Length > noun.Length + 1 && text.EndsWith(noun, StringComparison.OrdinalIgnoreCase) && text[^(noun.Length + 1)] == ' ')
            {
                text = text[..^(noun.Length + 1)].TrimEnd();
                break;
            }
        }

        return text;
    }

    /// <summary>No vocabulary: every group name is kept, no language is recognised.</summary>
    public static SkillGroupVocabulary Empty { get; } = new([], []);

    /// <summary>True when every word of the name is a category word ("Tools / Misc", "Cloud Sevices").</summary>
    public bool IsCategory(string name)
    {
        var words = CatalogKey.Of(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(IsCategoryWord);
    }

    /// <summary>True for a natural language, with or without its level ("Spanish", "English (fluent)").</summary>
    public bool IsNaturalLanguage(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return naturalLanguages.Contains(CatalogKey.Of(open > 0 ? name[..open] : name));
    }

    private bool IsCategoryWord(string word)
    {
        if (categoryWords.Contains(word))
        {
            return true;
        }

        return word.Length >= TypoLength && categoryWords.Any(c => c.Length >= TypoLength && WithinOneEdit(word, c));
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>Loads <c>skill-groups.json</c> from the catalog folder; a folder without it has the empty vocabulary.</summary>
    public static SkillGroupVocabulary Load(string directory)
    {
        var path = Path.Combine(directory, "skill-groups.json");
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            var file = JsonSerializer.Deserialize<GroupFile>(File.ReadAllText(path), new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            }) ?? throw new CatalogException($"{path}: empty vocabulary");
            return new SkillGroupVocabulary(file.CategoryWords ?? [], file.NaturalLanguages ?? [], file.LeadIns, file.TrailingNouns, file.ExamplesMarkers, file.Qualifiers);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{path}: not valid JSON ({e.Message})");
        }
    }

    private sealed record GroupFile(
        IReadOnlyList<string>? CategoryWords, IReadOnlyList<string>? NaturalLanguages, IReadOnlyList<string>? LeadIns, IReadOnlyList<string>? TrailingNouns,
        IReadOnlyList<string>? ExamplesMarkers, IReadOnlyList<string>? Qualifiers);
}
