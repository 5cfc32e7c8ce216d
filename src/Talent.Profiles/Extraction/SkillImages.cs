namespace Talent.Profiles.Extraction;

/// <summary>
/// Skill lists carried in an image address, as profile READMEs write them: skill icons (<c>?i=js,react,postgres</c>),
/// animated text lines (<c>?lines=Kubernetes+(AKS);Infrastructure+as+Code</c>), or a <c>skills=</c> parameter.
/// </summary>
internal static class SkillImages
{
    private static readonly string[] ListParameters = ["i", "icons", "lines", "skills", "tech"];

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
