using Lucene.Net.Analysis.TokenAttributes;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search.Recruiting;
using Talent.Tests.Ranking;

namespace Talent.Tests.Search;

/// <summary>
/// People write "front end", "front-end" and "frontend": the words of <c>config/compounds.json</c> are one term to the
/// index and to queries however they are written, and a compound is not its neighbour ("backend" is not "frontend").
/// </summary>
public sealed class CompoundWordTests : IDisposable
{
    private static readonly Lazy<ProfileCatalogs> RepositoryCatalogs = new(() => ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("Front-End Developer", "frontend@0 develop@1")]
    [InlineData("front end developer", "frontend@0 develop@1")]
    [InlineData("Frontend developers", "frontend@0 develop@1")]
    [InlineData("pre-trained models, pre training and pretraining", "pretrain@0 model@1 pretrain@2 pretrain@4")]
    [InlineData("the front of the end", "front@1 end@4")]
    [InlineData("front door, back end", "front@0 door@1 backend@2")]
    [InlineData("up front", "up@0 front@1")]
    [InlineData("front front end", "front@0 frontend@1")]
    public void Every_spelling_of_a_compound_is_one_term_at_its_first_words_place(string text, string expected) =>
        Assert.Equal(expected, Terms(text));

    [Theory]
    [InlineData("front end developer", "frontend developer")]
    [InlineData("Senior Front End", "Senior FrontEnd")]
    [InlineData("\"front end\" front end", "\"front end\" frontend")]
    [InlineData("title:front end", "title:front end")]
    [InlineData("front AND end", "front AND end")]
    [InlineData("front  end", "front  end")]
    [InlineData("back end front end", "backend frontend")]
    public void A_query_writes_together_the_compounds_it_writes_apart_outside_quotes(string query, string expected)
    {
        using var analyzer = new FoldingAnalyzer(RepositoryCatalogs.Value.Compounds);
        Assert.Equal(expected, analyzer.JoinCompounds(query));
    }

    [Fact]
    public void Every_compound_of_the_shipped_catalog_is_two_words_apart_and_one_together()
    {
        var compounds = RepositoryCatalogs.Value.Compounds;
        Assert.Contains("front end", compounds);
        using var analyzer = new FoldingAnalyzer(compounds);
        Assert.All(compounds, c => Assert.Equal(Terms(analyzer, c.Replace(" ", "", StringComparison.Ordinal)), Terms(analyzer, c)));
    }

    [Fact]
    public void A_compound_with_a_stop_word_is_refused_with_a_line_naming_it()
    {
        var refused = Assert.Throws<CatalogException>(() => new FoldingAnalyzer(["on premise"]));
        Assert.Contains("\"on premise\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_entry_of_other_than_two_words_is_refused_with_a_line_naming_it()
    {
        using var folder = new TempDirectory();
        TestPaths.CopyCatalogs(folder.Path, except: "compounds.json");
        File.WriteAllText(Path.Combine(folder.Path, "compounds.json"), """{ "compounds": ["front end", "state of the art"] }""");

        var refused = Assert.Throws<CatalogException>(() => ProfileCatalogs.Load(folder.Path));

        Assert.Contains("compounds.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"state of the art\"", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frontend developer")]
    [InlineData("front-end developer")]
    [InlineData("front end developer")]
    [InlineData("front end")]
    public void A_search_for_a_frontend_developer_finds_every_spelling_first_and_the_backend_developer_after(string query)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [1] = Developer("Ana Apart", "Front End Developer"),
            [2] = Developer("Hal Hyphen", "Front-End Developer"),
            [3] = Developer("Tom Together", "Frontend Developer"),
            [4] = Developer("Ben Backend", "Backend Developer"),
        };
        using var index = ModelVectors.Index(directory.Path, RepositoryCatalogs.Value, profiles, withVectors: false);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results;
        Assert.Equal([1L, 2L, 3L], hits.Take(3).Select(h => h.Id).Order());
        Assert.All(hits.Take(3), h => Assert.Equal(100, h.Fit));
        Assert.True(hits.Count == 3 || (hits[3].Id == 4 && hits[3].Fit < 100), string.Join(", ", hits.Select(h => $"{h.Id} {h.Fit}")));
    }

    private static CandidateProfile Developer(string name, string title) => new()
    {
        Name = name,
        Headline = title,
        Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Title = title, Organization = "Pixel Works" }, [])],
        Organizations = ["Pixel Works"],
    };

    private static string Terms(string text)
    {
        using var analyzer = new FoldingAnalyzer(RepositoryCatalogs.Value.Compounds);
        return Terms(analyzer, text);
    }

    private static string Terms(FoldingAnalyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var terms = new List<string>();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add($"{term}@{position}");
        }

        stream.End();
        return string.Join(" ", terms);
    }
}
