namespace Talent.Profiles.Catalogs;

public sealed record SkillInfo(string Name, string Category, IReadOnlyList<string>? Synonyms);

public sealed class SkillCatalog
{
    private readonly PhraseMatcher matcher;
    private readonly Dictionary<string, SkillInfo> byName;

    public SkillCatalog(IEnumerable<SkillInfo> skills)
    {
        All = skills.ToList();
        matcher = new PhraseMatcher(All.SelectMany(s => new[] { s.Name }.Concat(s.Synonyms ?? []).Select(a => (a, s.Name))), "skills");
        byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SkillInfo> All { get; }

    /// <summary>The skill whose name or synonym equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public SkillInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>Canonical names of the skills mentioned in free text, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text) => matcher.FindIn(text);
}
