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
        matcher = new PhraseMatcher(All.SelectMany(t => new[] { t.Name }.Concat(t.Synonyms ?? []).Select(a => (a, t.Name))), "topics", caseSensitiveAcronyms: true);
        byName = CatalogNames.ByName(All, t => t.Name, "topics");
    }

    public IReadOnlyList<TopicInfo> All { get; }

    /// <summary>The topic whose name or synonym equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public TopicInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>Canonical names of the topics mentioned in free text, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text) => matcher.FindIn(text);

    /// <summary>
    /// The topics a profile states, each with its evidence: every topic of a statement (an interest, a title, a role's
    /// title), a topic of what a role did only with other evidence of it (see <see cref="TopicStatement.NeedsAnother"/>),
    /// and a topic of abstracts only when it is repeated across them — in two abstracts, or in one of a body
    /// of work of at most <see cref="AbstractsPerMention"/> — since one word in one abstract of many says little of what
    /// a person works on. Topics in order of first mention, statements first; one entry per topic and kind (the first
    /// statement of that kind), and an abstracts entry for every topic mentioned in enough abstracts.
    /// </summary>
    public IReadOnlyList<TopicEvidence> Stated(IEnumerable<TopicStatement> statements, IEnumerable<string> abstracts)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(abstracts);
        var evidence = new List<TopicEvidence>();
        var stated = new HashSet<(string, TopicEvidenceKind)>();
        var described = new Dictionary<string, (int Count, TopicStatement First)>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            foreach (var topic in FindIn(statement.Text))
            {
                if (statement.NeedsAnother)
                {
                    described[topic] = described.TryGetValue(topic, out var seen) ? (seen.Count + 1, seen.First) : (1, statement);
                }
                else if (stated.Add((topic, statement.Kind)))
                {
                    evidence.Add(new TopicEvidence { Topic = topic, Kind = statement.Kind, Text = Shortened(statement.Text) });
                }
            }
        }

        var texts = abstracts.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        var needed = Math.Min(RepeatedMentions, (texts.Count + AbstractsPerMention - 1) / AbstractsPerMention);
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>(); // in the order they became repeated enough
        foreach (var topic in texts.SelectMany(text => FindIn(text).Distinct(StringComparer.Ordinal)))
        {
            mentions[topic] = mentions.GetValueOrDefault(topic) + 1;
            if (mentions[topic] == needed)
            {
                repeated.Add(topic);
            }
        }

        // A role's description counts with other evidence of its topic: a statement, abstracts or another description.
        var statedTopics = TopicEvidence.TopicsOf(evidence).ToHashSet(StringComparer.Ordinal);
        foreach (var (topic, (count, first)) in described)
        {
            if ((count > 1 || statedTopics.Contains(topic) || mentions.ContainsKey(topic)) && stated.Add((topic, first.Kind)))
            {
                evidence.Add(new TopicEvidence { Topic = topic, Kind = first.Kind, Text = Shortened(first.Text) });
            }
        }

        // One run of entries per topic: stated topics in order of first statement, then topics of abstracts alone.
        var topics = TopicEvidence.TopicsOf(evidence).Concat(repeated).Distinct(StringComparer.Ordinal).ToList();
        var byTopic = evidence.Concat(repeated.Select(t => new TopicEvidence { Topic = t, Kind = TopicEvidenceKind.Abstracts, Abstracts = mentions[t] }))
            .ToLookup(e => e.Topic, StringComparer.Ordinal);
        return [.. topics.SelectMany(t => byTopic[t])];
    }

    private static string Shortened(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= TopicEvidence.MaxText)
        {
            return trimmed;
        }

        var cut = TopicEvidence.MaxText - 1;
        cut -= char.IsHighSurrogate(trimmed[cut - 1]) ? 1 : 0; // never half of a pair
        return trimmed[..cut].TrimEnd() + "…";
    }

    /// <summary>Abstracts that mention a topic for it to count however many there are (see <see cref="Stated"/>).</summary>
    public const int RepeatedMentions = 2;

    /// <summary>One mention counts for every this many abstracts, up to <see cref="RepeatedMentions"/>.</summary>
    public const int AbstractsPerMention = 4;

    internal IReadOnlyList<string> FindInKey(string key) => matcher.FindInKey(key);
}
