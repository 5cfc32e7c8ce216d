using System.Globalization;

namespace Talent.Profiles.Identity;

/// <summary>
/// Groups one connected component of sources into people, as a function of the sources, their links and the
/// decisions people made, never of the order anything arrived in. A person's "together" joins first and a person's
/// "apart" blocks everything; a source whose strong keys (or, nameless, its best title links) reach people with
/// different names is a hub (a lab page, a member list) and links nobody; then links join from strongest to weakest
/// (ties broken by source ids) unless any two sources of the two groups conflict.
/// </summary>
public static class IdentityGrouper
{
    public static IdentityGrouping Group(IReadOnlyList<SourceIdentity> sources, IReadOnlyList<IdentityLink> links, IReadOnlyList<IdentityDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(decisions);
        var state = new State(sources);
        var present = links.Where(l => state.Has(l.SourceA) && state.Has(l.SourceB)).ToList();
        var made = decisions.Where(d => state.Has(d.SourceA) && state.Has(d.SourceB)).ToList();
        foreach (var apart in made.Where(d => !d.Together))
        {
            state.Apart.Add((Min(apart.SourceA, apart.SourceB), Max(apart.SourceA, apart.SourceB)));
        }

        foreach (var together in made.Where(d => d.Together).OrderBy(d => d.SourceA, StringComparer.Ordinal).ThenBy(d => d.SourceB, StringComparer.Ordinal))
        {
            state.Join(IdentityLink.Between(together.SourceA, together.SourceB, LinkStrength.Manual, 0, $"decided by {together.DecidedBy}"), manual: true);
        }

        var usable = Usable(state, present);
        foreach (var link in usable.OrderByDescending(l => l.Strength).ThenByDescending(l => l.Weight)
                     .ThenBy(l => l.SourceA, StringComparer.Ordinal).ThenBy(l => l.SourceB, StringComparer.Ordinal))
        {
            state.Join(link, manual: false);
        }

        return state.Result();
    }

    /// <summary>The links left once hubs are flagged and every nameless source keeps only its best title links.</summary>
    private static List<IdentityLink> Usable(State state, List<IdentityLink> links)
    {
        var bySource = links.SelectMany(l => new[] { (Id: l.SourceA, Link: l), (Id: l.SourceB, Link: l) })
            .ToLookup(x => x.Id, x => x.Link, StringComparer.Ordinal);
        var dropped = new HashSet<IdentityLink>();
        foreach (var source in state.Sources.Values)
        {
            var mine = bySource[source.SourceId].ToList();
            if (source.Name is null && mine.Where(l => l.Strength == LinkStrength.Publications).ToList() is { Count: > 1 } titled)
            {
                // A nameless publication list belongs with whom it shares most titles, not with every co-author.
                var best = titled.Max(l => l.Weight);
                dropped.UnionWith(titled.Where(l => l.Weight < best));
            }

            var reaching = mine.Where(l => !dropped.Contains(l) && (l.Strength == LinkStrength.Strong || (source.Name is null && l.Strength == LinkStrength.Publications)))
                .Select(l => state.Sources[l.Other(source.SourceId)]).ToList();
            if (FirstConflict(state, source, reaching) is { } conflict)
            {
                state.Flagged[source.SourceId] = string.Create(CultureInfo.InvariantCulture,
                    $"links {reaching.Count} sources of people who cannot be one ({conflict}): linked to none, for review");
                dropped.UnionWith(mine);
            }
        }

        return links.Where(l => !dropped.Contains(l)).ToList();
    }

    /// <summary>
    /// The conflict between two sources that different keys of <paramref name="source"/> reach (one address reaching
    /// one person, another address another), or null. Two sources that one and the same key reaches do not make the
    /// source a hub: the key is its own, and the conflict is between the other two.
    /// </summary>
    private static string? FirstConflict(State state, SourceIdentity source, List<SourceIdentity> reached)
    {
        var keys = reached.Select(r => IdentityEvidence.SharedKeys(source, r)).ToList();
        for (var i = 0; i < reached.Count; i++)
        {
            for (var j = i + 1; j < reached.Count; j++)
            {
                if (!keys[i].Overlaps(keys[j]) && state.Conflict(reached[i], reached[j]) is { } conflict)
                {
                    return conflict;
                }
            }
        }

        return null;
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? b : a;

    private const string DifferentNames = "different names";

    private sealed class State
    {
        private readonly Dictionary<string, List<string>> groupOf = new(StringComparer.Ordinal);
        private readonly Dictionary<List<string>, List<IdentityLink>> linksOf = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(string, string), string?> conflicts = [];

        public State(IReadOnlyList<SourceIdentity> sources)
        {
            Sources = sources.ToDictionary(s => s.SourceId, StringComparer.Ordinal);
            foreach (var id in Sources.Keys)
            {
                var group = new List<string> { id };
                groupOf[id] = group;
                linksOf[group] = [];
            }
        }

        public Dictionary<string, SourceIdentity> Sources { get; }

        public HashSet<(string, string)> Apart { get; } = [];

        public Dictionary<string, string> Flagged { get; } = new(StringComparer.Ordinal);

        public bool Has(string sourceId) => Sources.ContainsKey(sourceId);

        public string? Conflict(SourceIdentity a, SourceIdentity b)
        {
            var key = (Min(a.SourceId, b.SourceId), Max(a.SourceId, b.SourceId));
            if (!conflicts.TryGetValue(key, out var conflict))
            {
                conflict = Apart.Contains(key) ? "a person decided apart" : IdentityEvidence.Conflict(a, b);
                conflicts[key] = conflict;
            }

            return conflict;
        }

        public void Join(IdentityLink link, bool manual)
        {
            var one = groupOf[link.SourceA];
            var other = groupOf[link.SourceB];
            if (ReferenceEquals(one, other) || Blocked(one, other, manual))
            {
                return;
            }

            var (into, from) = one.Count >= other.Count ? (one, other) : (other, one);
            into.AddRange(from);
            linksOf[into].AddRange(linksOf[from]);
            linksOf[into].Add(link);
            linksOf.Remove(from);
            foreach (var id in from)
            {
                groupOf[id] = into;
            }
        }

        public IdentityGrouping Result()
        {
            var groups = linksOf.Select(g => new IdentityGroup(
                    g.Key.Order(StringComparer.Ordinal).ToList(),
                    g.Value.OrderBy(l => l.SourceA, StringComparer.Ordinal).ThenBy(l => l.SourceB, StringComparer.Ordinal).ToList()))
                .OrderBy(g => g.SourceIds[0], StringComparer.Ordinal)
                .ToList();
            return new IdentityGrouping(groups, Flagged);
        }

        /// <summary>A person's "apart" blocks every join; a conflict blocks the rules' joins, unless the two share a strong key themselves.</summary>
        private bool Blocked(List<string> one, List<string> other, bool manual)
        {
            foreach (var x in one)
            {
                foreach (var y in other)
                {
                    var key = (Min(x, y), Max(x, y));
                    if (Apart.Contains(key))
                    {
                        return true;
                    }

                    if (!manual && Conflict(Sources[x], Sources[y]) is { } conflict
                        && !(conflict == DifferentNames && IdentityEvidence.ShareStrongKey(Sources[x], Sources[y])))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
