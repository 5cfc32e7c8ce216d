using Talent.Profiles.Catalogs;

namespace Talent.Search.Matching;

/// <summary>
/// The required skills of a description split into those a candidate has and those missing. A candidate has a
/// skill they list, and one their skills imply through the catalog's parents: an engineer who lists PostgreSQL has
/// SQL, shown as "SQL (through PostgreSQL)".
/// </summary>
/// <param name="Names">Canonical names of the skills present.</param>
/// <param name="Present">The skills present as the fit shows them: the name, and the candidate's skills that imply it when not listed.</param>
/// <param name="Missing">Canonical names of the skills missing.</param>
internal sealed record SkillCredit(IReadOnlyList<string> Names, IReadOnlyList<string> Present, IReadOnlyList<string> Missing)
{
    public static SkillCredit Of(IEnumerable<string> wanted, IReadOnlyList<string> held, SkillCatalog catalog)
    {
        var listed = held.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var present = new List<string>();
        var missing = new List<string>();
        foreach (var skill in wanted.Order(StringComparer.Ordinal))
        {
            if (listed.Contains(skill))
            {
                names.Add(skill);
                present.Add(skill);
                continue;
            }

            var through = held.Where(h => catalog.AncestorsOf(h).Contains(skill, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (through.Count > 0)
            {
                names.Add(skill);
                present.Add($"{skill} (through {string.Join(", ", through)})");
            }
            else
            {
                missing.Add(skill);
            }
        }

        return new SkillCredit(names, present, missing);
    }
}
