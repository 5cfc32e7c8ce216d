using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads explicit skill lists (<c>Languages	Python, JavaScript (TypeScript), C/C++</c>). Skills are only taken
/// from lists: free text mentions "Go" or "C" in ordinary English too often.
/// </summary>
internal static class SkillList
{
    private static readonly char[] ItemSeparators = [',', ';', '|', '•', '·', '♦'];

    public static void AddFrom(string line, SkillCatalog skills, List<string> found)
    {
        var text = StripLabel(line);
        foreach (var chunk in text.Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddItem(chunk, skills, found);
        }
    }

    /// <summary>Adds the skills one list item names; <paramref name="keepUnknown"/> keeps an item the catalog does not know as written.</summary>
    public static void AddItem(string chunk, SkillCatalog skills, List<string> found, bool keepUnknown = true)
    {
        var item = MarkupText.ToPlain(chunk).Trim(' ', '.', ':');
        if (item.Length == 0)
        {
            return;
        }

        // "JavaScript (TypeScript)": the parenthesis names further skills.
        var open = item.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = item.IndexOf(')', open + 1);
            var inner = close > open ? item[(open + 1)..close] : item[(open + 1)..];
            var outer = (item[..open] + (close > open ? " " + item[(close + 1)..] : string.Empty)).Trim();
            AddItem(outer, skills, found, keepUnknown);
            foreach (var part in inner.Split([',', '&', '/', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddItem(part, skills, found, keepUnknown);
            }

            return;
        }

        if (skills.Find(item) is { } whole)
        {
            Add(whole.Name, found);
            return;
        }

        var parts = item.Split(['/', '&', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (item.Contains("++", StringComparison.Ordinal))
        {
            parts = item.Split(['/', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        foreach (var part in parts)
        {
            if (skills.Find(part) is { } info)
            {
                Add(info.Name, found);
                continue;
            }

            // "Languages Python" (a label without a separator) or "and Git": look for catalog phrases inside.
            var inside = skills.FindInList(part);
            foreach (var name in inside)
            {
                Add(name, found);
            }

            // A listed tool the catalog does not know ("Opacus") is kept as written, never dropped.
            if (keepUnknown && inside.Count == 0 && LooksLikeSkillName(part))
            {
                Add(part, found);
            }
        }
    }

    /// <summary>A name in a list: one to three words, starting with a capital or a digit, no sentence punctuation.</summary>
    private static bool LooksLikeSkillName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.Length is >= 2 and <= 30 && words.Length <= 3 && (char.IsUpper(text[0]) || char.IsDigit(text[0]))
            && !text.Any(c => c is ':' or '!' or '?' or '"' or '=' or '<' or '>' or '{' or '}');
    }

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
            if (close > 0 && close < 60 && line[(close + 2)..].Trim().Length > 0)
            {
                return line[(close + 2)..].TrimStart(' ', ':');
            }
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and < 40 ? line[(colon + 1)..] : line;
    }

    private static void Add(string name, List<string> found)
    {
        if (!found.Contains(name, StringComparer.Ordinal))
        {
            found.Add(name);
        }
    }
}
