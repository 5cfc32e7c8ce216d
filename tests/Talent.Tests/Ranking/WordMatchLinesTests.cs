using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A result found by the query's words says where they were, also when no paper holds them: in a topic's or a skill's
/// other name (the index finds a holder of "security" by "computer security"), in a research interest, in a degree's
/// subject. A card without such a line leaves a recruiter guessing why the person is there.
/// </summary>
public sealed class WordMatchLinesTests : IDisposable
{
    private const long Topics = 1;
    private const long Interests = 2;
    private const long Degree = 3;
    private const long Skills = 4;
    private const long Related = 5;

    private static readonly ProfileCatalogs Catalogs = new(
        SearchTestCorpus.Catalogs.Venues,
        new SkillCatalog([new SkillInfo("Apache Kafka", "tool", ["Kafka"]), new SkillInfo("Terraform", "tool", ["infrastructure as code"])]),
        new TopicCatalog(
        [
            new TopicInfo("security", ["computer security", "information security"], null),
            new TopicInfo("robotics", null, null),
            new TopicInfo("video generation", null, ["diffusion model"]),
        ]));

    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [Topics] = new() { Name = "Tess Topics", Topics = ["robotics", "security"] },
        [Interests] = new() { Name = "Ines Interests", Interests = ["Numerical weather prediction", "GPU kernels for climate models on exascale machines and the software that runs them"] },
        [Degree] = new()
        {
            Name = "Dan Degree",
            Education = [new Sourced<EducationEntry>(new EducationEntry { Institution = "Tufts University", Degree = "B.S.", Field = "Computer Science", End = "2019" }, [])],
        },
        [Skills] = new() { Name = "Sid Skills", Skills = ["Apache Kafka", "Terraform"] },
        [Related] = new()
        {
            Name = "Rae Related",
            Topics = ["video generation"],
            Publications = [SearchTestCorpus.Paper("Sampling a Diffusion Model in Fewer Steps", "ICLR", 2024, 1)],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("computer graphics", Topics, "topics: security (“computer security”)")]
    [InlineData("climate software", Interests, "interests: GPU kernels for climate models on exascale machines and the software that runs…")]
    [InlineData("computer", Degree, "studied Computer Science")]
    [InlineData("computer tufts", Degree, "studied Computer Science at Tufts University")]
    [InlineData("infrastructure automation", Skills, "skills: Terraform (“infrastructure as code”)")]
    [InlineData("diffusion model", Related, "topics: video generation (related to “diffusion model”)")]
    public void A_word_match_outside_papers_names_where_the_word_is(string query, long id, string line)
    {
        using var index = ModelVectors.Index(directory.Path, Catalogs, Profiles, withVectors: false);
        var results = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results;
        var hit = Assert.Single(results, r => r.Id == id);
        Assert.Contains(line, hit.Highlights);
    }

    [Fact]
    public void A_topic_the_query_names_is_not_listed_again_as_a_word_match()
    {
        using var index = ModelVectors.Index(directory.Path, Catalogs, Profiles, withVectors: false);
        var hit = Assert.Single(SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "computer security", size: 10))).Results, r => r.Id == Topics);
        Assert.DoesNotContain(hit.Highlights, h => h.StartsWith("topics:", StringComparison.Ordinal));
    }
}
