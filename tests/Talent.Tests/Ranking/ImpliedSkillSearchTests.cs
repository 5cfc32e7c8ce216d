using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Search holds a skill as match does: a candidate has a skill they list, or one a listed skill implies through the skill
/// catalog's <c>parents</c>, transitively. A recruiter filtering on SQL finds the PostgreSQL engineer, on JavaScript the
/// Next.js developer (Next.js → React → JavaScript), and so does a query that names the skill in its words; their cards say
/// through which skill, excluding the skill excludes them too, and someone who holds neither stays out.
/// </summary>
public sealed class ImpliedSkillSearchTests : IDisposable
{
    private const long StatesSql = 1;
    private const long ListsPostgres = 2;
    private const long ListsMongo = 3;
    private const long ListsNext = 4;
    private const long MentionsSql = 5;

    /// <summary>The shipped catalogs, whose PostgreSQL has the parent SQL and Next.js the parent React (whose parent is JavaScript).</summary>
    private static readonly Lazy<ProfileCatalogs> RepositoryCatalogs = new(() => ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private Talent.Search.CandidateIndex Index() => ModelVectors.Index(directory.Path, RepositoryCatalogs.Value, new Dictionary<long, CandidateProfile>
    {
        [StatesSql] = Engineer("Sam States", "Data Analyst", ["SQL", "Excel"]),
        [ListsPostgres] = Engineer("Pia Postgres", "Backend Engineer", ["PostgreSQL", "Go"]),
        [ListsMongo] = Engineer("Mo Mongo", "Backend Engineer", ["MongoDB", "Go"]),
        [ListsNext] = Engineer("Nia Next", "Frontend Engineer", ["Next.js", "Tailwind CSS"]),
        [MentionsSql] = Engineer("Meg Mentions", "SQL Reporting Lead", ["Jira"]) with
        {
            Summary = "Ran the vendor that moved our SQL reports and SQL dashboards to the new warehouse.",
        },
    }, withVectors: false);

    [Fact]
    public void The_skill_filter_finds_who_lists_a_skill_that_implies_it_and_the_card_says_through_which()
    {
        using var index = Index();
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(skills: ["SQL"], size: 10))).Results;
        Assert.Equal([StatesSql, ListsPostgres], hits.Select(h => h.Id).Order());

        var postgres = hits.Single(h => h.Id == ListsPostgres);
        Assert.Contains("has SQL (through PostgreSQL)", postgres.Highlights);
        Assert.DoesNotContain(postgres.Highlights, h => h.Contains("lacks", StringComparison.Ordinal));
        Assert.Equal(["SQL"], postgres.Matches.Skills);
        Assert.Contains(postgres.Skills, s => s.Name == "PostgreSQL" && s.Matched);
        Assert.Contains(postgres.Skills, s => s.Name == "Go" && !s.Matched);
        Assert.Equal(100, postgres.Fit);

        var states = hits.Single(h => h.Id == StatesSql);
        Assert.Contains("has SQL", states.Highlights);
    }

    [Fact]
    public void The_skill_facet_counts_who_the_skill_filter_finds()
    {
        using var index = Index();
        var everyone = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(size: 10))).Facets.Skills;
        foreach (var skill in new[] { "SQL", "JavaScript", "React", "PostgreSQL", "Go" })
        {
            var found = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(skills: [skill], size: 10))).Total;
            Assert.Equal((skill, found), (skill, everyone.Single(f => f.Value == skill).Count));
        }

        Assert.Equal(2, everyone.Single(f => f.Value == "SQL").Count);

        // Within a search too: the engineers' facet counts SQL for the one who holds it through PostgreSQL.
        var engineers = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "backend engineer", size: 10))).Facets.Skills;
        Assert.Equal(1, engineers.Single(f => f.Value == "SQL").Count);
    }

    [Fact]
    public void A_skill_implied_through_two_parents_is_held_and_a_query_filter_reads_it_alike()
    {
        using var index = Index();
        var byOption = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(skills: ["JavaScript"], size: 10))).Results;
        var hit = Assert.Single(byOption);
        Assert.Equal(ListsNext, hit.Id);
        Assert.Contains(hit.Highlights, h => h.StartsWith("has JavaScript (through Next.js", StringComparison.Ordinal));

        var bySyntax = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "skill:JavaScript", size: 10))).Results;
        Assert.Equal([ListsNext], bySyntax.Select(h => h.Id));
    }

    [Fact]
    public void A_query_word_naming_a_skill_finds_who_holds_it_through_another()
    {
        using var index = Index();
        var sql = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "sql", size: 10))).Results;
        // Holding the skill through PostgreSQL comes before naming it in a summary, as listing it does.
        Assert.Equal([StatesSql, ListsPostgres, MentionsSql], sql.Select(h => h.Id).Order());
        Assert.Equal(MentionsSql, sql[^1].Id);
        Assert.Contains("has SQL (through PostgreSQL)", sql.Single(h => h.Id == ListsPostgres).Highlights);
        Assert.Contains("lacks SQL", sql[^1].Highlights);

        var javascript = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "javascript", size: 10))).Results;
        Assert.Equal([ListsNext], javascript.Select(h => h.Id));
    }

    [Fact]
    public void Excluding_a_skill_excludes_who_holds_it_through_another()
    {
        using var index = Index();
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "engineer NOT skill:SQL", size: 10))).Results;
        Assert.Equal([ListsMongo, ListsNext], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void A_skill_the_query_names_counts_as_held_through_a_skill_that_implies_it()
    {
        using var index = Index();
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "backend engineer sql", size: 10))).Results;
        var postgres = hits.Single(h => h.Id == ListsPostgres);
        var mongo = hits.Single(h => h.Id == ListsMongo);
        Assert.Contains("has SQL (through PostgreSQL)", postgres.Highlights);
        Assert.Contains("lacks SQL", mongo.Highlights);
        Assert.True(postgres.Fit > mongo.Fit, $"fits {postgres.Fit} and {mongo.Fit}");
        var order = hits.Select(h => h.Id).ToList();
        Assert.True(order.IndexOf(ListsPostgres) < order.IndexOf(ListsMongo), string.Join(", ", order));
    }

    private static CandidateProfile Engineer(string name, string title, string[] skills) => new()
    {
        Name = name,
        Headline = title,
        Skills = skills,
        Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Title = title, Organization = "Pixel Works", Highlights = ["Built the billing service."] }, [])],
        Organizations = ["Pixel Works"],
    };
}
