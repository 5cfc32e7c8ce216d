namespace Talent.Profiles.Catalogs;

/// <summary>A university or research institution: its canonical English name and the other names documents give it.</summary>
public sealed record InstitutionInfo(string Name, IReadOnlyList<string>? Aliases);

/// <summary>Canonical institution names from <c>config/institutions.json</c>.</summary>
public sealed class InstitutionCatalog
{
    private readonly PhraseMatcher matcher;

    /// <summary>Aliases written in scripts without spaces between words (Chinese, Japanese): found as substrings.</summary>
    private readonly List<(string Alias, string Name)> unspaced = [];

    public InstitutionCatalog(IEnumerable<InstitutionInfo> institutions)
    {
        All = institutions.ToList();
        var phrases = All.SelectMany(i => new[] { i.Name }.Concat(i.Aliases ?? []).Select(a => (a, i.Name))).ToList();
        matcher = new PhraseMatcher(phrases, "institutions");
        foreach (var (alias, name) in phrases.Where(p => p.a.Any(IsUnspacedScript)))
        {
            unspaced.Add((alias, name));
        }

        // Longest first, so that "中国科学院大学" is found before "中国科学院".
        unspaced.Sort((a, b) => b.Alias.Length.CompareTo(a.Alias.Length));
    }

    public IReadOnlyList<InstitutionInfo> All { get; }

    /// <summary>The canonical name when <paramref name="text"/> is a known name or alias, ignoring case and punctuation.</summary>
    public string? Find(string text) => matcher.Find(text);

    /// <summary>The first known institution named inside <paramref name="text"/> (longest name at each position), if any.</summary>
    public string? FindIn(string text)
    {
        foreach (var (alias, name) in unspaced)
        {
            if (text.Contains(alias, StringComparison.Ordinal))
            {
                return name;
            }
        }

        var found = matcher.FindIn(text);
        return found.Count > 0 ? found[0] : null;
    }

    internal static bool IsUnspacedScript(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
