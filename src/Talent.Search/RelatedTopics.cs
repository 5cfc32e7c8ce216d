using Talent.Profiles.Catalogs;

namespace Talent.Search;

/// <summary>
/// Finds the topics whose related terms (weaker evidence than a name or synonym) a query mentions:
/// "diffusion model" is evidence of "video generation". Built once per index from the topic catalog.
/// </summary>
internal sealed class RelatedTopics
{
    private readonly Dictionary<string, List<(string Topic, string Related)>> topicsByKey = new(StringComparer.Ordinal);
    private readonly int maxWords;

    public RelatedTopics(TopicCatalog topics)
    {
        foreach (var topic in topics.All)
        {
            foreach (var related in topic.Related ?? [])
            {
                var key = CatalogKey.Of(related);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!topicsByKey.TryGetValue(key, out var list))
                {
                    topicsByKey[key] = list = [];
                }

                list.Add((topic.Name, related));
                maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
            }
        }
    }

    /// <summary>
    /// Topics related to phrases in <paramref name="text"/>, in order of first mention, each with the related term (as
    /// the catalog writes it) that the text named first.
    /// </summary>
    public IReadOnlyList<(string Topic, string Related)> FindIn(string text)
    {
        var found = new List<(string Topic, string Related)>();
        if (topicsByKey.Count == 0)
        {
            return found;
        }

        var words = CatalogKey.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            for (var n = Math.Min(maxWords, words.Length - i); n >= 1; n--)
            {
                if (topicsByKey.TryGetValue(string.Join(' ', words, i, n), out var topics))
                {
                    found.AddRange(topics.Where(t => !found.Exists(f => string.Equals(f.Topic, t.Topic, StringComparison.Ordinal))));
                }
            }
        }

        return found;
    }
}
