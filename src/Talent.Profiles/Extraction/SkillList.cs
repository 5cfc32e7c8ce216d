using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads explicit skill lists (<c>**Languages** — Python, JavaScript (ES6+), C/C++</c>). Skills are kept as written
/// (the index maps them to catalog names for search); they are only taken from lists: free text mentions "Go" or "C" in
/// ordinary English too often.
/// </summary>
internal static partial class SkillList
{
    private static readonly char[] ItemSeparators = [',', ';', '|', '•', '·', '♦', '，', '、', '；'];

    /// <summary>Natural languages and proficiency words: a "Languages" list of spoken languages is not a skill list.</summary>
    private static readonly HashSet<string> SpokenLanguageKeys = new(StringComparer.Ordinal)
    {
        "english", "french", "german", "spanish", "italian", "portuguese", "dutch", "swedish", "norwegian", "danish", "finnish", "polish",
        "czech", "russian", "ukrainian", "greek", "turkish", "arabic", "hebrew", "persian", "farsi", "hindi", "bengali", "urdu", "tamil",
        "chinese", "mandarin", "cantonese", "japanese", "korean", "vietnamese", "thai", "indonesian", "malay", "romanian", "hungarian",
        "catalan", "native", "fluent", "mother tongue", "basic", "intermediate", "advanced", "proficient", "business", "conversational",
        "beginner", "first language", "second language", "native language", "native speaker", "mother language", "英语", "中文", "英語", "日本語",
        "русский", "английский", "немецкий", "deutsch", "englisch", "français", "español",

        // Proficiency as a professional profile states it: "English (Native or Bilingual)", "French (Professional Working)".
        "bilingual", "or", "professional", "working", "full", "limited", "elementary", "proficiency",

        // Levels of a technical skill: "Python (expert)", "Go (familiar)".
        "expert", "experienced", "familiar", "novice", "skilled", "strong", "good", "very good", "excellent", "working knowledge",
    };

    /// <summary>Items that stand for the rest of a list, not for a skill ("Other" in a bubble diagram of languages).</summary>
    private static readonly HashSet<string> PlaceholderKeys = new(StringComparer.Ordinal) { "other", "others", "misc", "miscellaneous", "etc", "more", "and more" };

    /// <summary>Adds the skills one line of a skill list names.</summary>
    public static void AddFrom(string line, SkillCatalog skills, List<string> found, SkillGroupVocabulary? words = null)
    {
        var text = StripLabel(line);
        if (SentenceText(text) is { } sentence)
        {
            // "team work: I have worked in teams of researchers, youth trainers and coaches": prose under a label names
            // only the catalog skills it holds, not each of its phrases between commas.
            foreach (var name in skills.FindIn(sentence))
            {
                Add(name, found);
            }

            return;
        }

        foreach (var chunk in SplitOutsideParentheses(text))
        {
            AddItem(chunk, skills, found, words: words);
        }
    }

    /// <summary>
    /// The plain text of a sentence rather than a list: eight words or more said in the first person ("I organised …");
    /// null for a list. Lists written as phrases ("Experience using both SQL (PostgreSQL) and NoSQL") keep being read item
    /// by item.
    /// </summary>
    private static string? SentenceText(string text)
    {
        if (text.AsSpan().Count(' ') < 7)
        {
            return null; // most lines of a skills section are short lists
        }

        var plain = MarkupText.ToPlain(text);
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 8 && words.Any(w => FirstPersonWords.Contains(w.Trim(',', '.', ';', ':'))) ? plain : null;
    }

    private static readonly HashSet<string> FirstPersonWords = new(StringComparer.OrdinalIgnoreCase) { "I", "I'm", "I've", "my", "we", "our", "me" };

    /// <summary>Adds the skills one list item names, as written.</summary>
    public static void AddItem(string chunk, SkillCatalog skills, List<string> found, bool keepUnknown = true, SkillGroupVocabulary? words = null)
    {
        var item = MarkupText.ToPlain(chunk).Trim(' ', '.', ':', '-', '–', '—', '`', '"', '\'');
        if (words is not null)
        {
            item = WithoutVersion(words.WithoutPhraseWords(item));
        }

        if (TrailingDurationPattern().Match(item) is { Success: true, Index: > 0 } duration)
        {
            item = item[..duration.Index]; // "Go - 3 years", "Kubernetes (2 yrs)": the skill, without how long
        }

        if (item.Length == 0 || IsSpokenLanguage(item) || !item.Any(char.IsLetter) || YearsPattern().IsMatch(item) || PlaceholderKeys.Contains(CatalogKey.Of(item))
            || words?.IsQualifier(item) == true)
        {
            return;
        }

        // "troubleshooting using tools like Sumo Logic": the skills are the examples; the words before them only say what
        // they are for (a catalog skill among them still counts).
        if (words?.SplitAtExamples(item) is var (before, examples) && !before.Contains('(', StringComparison.Ordinal))
        {
            foreach (var name in skills.FindInList(before))
            {
                Add(name, found);
            }

            AddItem(examples, skills, found, keepUnknown, words);
            return;
        }

        // "SQL (PostgreSQL) and NoSQL (Redis)": items joined by "and" outside parentheses are read one by one.
        if (words is not null && SplitOutsideParentheses(item, [" and ", " or "]) is { Count: > 1 } joined)
        {
            foreach (var part in joined)
            {
                AddItem(part, skills, found, keepUnknown, words);
            }

            return;
        }

        if (AddedWithParenthesis(item, skills, found, keepUnknown, words))
        {
            return;
        }

        AddParts(item, skills, found, keepUnknown);
    }

