namespace Talent.Profiles.Catalogs;

/// <summary>A research topic: synonyms name the same thing; related terms are evidence of it but weaker.</summary>
public sealed record TopicInfo(string Name, IReadOnlyList<string>? Synonyms, IReadOnlyList<string>? Related);

public sealed class TopicCatalog
{
    private readonly PhraseMatcher matcher;
    private readonly Dictionary<string, TopicInfo> byName;

    public TopicCatalog(IEnumerable<TopicInfo> topics)
    {
        All = topics.ToList();
        matcher = new PhraseMatcher(All.SelectMany(t => new[] { t.Name }.Concat(t.Synonyms ?? []).Select(a => (a, t.Name))), "topics");
        byName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TopicInfo> All { get; }

    /// <summary>The topic whose name or synonym equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public TopicInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>Canonical names of the topics mentioned in free text, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text) => matcher.FindIn(text);

    internal IReadOnlyList<string> FindInKey(string key) => matcher.FindInKey(key);
}
