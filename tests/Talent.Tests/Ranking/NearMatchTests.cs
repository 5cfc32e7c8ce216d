using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A short query needs every word, and when fewer than a hundred candidates hold them all, the candidates with a text
/// holding most of the query (half of its weight, its words weighted by rarity) follow them, marked as near matches:
/// of "intelligent agents" the author of a paper on agents, not everyone who wrote "intelligent" once. A pool with a
/// hundred exact hits lists no near match.
/// </summary>
public sealed class NearMatchTests : IDisposable
{
    private const long Exact = 1;
    private const long Near = 2;
    private const long CommonWordOnly = 3;

    private static readonly string[] CommonWordTitles =
    [
        "Intelligent Transportation Systems", "Intelligent Tutoring for Algebra", "Intelligent Sensing in Greenhouses",
        "Intelligent Lighting Control", "Intelligent Fault Detection in Power Grids", "Intelligent Caching at the Edge",
    ];

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Candidates_holding_most_of_a_short_query_follow_those_holding_every_word(bool withVectors)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Exact] = Person("Ivy Exact", "Intelligent Agents for Automated Negotiation"),
            [Near] = Person("Nia Near", "Learning Agents that Cooperate in Markets"),
        };
        for (var i = 0; i < CommonWordTitles.Length; i++)
        {
            profiles[CommonWordOnly + i] = Person($"Cal Common{i}", CommonWordTitles[i]);
        }

        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        var response = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "intelligent agents", size: 10)));
        Assert.Equal([Exact, Near], response.Results.Select(r => r.Id));
        Assert.Equal(2, response.Total);
        Assert.Equal(1, response.NearMatches);
        Assert.Null(response.Results[0].NearMatch);
        Assert.True(response.Results[1].NearMatch);
        Assert.NotEmpty(response.Results[1].Evidence);
    }

    [Fact]
    public void A_hundred_candidates_holding_every_word_leave_no_room_for_near_matches()
    {
        var profiles = Enumerable.Range(1, 100).ToDictionary(i => (long)i, i => Person($"Ada Exact{i}", $"Intelligent Agents, Part {i}"));
        profiles[Near + 1000] = Person("Nia Near", "Learning Agents that Cooperate in Markets");
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);
        var response = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "intelligent agents", size: 100)));
        Assert.Equal(100, response.Total);
        Assert.Equal(0, response.NearMatches);
        Assert.DoesNotContain(Near + 1000, response.Results.Select(r => r.Id));
    }

    private static CandidateProfile Person(string name, string title) =>
        new() { Name = name, Publications = [SearchTestCorpus.Paper(title, "AAMAS", 2024, 1)] };
}
