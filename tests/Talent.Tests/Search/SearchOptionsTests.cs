using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Server;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>Ranking weights come from <c>Talent:Search</c>; the file's values are the code's defaults.</summary>
public sealed class SearchOptionsTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_shipped_appsettings_file_holds_the_default_weights()
    {
        var configuration = new ConfigurationManager();
        TalentApplication.AddTalentConfiguration(configuration, "Tests", null);
        var bound = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>();
        var defaults = new SearchOptions();

        Assert.NotNull(bound);
        Assert.Equal(defaults.FieldBoosts.OrderBy(p => p.Key, StringComparer.Ordinal), bound.FieldBoosts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(
            (defaults.PhraseBoost, defaults.PhraseSlop, defaults.CatalogTopicBoost, defaults.CatalogSkillBoost, defaults.RelatedTopicBoost, defaults.FilterTextBoost, defaults.FirstAuthorVenueBoost),
            (bound.PhraseBoost, bound.PhraseSlop, bound.CatalogTopicBoost, bound.CatalogSkillBoost, bound.RelatedTopicBoost, bound.FilterTextBoost, bound.FirstAuthorVenueBoost));
        Assert.Equal(defaults.Match, bound.Match);
        Assert.Equal(defaults.Semantic, bound.Semantic);
        Assert.Equal(defaults.VenueTierWeights.OrderBy(p => p.Key, StringComparer.Ordinal), bound.VenueTierWeights.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(
            (defaults.VenueRecencyBoost, defaults.VenueRecencyHalfLifeYears, defaults.VenueRecencyWindowYears),
            (bound.VenueRecencyBoost, bound.VenueRecencyHalfLifeYears, bound.VenueRecencyWindowYears));
        Assert.Empty(defaults.Validate(new(defaults)));
    }

    [Theory]
    [InlineData("Talent:Search:PhraseBoost", "-1", "PhraseBoost must be a number of at least 0")]
    [InlineData("Talent:Search:FieldBoosts:titles", "NaN", "FieldBoosts:titles must be a number of at least 0")]
    [InlineData("Talent:Search:FieldBoosts:title", "2", "FieldBoosts: unknown field 'title'")]
    [InlineData("Talent:Search:VenueTierWeights:A*", "-0.5", "VenueTierWeights:A* must be a number of at least 0")]
    [InlineData("Talent:Search:VenueRecencyHalfLifeYears", "0", "VenueRecencyHalfLifeYears must be more than 0")]
    [InlineData("Talent:Search:VenueRecencyWindowYears", "0", "VenueRecencyWindowYears must be between 1 and 100")]
    [InlineData("Talent:Search:PhraseSlop", "-2", "PhraseSlop must be at least 0")]
    [InlineData("Talent:Search:Semantic", "1.5", "Semantic must be between 0 and 1, not 1.5")]
    [InlineData("Talent:Search:Semantic", "-0.1", "Semantic must be between 0 and 1, not -0.1")]
    [InlineData("Talent:Search:Match:ClosestTexts", "0", "Match:ClosestTexts must be at least 1, not 0")]
    [InlineData("Talent:Search:Match:Softness", "-0.05", "Match:Softness must be a number of at least 0, not -0.05")]
    [InlineData("Talent:Search:Match:Semantic", "1.2", "Match:Semantic must be between 0 and 1, not 1.2")]
    [InlineData("Talent:Search:Match:Power", "0", "Match:Power must be more than 0, not 0")]
    [InlineData("Talent:Search:Match:TopPapers", "-3", "Match:TopPapers must be at least 1, not -3")]
    public void A_weight_out_of_range_is_named(string key, string value, string message)
    {
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { [key] = value })
            .Build()
            .GetSection(SearchOptions.Section).Get<SearchOptions>()!; // the section is set just above
        var failure = Assert.Single(options.Validate(new(options)));
        Assert.StartsWith(message, failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_field_boost_changes_the_ranking()
    {
        // "Pika" is only in Ada's roles; "ByteDance" only in Bo's. With roles weighed heavily, the role match wins.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Talent:Search:FieldBoosts:roles"] = "0" })
            .Build();
        var options = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>()!; // the section is set just above

        using (var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance))
        {
            index.Upsert(PersonA, PersonAProfile, BaseTime);
            index.Commit(1);
            Assert.True(Found(index.Search(Request("Pika"))).Results[0].Score > 0);
        }

        using var reopened = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, options);
        Assert.Equal(0, Found(reopened.Search(Request("Pika"))).Results.Single().Score);
    }

    [Fact]
    public void Only_the_benchmark_leaves_the_recruiter_fields_out_of_the_index_and_no_setting_does()
    {
        var bound = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Talent:Search:IndexRecruiterFields"] = "false" })
            .Build()
            .GetSection(SearchOptions.Section).Get<SearchOptions>()!; // the section is set just above
        Assert.True(bound.IndexRecruiterFields);

        // Ada's employer, Pika, is in her roles (free text) either way, and in the employer fields only with them.
        using var without = new TempIndexDirectory();
        using (var index = CandidateIndex.OpenForWriting(without.Path, Catalogs, NullLogger.Instance, new SearchOptions { IndexRecruiterFields = false }))
        {
            index.Upsert(PersonA, PersonAProfile, BaseTime);
            index.Commit(1);
            Assert.Equal((1, 0), (Found(index.Search(Request("Pika"))).Total, Found(index.Search(Request("company:Pika"))).Total));
            Assert.Empty(Found(index.Search(Request("Pika"))).Facets.Employers);
        }

        using (var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance, bound))
        {
            index.Upsert(PersonA, PersonAProfile, BaseTime);
            index.Commit(1);
            Assert.Equal((1, 1), (Found(index.Search(Request("Pika"))).Total, Found(index.Search(Request("company:Pika"))).Total));
            Assert.Equal(["Pika"], Found(index.Search(Request("Pika"))).Facets.Employers.Select(e => e.Value));
        }
    }
}

/// <summary><c>--explain</c>: the score split by signal adds up to the score.</summary>
public sealed class SearchExplanationTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Signals_add_up_to_the_score_and_name_the_fields_that_matched()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("sequence parallelism") with { Explain = true }));
        var top = response.Results[0];

        Assert.NotNull(top.Signals);
        Assert.Equal(top.Score, top.Signals.Values.Sum(), 2);
        Assert.Contains("paper titles", top.Signals.Keys);
        Assert.Contains("catalog topic", top.Signals.Keys);
        Assert.DoesNotContain(top.Signals.Keys, k => k.Contains('_', StringComparison.Ordinal));
        Assert.Null(Found(index.Search(Request("sequence parallelism"))).Results[0].Signals);
    }
}
