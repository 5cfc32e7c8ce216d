using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Profiles.Catalogs;

namespace Talent.Search;

/// <summary>A candidate's skills in the index: by catalog name, with the skills they imply, and the query that finds their holders.</summary>
internal static partial class CandidateDocument
{
    /// <summary>
    /// Candidates who hold <paramref name="skill"/> (a canonical name): who list it, or a skill that implies it through the
    /// catalog's <c>parents</c>, transitively (PostgreSQL for SQL, React for JavaScript). Listing it scores in the first
    /// pass as the one term did before; holding it only through another skill adds no score.
    /// </summary>
    public static Query SkillQuery(ProfileCatalogs catalogs, string skill)
    {
        var stated = new TermQuery(new Term(IndexFields.Skill, KeywordOf(skill)));
        var implying = catalogs.Skills.DescendantsOf(skill);
        if (implying.Count == 0)
        {
            return stated;
        }

        var through = new BooleanQuery(true);
        foreach (var name in implying)
        {
            through.Add(new TermQuery(new Term(IndexFields.Skill, KeywordOf(name))), Occur.SHOULD);
        }

        var held = new BooleanQuery(true);
        held.Add(stated, Occur.SHOULD);
        held.Add(new ConstantScoreQuery(through) { Boost = 0 }, Occur.SHOULD);
        return held;
    }

    /// <summary>
    /// The names of the skills the listed ones imply through the catalog's <c>parents</c> and are not listed themselves, as
    /// skill text: "javascript" finds a React developer, as <c>skill:JavaScript</c> does (<see cref="SkillQuery"/>). Returns them.
    /// </summary>
    private static List<string> AddImpliedSkills(Document doc, ProfileCatalogs catalogs, List<(string Name, IReadOnlyList<string>? Synonyms)> skills)
    {
        var listed = skills.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var implied = skills.SelectMany(s => catalogs.Skills.AncestorsOf(s.Name)).Distinct(StringComparer.Ordinal).Where(a => !listed.Contains(a)).ToList();
        foreach (var name in implied)
        {
            AddText(doc, IndexFields.SkillsText, name);
        }

        return implied;
    }

    /// <summary>
    /// A candidate's skills by catalog name, with their synonyms: an item the catalog knows as a whole by its name; any
    /// other as written, followed by the catalog skills it names ("REST APIs" is REST, "AWS CloudWatch" AWS, "Angular 2+"
    /// Angular), so the skill filter, a card's "has" and a match's required skills count what a skills list says in more
    /// words. A name that is also a word counts only beside a version (<see cref="OnlyVersionBeside"/>).
    /// </summary>
    internal static IEnumerable<(string Name, IReadOnlyList<string>? Synonyms)> CatalogSkills(IEnumerable<string> skills, SkillCatalog catalog)
    {
        foreach (var skill in skills)
        {
            if (catalog.Find(skill) is { } known)
            {
                yield return (known.Name, known.Synonyms);
                continue;
            }

            yield return (skill.Trim(), null);
            foreach (var named in catalog.FindInList(skill).Where(n => !SkillCatalog.IsAmbiguous(n) || OnlyVersionBeside(skill, n)))
            {
                yield return (named, catalog.Find(named)?.Synonyms);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="item"/> is <paramref name="name"/> and a version at most ("Angular 2+"): a name that is
    /// also a word counts inside an item only then ("Go-to-market strategy" names no Go).
    /// </summary>
    private static bool OnlyVersionBeside(string item, string name)
    {
        var key = CatalogKey.Of(item);
        var nameKey = CatalogKey.Of(name);
        var at = (" " + key + " ").IndexOf(" " + nameKey + " ", StringComparison.Ordinal);
        return at >= 0 && !key.Remove(at, nameKey.Length).Any(char.IsLetter);
    }
}
