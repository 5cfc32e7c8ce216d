using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Search.Matching;
using Talent.Search.Ranking;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A person's summary is their own account of their work, and counts as their own words: someone whose summary says
/// they research machine learning comes before the author of compiler papers whose abstracts say "virtual machine" or,
/// once, "learning", and their summary's words are read for the body of work, not only for the first pass; match
/// finds a candidate whose summary alone says what they do.
/// </summary>
public sealed class OwnSummaryTests : IDisposable
{
    private const long SaysSo = 1;
    private const long SharesAWord = 2;

    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [SaysSo] = new CandidateProfile
        {
            Name = "Ada Summary",
            Headline = "Junior Professor of Computer Science",
            Summary = "My research is focused on machine learning, decision-making and artificial intelligence in games. "
                + "I am fascinated by how agents learn from few examples and how models can explain their decisions.",
        },
        [SharesAWord] = new CandidateProfile
        {
            Name = "Ben Compilers",
            Publications =
            [
                Paper("Amalgamating Trace and Method Compilation", "We extend the meta-tracing virtual machine of a dynamic language so it compiles whole methods as well as traces."),
                Paper("A Stack for Hybrid Just-in-Time Compilation", "The virtual machine keeps one stack for interpreted and compiled frames, which halves the work of a debugger."),
                Paper("Deoptimisation without Guards", "Guards are replaced by code patching, learning from the assumptions that broke before."),
            ],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_summary_that_names_the_subject_comes_before_papers_that_share_one_of_its_words()
    {
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors: true);
        var ids = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "machine learning", size: 10))).Results.Select(r => r.Id).ToList();
        Assert.Equal([SaysSo, SharesAWord], ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_fit_counts_the_words_the_closest_paper_holds(bool withVectors)
    {
        // Ben's titles hold neither word; his closest abstract holds one of the two.
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "machine learning", size: 10))).Results;
        Assert.Equal((100, "Strong"), hits.Where(h => h.Id == SaysSo).Select(h => (h.Fit, h.FitLabel)).Single());
        Assert.Equal((50, "Partial"), hits.Where(h => h.Id == SharesAWord).Select(h => (h.Fit, h.FitLabel)).Single());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Match_finds_a_candidate_whose_summary_alone_describes_the_work(bool withVectors)
    {
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors);
        var response = index.Match(new MatchRequest { Text = "A research engineer in machine learning for decision-making in games.", Top = 10 });
        Assert.Equal(SaysSo, response.Results[0].Id);
    }

    [Fact]
    public void The_summary_is_part_of_a_candidates_own_words()
    {
        var own = OwnText.Of(Profiles[SaysSo]);
        Assert.StartsWith("Junior Professor of Computer Science\nMy research is focused on machine learning", own, StringComparison.Ordinal);
    }

    private static MergedPublication Paper(string title, string abstractText) =>
        new(new Publication { Title = title, Abstract = abstractText, Year = 2020, Kind = PublicationKind.Conference, AuthorPosition = 1, FirstAuthor = true }, []);
}
