namespace Talent.Profiles.Extraction;

/// <summary>
/// Skill lists carried in an image address, as profile READMEs write them: skill icons (<c>?i=js,react,postgres</c>),
/// animated text lines (<c>?lines=Kubernetes+(AKS);Infrastructure+as+Code</c>), or a <c>skills=</c> parameter.
/// </summary>
internal static class SkillImages
{
    private static readonly string[] ListParameters = ["i", "icons", "lines", "skills", "tech"];

    /// <summary>
    /// The label of a shields.io or badgen badge (<c>/badge/C%23-239120</c> → "C#", <c>/badge/Visual_Studio-5C2D91</c> →
    /// "Visual Studio"); null for any other address.
    /// </summary>
    public static string? BadgeLabel(string url)
    {
        var at = url.IndexOf("/badge/", StringComparison.OrdinalIgnoreCase);
        if (at < 0 || url.Length > 4_000 || !(url.Contains("shields.io", StringComparison.OrdinalIgnoreCase) || url.Contains("badgen.net", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var path = url[(at + 7)..].Split('?', '#')[0];
        // Dashes and underscores written twice are literal; a single dash ends the label, a single underscore is a space.
        var label = path.Replace("--", "\u0001", StringComparison.Ordinal).Replace("__", "\u0002", StringComparison.Ordinal).Split('-', '/')[0]
            .Replace('_', ' ').Replace('\u0001', '-').Replace('\u0002', '_');
        label = Uri.UnescapeDataString(label).Trim();
        return label.Length is > 0 and <= 60 ? label : null;
    }

    /// <summary>The items of the first list-valued query parameter, decoded; empty when the address has none.</summary>
    public static IReadOnlyList<string> Items(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0 || url.Length > 4_000)
        {
            return [];
        }

        foreach (var pair in url[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !ListParameters.Contains(pair[..equals], StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            var separator = value.Contains(';', StringComparison.Ordinal) ? ';' : ',';
            return value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(SkillList.MaxSkills).ToList();
        }

        return [];
    }
}
