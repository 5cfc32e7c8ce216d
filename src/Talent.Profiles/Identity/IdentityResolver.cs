namespace Talent.Profiles.Identity;

/// <summary>
/// Who is who in a set of sources, in memory: every pair that shares a key is weighed
/// (<see cref="IdentityEvidence"/>), the links form connected components, and each component is grouped
/// (<see cref="IdentityGrouper"/>). Storage does the same one component at a time, as sources come and go; this is
/// the whole-set reference it must agree with.
/// </summary>
public static class IdentityResolver
{
    /// <summary>The normalised keys storage indexes to find the sources that may be the same person.</summary>
    public static IReadOnlyList<IdentityKey> KeysOf(ExtractedProfile profile) => SourceIdentity.Of("", profile).Keys();

    /// <summary>The links of <paramref name="source"/> with each of <paramref name="others"/> (the sources sharing a key with it).</summary>
    public static IReadOnlyList<IdentityLink> LinksOf(SourceIdentity source, IEnumerable<SourceIdentity> others)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(others);
        return others.Select(o => IdentityEvidence.Link(source, o)).OfType<IdentityLink>().ToList();
    }

    /// <summary>Groups a whole set of sources into people, with the decisions people made.</summary>
    public static IdentityGrouping Resolve(IReadOnlyList<SourceIdentity> sources, IReadOnlyList<IdentityDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(decisions);
        var byKey = new Dictionary<IdentityKey, List<SourceIdentity>>();
        var links = new HashSet<IdentityLink>();
        foreach (var source in sources)
        {
            var sharing = new HashSet<SourceIdentity>(ReferenceEqualityComparer.Instance);
            foreach (var key in source.Keys())
            {
                if (!byKey.TryGetValue(key, out var holders))
                {
                    byKey[key] = holders = [];
                }

                sharing.UnionWith(holders);
                holders.Add(source);
            }

            links.UnionWith(LinksOf(source, sharing));
        }

        var groups = new List<IdentityGroup>();
        var flagged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in Components(sources, links, decisions))
        {
            var ids = component.Select(s => s.SourceId).ToHashSet(StringComparer.Ordinal);
            var grouping = IdentityGrouper.Group(component, links.Where(l => ids.Contains(l.SourceA)).ToList(), decisions.Where(d => ids.Contains(d.SourceA)).ToList());
            groups.AddRange(grouping.Groups);
            foreach (var (id, reason) in grouping.Flagged)
            {
                flagged[id] = reason;
            }
        }

        return new IdentityGrouping(groups.OrderBy(g => g.SourceIds[0], StringComparer.Ordinal).ToList(), flagged);
    }

    /// <summary>Connected components over links and "together" decisions.</summary>
    private static List<List<SourceIdentity>> Components(IReadOnlyList<SourceIdentity> sources, IEnumerable<IdentityLink> links, IReadOnlyList<IdentityDecision> decisions)
    {
        var byId = sources.ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var edges = links.Select(l => (l.SourceA, l.SourceB)).Concat(decisions.Where(d => d.Together).Select(d => (d.SourceA, d.SourceB)))
            .Where(e => byId.ContainsKey(e.SourceA) && byId.ContainsKey(e.SourceB))
            .SelectMany(e => new[] { (e.SourceA, e.SourceB), (e.SourceB, e.SourceA) })
            .ToLookup(e => e.Item1, e => e.Item2, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<SourceIdentity>>();
        foreach (var start in sources.Select(s => s.SourceId).Order(StringComparer.Ordinal))
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var component = new List<SourceIdentity>();
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var id))
            {
                component.Add(byId[id]);
                foreach (var next in edges[id].Where(seen.Add))
                {
                    queue.Enqueue(next);
                }
            }

            components.Add(component);
        }

        return components;
    }
}
