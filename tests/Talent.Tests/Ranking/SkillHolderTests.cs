using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A query that names a catalog skill asks for people who have it: the candidate who lists it comes before one whose
/// role mentions it in passing, as their cards say ("has CUDA", "lacks CUDA"), while the author of papers on it still
/// comes before both. The fit counts a skill the query names once, whichever of its names the query uses: held, or half
/// when the candidate names it without listing it. A query names skills as a list does, so "spark" in a query is Apache Spark.
/// </summary>
public sealed class SkillHolderTests : IDisposable
{
    private const long Lists = 1;
    private const long Mentions = 2;
    private const long Writes = 3;

    /// <summary>The shipped catalogs, whose Go has the synonym Golang.</summary>
    private static readonly Lazy<ProfileCatalogs> RepositoryCatalogs = new(() => ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_candidate_who_lists_a_skill_comes_before_one_whose_role_mentions_it(bool withVectors)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Lists] = Engineer("Lea Lists", "Graphics Engineer", "Wrote the image filters of the photo editor.", ["CUDA", "C++"]),
            [Mentions] = Engineer("Max Mentions", "Project Manager", "Managed the vendor that ported our renderer to CUDA for the GPU release.", ["Jira"]),
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "cuda", size: 10))).Results;
        Assert.Equal([Lists, Mentions], hits.Select(h => h.Id));
        Assert.Equal([100, 50], hits.Select(h => h.Fit)); // Max does not list the skill the query names; his role names it: half
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_author_of_papers_on_a_skill_still_comes_first(bool withVectors)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Lists] = Engineer("Lea Lists", "Graphics Engineer", "Wrote the image filters of the photo editor.", ["CUDA", "C++"]),
            [Writes] = new()
            {
                Name = "Wu Writes",
                Publications =
                [
                    SearchTestCorpus.Paper("Warp-Level Scheduling of CUDA Kernels", "PPoPP", 2024, 1),
                    SearchTestCorpus.Paper("Fusing CUDA Kernels across Graph Boundaries", "MLSys", 2023, 1),
                    SearchTestCorpus.Paper("Profiling CUDA Memory Traffic at Scale", "PPoPP", 2022, 1),
                ],
            },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "cuda", size: 10))).Results;
        Assert.Equal([Writes, Lists], hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("golang", 100)]
    [InlineData("Go", 100)]
    [InlineData("golang developer", 100)]
    [InlineData("bioinformatics golang", 50)]
    public void A_skill_the_query_names_counts_once_in_the_fit_by_any_of_its_names(string query, int fit)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Lists] = Engineer("Lea Lists", "Backend Developer", "Wrote the billing service.", ["Go", "PostgreSQL"]),
        };
        using var index = ModelVectors.Index(directory.Path, RepositoryCatalogs.Value, profiles, withVectors: false);
        var hit = Assert.Single(SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results);
        Assert.Equal(fit, hit.Fit);
    }

    [Fact]
    public void A_skill_the_query_names_counts_half_for_someone_who_names_it_but_does_not_list_it()
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Lists] = Engineer("Lea Lists", "Backend Developer", "Wrote the billing service.", ["Go"]),
            [Mentions] = Engineer("Max Mentions", "Software Engineer", "Kept the shop's servers running.", []) with
            {
                Summary = "I sometimes switch gears to Golang for static typing and compile time checks.",
            },
            [Writes] = Engineer("Wu Writes", "Software Engineer", "Kept the shop's servers running.", ["Python"]),
        };
        using var index = ModelVectors.Index(directory.Path, RepositoryCatalogs.Value, profiles, withVectors: false);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "golang", size: 10))).Results;
        Assert.Equal([(Lists, 100), (Mentions, 50)], hits.Select(h => (h.Id, h.Fit ?? -1)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_query_names_a_skill_that_is_also_an_ordinary_word_as_a_skill_list_does(bool withVectors)
    {
        // A job ad's prose says "spark" and "go" as words; a query lists what is wanted, as a CV's skill section does.
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Lists] = Engineer("Hana Holder", "Data Engineer", "Built the nightly batch jobs.", ["Apache Spark", "SQL"]),
            [Mentions] = Engineer("Pete Passing", "Data Engineer", "Gave the talk that was the spark for the move to one warehouse.", ["SQL"]),
        };
        using var index = ModelVectors.Index(directory.Path, RepositoryCatalogs.Value, profiles, withVectors);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "data engineer spark", size: 10))).Results;
        Assert.Equal([Lists, Mentions], hits.Select(h => h.Id));
        Assert.Contains("has Apache Spark", hits[0].Highlights);
        Assert.Contains("lacks Apache Spark", hits[1].Highlights);
        Assert.True(hits[0].Fit > hits[1].Fit, $"fits {hits[0].Fit} and {hits[1].Fit}");
    }

    private static CandidateProfile Engineer(string name, string title, string highlight, string[] skills) => new()
    {
        Name = name,
        Headline = title,
        Skills = skills,
        Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Title = title, Organization = "Pixel Works", Highlights = [highlight] }, [])],
        Organizations = ["Pixel Works"],
    };
}
