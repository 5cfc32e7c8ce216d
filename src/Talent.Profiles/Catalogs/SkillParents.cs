namespace Talent.Profiles.Catalogs;

/// <summary>
/// The catalog's implication relations (<c>parents</c> in <c>skills.json</c>): who uses a skill has its parents
/// ("PostgreSQL" → "SQL", "Next.js" → "React" → "JavaScript"). Validated once: a parent must be a catalog skill and
/// no skill may be, through its parents, its own parent.
/// </summary>
internal sealed class SkillParents
{
    private readonly Dictionary<string, IReadOnlyList<string>> ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> descendants = new(StringComparer.Ordinal);

    /// <param name="skills">The catalog's skills.</param>
    /// <param name="canonical">A skill name or synonym to its canonical name, null when not in the catalog.</param>
    public SkillParents(IReadOnlyList<SkillInfo> skills, Func<string, string?> canonical)
    {
        var parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            foreach (var parent in skill.Parents ?? [])
            {
                var name = canonical(parent)
                    ?? throw new CatalogException($"skills: '{skill.Name}' has parent '{parent}', which is not a skill of the catalog");
                var list = parents.TryGetValue(skill.Name, out var known) ? known : parents[skill.Name] = [];
                if (!list.Contains(name, StringComparer.Ordinal))
                {
                    list.Add(name);
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in parents.Keys)
        {
            Visit(skill, parents, [], done);
        }

        foreach (var (skill, above) in ancestors)
        {
            foreach (var ancestor in above)
            {
                var below = descendants.TryGetValue(ancestor, out var list) ? (List<string>)list : [];
                below.Add(skill);
                descendants[ancestor] = below;
            }
        }
    }

    /// <summary>The skills <paramref name="skill"/> implies, nearest first (its parents, then theirs); empty when none.</summary>
    public IReadOnlyList<string> AncestorsOf(string skill) => ancestors.GetValueOrDefault(skill) ?? [];

    /// <summary>The skills that imply <paramref name="skill"/>, directly or through others; empty when none.</summary>
    public IReadOnlyList<string> DescendantsOf(string skill) => descendants.GetValueOrDefault(skill) ?? [];

    private IReadOnlyList<string> Visit(string skill, Dictionary<string, List<string>> parents, List<string> path, HashSet<string> done)
    {
        if (done.Contains(skill))
        {
            return AncestorsOf(skill);
        }

        if (path.Contains(skill, StringComparer.Ordinal))
        {
            var cycle = path.Skip(path.IndexOf(skill)).Append(skill);
            throw new CatalogException($"skills: parents form a cycle: {string.Join(" → ", cycle)}");
        }

        path.Add(skill);
        var found = new List<string>();
        var direct = parents.GetValueOrDefault(skill) ?? [];
        found.AddRange(direct);
        foreach (var parent in direct)
        {
            found.AddRange(Visit(parent, parents, path, done));
        }

        path.RemoveAt(path.Count - 1);
        done.Add(skill);
        var distinct = found.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0)
        {
            ancestors[skill] = distinct;
        }

        return distinct;
    }
}
