using Talent.Profiles.Catalogs;

namespace Talent.Search.Matching;

/// <summary>
/// The required skills of a description split into those a candidate has and those missing. A candidate has a
/// skill they list, and one their skills imply through the catalog's parents: an engineer who lists PostgreSQL has
/// SQL, shown as "SQL (through PostgreSQL)".
/// </summary>
/// <param name="Names">Canonical names of the skills present.</param>
/// <param name="Present">The skills present as the fit shows them: the name, and the candidate's skills that imply it when not listed.</param>
/// <param name="Missing">Canonical names of the skills missing ("Go or Python" for alternatives none of which is present).</param>
/// <param name="Met">Requirements met: a group of alternatives counts once, however many of it the candidate has.</param>
/// <param name="Requirements">Requirements asked for, a group of alternatives counting once.</param>
internal sealed record SkillCredit(IReadOnlyList<string> Names, IReadOnlyList<string> Present, IReadOnlyList<string> Missing, int Met, int Requirements)
{
    /// <summary>The credit for <paramref name="wanted"/>, where any one skill of each of <paramref name="alternatives"/> meets its requirement.</summary>
    public static SkillCredit Of(IReadOnlyCollection<string> wanted, IReadOnlyList<string> held, SkillCatalog catalog, IReadOnlyList<IReadOnlyList<string>>? alternatives = null)
    {
        var credit = Credit(wanted, held, catalog);
        var missing = credit.Missing.ToList();
        var (met, requirements) = (credit.Names.Count, wanted.Count);
        foreach (var group in (alternatives ?? []).Where(g => g.All(wanted.Contains)))
        {
            var had = group.Count(credit.Names.Contains);
            requirements -= group.Count - 1;
            met -= Math.Max(0, had - 1);
            missing.RemoveAll(group.Contains);
            if (had == 0)
            {
                missing.Add(string.Join(" or ", group));
            }
        }

        return credit with { Missing = missing, Met = met, Requirements = requirements };
    }

    private static SkillCredit Credit(IEnumerable<string> wanted, IReadOnlyList<string> held, SkillCatalog catalog)
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

            var through = catalog.Implying(held, skill).Order(StringComparer.Ordinal).ToList();
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

        return new SkillCredit(names, present, missing, names.Count, names.Count + missing.Count);
    }
}