    /// <summary>
    /// "Infrastructure as Code (Terraform, Bicep)", "Kubernetes (AKS)": the parenthesis names further skills, read with the
    /// name before it; "JavaScript (ES6+)" and "Python (3.x)" only qualify the name and stay with it (false: read as one).
    /// </summary>
    private static bool AddedWithParenthesis(string item, SkillCatalog skills, List<string> found, bool keepUnknown, SkillGroupVocabulary? words)
    {
        var open = item.IndexOf('(', StringComparison.Ordinal);
        if (open > 0)
        {
            var close = item.IndexOf(')', open + 1);
            var inner = close > open ? item[(open + 1)..close] : item[(open + 1)..];
            var outer = (item[..open] + (close > open ? " " + item[(close + 1)..] : string.Empty)).Trim();
            if (skills.Find(inner) is { } alias && skills.Find(outer) is { } named && string.Equals(alias.Name, named.Name, StringComparison.Ordinal))
            {
                // "Kubernetes (k8s)": the parenthesis is another name of the same skill.
                AddItem(outer, skills, found, keepUnknown, words);
                return true;
            }

            // A list in the parenthesis always names further skills; a single token with digits ("ES6+", "3.x") is a version.
            if (!inner.Any(char.IsDigit) || inner.Contains(',', StringComparison.Ordinal))
            {
                if (!IsCategoryWord(outer))
                {
                    AddItem(outer, skills, found, keepUnknown, words);
                }

                foreach (var part in inner.Split([',', ';', '/', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    AddItem(part, skills, found, keepUnknown, words);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>The names an item joins ("C/C++"), each a catalog skill, a name kept as written, or a phrase holding some.</summary>
    private static void AddParts(string item, SkillCatalog skills, List<string> found, bool keepUnknown)
    {
        foreach (var part in SplitJoined(WithoutCategoryWord(item, skills), skills))
        {
            if (skills.Find(part) is { } known)
            {
                if (found.Exists(f => string.Equals((skills.Find(f) ?? skills.Find(WithoutQualifier(f)))?.Name, known.Name, StringComparison.Ordinal)))
                {
                    continue; // "Postgres" after "PostgreSQL", an icon "react" after "React.js": one skill, as first written
                }

                // "Deepspeed" is written as the catalog writes it; "Golang" stays as written (the index knows it is Go).
                Add(string.Equals(CatalogKey.Of(part), CatalogKey.Of(known.Name), StringComparison.Ordinal) ? known.Name : part, found);
                continue;
            }

            if (keepUnknown && LooksLikeSkillName(part))
            {
                Add(part, found);
                continue;
            }

            // A long phrase ("Experienced with Python and Docker"): the catalog names inside it.
            foreach (var name in skills.FindInList(part))
            {
                Add(name, found);
            }
        }
    }

    /// <summary>
    /// "C/C++", "DevOps / DevSecOps", "Cloud &amp; Cybersecurity", "CSS/SASS/LESS": names joined split when each part is a
    /// catalog skill or a name of its own; "Shadcn/UI", "PL/SQL" stay one name.
    /// </summary>
    private static IEnumerable<string> SplitJoined(string item, SkillCatalog skills)
    {
        var spaced = item.Split([" / ", " & ", " and ", " + "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in spaced)
        {
            var tight = part.Split(['/', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tight.Length > 1 && tight.All(t => skills.Find(t) is not null || IsNameOfItsOwn(t)))
            {
                foreach (var t in tight)
                {
                    yield return t;
                }
            }
            else
            {
                yield return part;
            }
        }
    }

    /// <summary>"JavaScript (ES6+)" without its parenthesis.</summary>
    private static string WithoutQualifier(string skill) =>
        skill.IndexOf('(', StringComparison.Ordinal) is > 0 and var open ? skill[..open].TrimEnd() : skill;

    /// <summary>"Go - 3 years", "Kubernetes (2 yrs)", "Python: 5+ years": how long after a skill's name.</summary>
    [GeneratedRegex(@"\s*(?:[-–—:]\s*|\()\d+(?:\.\d+)?\+?\s*(?:years?|yrs?)(?:\s+of\s+experience)?\)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingDurationPattern();

    private static bool OpensWithDuration(string text) =>
        YearsPattern().IsMatch(text.TrimStart().Split(',', 2)[0].Trim());

    /// <summary>"8+ years", "5 yrs", "10 years of experience": how long, not a skill ("5+ years with Go" names one).</summary>
    [GeneratedRegex(@"^\d+(\.\d+)?\+?\s*(years?|yrs?)(\s+of\s+experience)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex YearsPattern();

    /// <summary>"Symfony 2/3/4", "Rails 4/5", "Angular 1/2+": a version after the name is not part of the skill.</summary>
    private static string WithoutVersion(string item)
    {
        var space = item.LastIndexOf(' ');
        var last = space > 0 ? item[(space + 1)..].TrimEnd(')') : string.Empty;
        return last.Length > 0 && char.IsDigit(last[0]) && last.All(c => char.IsDigit(c) || c is '.' or '/' or '+' or 'x' or '-')
            ? item[..space].TrimEnd()
            : item;
    }

    /// <summary>A part of "Git/Github" or "Debian/Ubuntu" that names a tool of its own; "CI/CD", "UI/UX", "TCP/IP" parts do not.</summary>
    private static bool IsNameOfItsOwn(string part) =>
        part.Length >= 2 && char.IsLetter(part[0]) && !(part.Length <= 3 && part.All(char.IsUpper)) && !part.Contains(' ', StringComparison.Ordinal);

    /// <summary>Items split at the given words, outside parentheses.</summary>
    private static List<string> SplitOutsideParentheses(string text, string[] separators)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth = c is '(' or '[' ? depth + 1 : c is ')' or ']' ? Math.Max(0, depth - 1) : depth;
            if (depth == 0 && c == ' ' && separators.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } separator)
            {
                items.Add(text[start..i].Trim());
                start = i + separator.Length;
                i = start - 1;
            }
        }

        items.Add(text[start..].Trim());
        return items.Where(i => i.Length > 0).ToList();
    }

    /// <summary>Items split at commas and semicolons that are not inside parentheses.</summary>
    internal static List<string> SplitOutsideParentheses(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '（' or '[')
            {
                depth++;
            }
            else if (c is ')' or '）' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && Array.IndexOf(ItemSeparators, c) >= 0)
            {
                items.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(text[start..].Trim());
        return items.Where(i => i.Length > 0).ToList();
    }

    /// <summary>A name in a list: one to four words, no sentence punctuation, not a sentence fragment.</summary>
    private static bool LooksLikeSkillName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.Length is >= 1 and <= 40 && words.Length <= 4 && (char.IsLetterOrDigit(text[0]) || text[0] is '.' or '#')
            && !text.Any(c => c is ':' or '!' or '?' or '"' or '=' or '<' or '>' or '{' or '}' or '[' or ']')
            && !words.Any(w => w is "I" or "I'm" or "my" or "me" or "have" or "has" or "am" or "is" or "are" or "was" or "we" or "you" or "our");
    }

    private static bool IsSpokenLanguage(string item)
    {
        var key = CatalogKey.Of(item);
        return SpokenLanguageKeys.Contains(key) || key.Split(' ').All(SpokenLanguageKeys.Contains);
    }

    /// <summary>
    /// "Languages Python" (a list label without its separator): the label word is dropped when a catalog skill follows it
    /// (or nothing but marks: "Languages &amp;" of "Languages &amp; Frameworks"); "Data Structures" and "Web development" are
    /// names of their own.
    /// </summary>
    private static string WithoutCategoryWord(string item, SkillCatalog skills)
    {
        var space = item.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && IsCategoryWord(item[..space]) && item[(space + 1)..].Trim() is { Length: > 0 } rest && skills.Find(item) is null
            && (skills.Find(rest) is not null || !rest.Any(char.IsLetter)) ? rest : item;
    }

    private static bool IsCategoryWord(string text) =>
        CatalogKey.Of(text) is "programming" or "data" or "languages" or "tools" or "frameworks" or "databases" or "other" or "trainer" or "cloud platforms"
            or "libraries" or "technologies" or "platforms" or "web" or "software";

    private static string StripLabel(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab >= 0 && line[(tab + 1)..].Trim().Length > 0)
        {
            return line[(tab + 1)..];
        }

        if (line.StartsWith("**", StringComparison.Ordinal))
        {
            var close = line.IndexOf("**", 2, StringComparison.Ordinal);
            if (close > 0 && close < 60 && line[(close + 2)..].Trim(' ', ':', '—', '–', '-').Length > 0)
            {
                return line[(close + 2)..].TrimStart(' ', ':', '：', '—', '–', '-');
            }
        }

        foreach (var separator in new[] { ":", "：", " — ", " – ", " - " })
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            // "Python - 5 years, Go - 3 years": a skill and how long, not a label over a list.
            if (at is > 0 and < 40 && line.LastIndexOf('(', at) <= line.LastIndexOf(')', at) && !OpensWithDuration(line[(at + separator.Length)..]))
            {
                return line[(at + separator.Length)..];
            }
        }

        return line;
    }

    /// <summary>More skills than any real list has: the rest of a hostile document's list is not read.</summary>
    internal const int MaxSkills = 300;

    private static void Add(string name, List<string> found)
    {
        if (found.Count < MaxSkills && !found.Any(f => string.Equals(CatalogKey.Of(f), CatalogKey.Of(name), StringComparison.Ordinal)))
        {
            found.Add(name);
        }
    }
}
