using System.Text.Json;
using Talent.Profiles.Catalogs;
using static Talent.Profiles.Extraction.JsonFields;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The skills of a JSON Resume's <c>skills[]</c>: every keyword as written, and the group's name when it is itself
/// a skill ("Javascript", "Containerization") rather than a category ("Databases", "Tools / Misc"). A catalog skill
/// replaces the written form only when the two are the same name ignoring case and punctuation ("nodejs" →
/// "Node.js"), never a synonym ("ReactJs" stays). Natural languages are never skills. Schema variants: keywords as one
/// comma-separated string, skills as plain strings.
/// </summary>
internal static class JsonResumeSkills
{
    /// <summary>More skills than this are not one person's list; the rest are not read.</summary>
    private const int MaxSkills = 500;

    public static List<string> Read(JsonElement root, ProfileCatalogs catalogs)
    {
        var found = new List<string>();
        if (!root.TryGetProperty("skills", out var skills) || skills.ValueKind != JsonValueKind.Array)
        {
            return found;
        }

        foreach (var group in skills.EnumerateArray())
        {
            if (group.ValueKind == JsonValueKind.String)
            {
                AddItem(group.GetString() ?? string.Empty, catalogs, found);
                continue;
            }

            var keywords = Keywords(group).ToList();
            if (Text(group, "name") is { } name && !catalogs.SkillGroups.IsCategory(name))
            {
                Add(name, catalogs, found);
            }

            foreach (var keyword in keywords)
            {
                AddItem(keyword, catalogs, found);
            }
        }

        return found;
    }

    private static IEnumerable<string> Keywords(JsonElement group)
    {
        if (group.ValueKind != JsonValueKind.Object || !group.TryGetProperty("keywords", out var keywords))
        {
            return [];
        }

        return keywords.ValueKind switch
        {
            JsonValueKind.Array => keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString() ?? string.Empty),
            JsonValueKind.String => (keywords.GetString() ?? string.Empty).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };
    }

    /// <summary>
    /// One keyword: "CI/CD (github actions &amp; TravisCI)" lists three skills, "Robotics (ROS)" is one; "ES6/ES7"
    /// is two when each side is a catalog skill or a versioned name, "CI/CD" one.
    /// </summary>
    private static void AddItem(string raw, ProfileCatalogs catalogs, List<string> found)
    {
        var item = raw.Trim().Trim(',', ';', '.');
        var open = item.IndexOf('(', StringComparison.Ordinal);
        var close = open >= 0 ? item.IndexOf(')', open + 1) : -1;
        if (open > 0 && close > open)
        {
            var inner = item[(open + 1)..close];
            var parts = inner.Split([",", "&", ";", " and "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                AddItem(item[..open] + item[(close + 1)..], catalogs, found);
                foreach (var part in parts)
                {
                    AddItem(part, catalogs, found);
                }

                return;
            }
        }

        var sides = item.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (sides.Length > 1 && catalogs.Skills.Find(item) is null && sides.All(s => catalogs.Skills.Find(s) is not null || IsVersionedName(s)))
        {
            foreach (var side in sides)
            {
                Add(side, catalogs, found);
            }

            return;
        }

        Add(item, catalogs, found);
    }

    /// <summary>"ES6", "Python3", "HTML5": one word with letters and digits.</summary>
    private static bool IsVersionedName(string text) =>
        text.Length <= 12 && text.All(char.IsLetterOrDigit) && text.Any(char.IsLetter) && text.Any(char.IsDigit);

    private static void Add(string item, ProfileCatalogs catalogs, List<string> found)
    {
        var text = Spacing.Collapse(item);
        if (text.Length is 0 or > 100 || found.Count >= MaxSkills || catalogs.SkillGroups.IsNaturalLanguage(text))
        {
            return;
        }

        var name = catalogs.Skills.Find(text) is { } info && string.Equals(Compact(info.Name), Compact(text), StringComparison.Ordinal)
            ? info.Name
            : text;
        if (!found.Any(f => string.Equals(Compact(f), Compact(name), StringComparison.Ordinal)))
        {
            found.Add(name);
        }
    }

    /// <summary>The name's letters and digits in lower case: "Node.js" and "nodejs" agree, "ReactJs" and "React" do not.</summary>
    private static string Compact(string name) => CatalogKey.Of(name).Replace(" ", string.Empty, StringComparison.Ordinal);
}
