using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Search.QueryCost;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>Queries that would cost too much are refused before Lucene sees them, naming the part and the limit.</summary>
public sealed class QueryLimitTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("/a{1,65535}/", "{1,65535}", "MaxRegexRepeat")]
    [InlineData("title:/a{99999999999}/", "99999999999", "MaxRegexRepeat")]
    [InlineData("/(a|b)*a(a|b){20}/", "MaxAutomatonStates", "1000")]
    [InlineData("/.*a.{12}/", "MaxAutomatonStates", "1000")]
    [InlineData("/((a{50}){50}){50}/", "MaxAutomatonStates", "1000")]
    [InlineData("/~a/", "'~'", "not supported")]
    [InlineData("/a&b/", "'&'", "not supported")]
    [InlineData("/<1-100000>/", "'<'", "not supported")]
    [InlineData("/((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))/", "nests", "MaxNesting")]
    [InlineData("/a*******************************************/", "nests", "MaxNesting")]
    [InlineData("*a*", "*a*", "AllowLeadingWildcard")]
    [InlineData("*", "*", "AllowLeadingWildcard")]
    [InlineData("title:?ideo", "?ideo", "AllowLeadingWildcard")]
    [InlineData("a~ b~ c~ d~ e~ f~ g~ h~ i~ j~ k~", "k~", "MaxExpensiveTerms")]
    [InlineData("a* b* c* d* e* f* g* h* i* j* /k/", "/k/", "MaxExpensiveTerms")]
    [InlineData("[a TO b] [c TO d] [e TO f] [g TO h] [i TO j] [k TO l] [m TO n] [o TO p] [q TO r] [s TO t] [u TO v]", "[u TO v]", "MaxExpensiveTerms")]
    public void Expensive_syntax_over_a_limit_is_refused_naming_the_part_and_the_limit(string query, string part, string limit)
    {
        using var index = OpenWithBoth(directory);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        var message = Assert.Single(invalid.Errors["q"]);
        Assert.Contains(part, message, StringComparison.Ordinal);
        Assert.Contains(limit, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parentheses_nested_deeper_than_the_limit_are_refused_before_parsing()
    {
        using var index = OpenWithBoth(directory);
        var query = new string('(', 400) + "video" + new string(')', 400);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        Assert.Contains("400 deep", Assert.Single(invalid.Errors["q"]), StringComparison.Ordinal);
        Assert.Equal(2, Found(index.Search(Request(new string('(', 30) + "video" + new string(')', 30)))).Total);
    }

    [Theory]
    [InlineData("/autoc[a-z]+/", 1)]
    [InlineData("/(hetegen|autochunk)/", 1)]
    [InlineData("/auto.h.nk/", 1)]
    [InlineData("/cowcli[p]?/", 1)]
    [InlineData("/\"autochunk\"/", 1)]
    [InlineData("title:/a{1,50}/", 0)]
    [InlineData("/(a|aa)+/", 0)]
    [InlineData("title:autoch?nk", 1)]
    [InlineData("title:autoch*", 1)]
    [InlineData("title:auto*k", 1)]
    [InlineData("/vide[o]/ OR title:pyram*", 2)]
    [InlineData("title:[autochunk TO autochunk]", 1)]
    [InlineData("pyramd~1", 1)]
    [InlineData("vide\\*", 0)]
    public void Regular_expressions_wildcards_ranges_and_fuzzy_terms_within_the_limits_still_find_people(string query, int total)
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(total, Found(index.Search(Request(query))).Total);
    }

    [Fact]
    public async Task The_largest_automaton_the_settings_allow_is_searched_on_a_request_thread()
    {
        // A chain of 9,001 states (Lucene walks automata recursively once compiled) with the highest limits allowed.
        var options = new SearchOptions { Limits = new QueryLimits { MaxAutomatonStates = 10_000, MaxRegexRepeat = 1000 } };
        using (OpenWithBoth(directory))
        {
            // Written and committed; searched below through a read-only index with the other options.
        }

        using var index = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, options);
        var outcome = await Task.Run(() => index.Search(Request("/(abcdefghi){1000}/")));
        Assert.Equal(0, Found(outcome).Total);
        var refused = await Task.Run(() => index.Search(Request("/(abcdefghij){1000}/")));
        Assert.Contains("10000", Assert.Single(Assert.IsType<SearchOutcome.Invalid>(refused).Errors["q"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_wildcards_are_searched_when_the_setting_allows_them()
    {
        var options = new SearchOptions { Limits = new QueryLimits { AllowLeadingWildcard = true } };
        using (OpenWithBoth(directory))
        {
            // Written and committed; searched below through a read-only index with the other options.
        }

        using var index = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, options);
        Assert.Equal(1, Found(index.Search(Request("title:*chunk"))).Total);
    }

    [Fact]
    public void A_search_past_its_time_budget_answers_over_budget()
    {
        using (OpenWithBoth(directory))
        {
            // Written and committed; searched below with a clock whose time budgets have always run out.
        }

        using var index = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, clock: new ExpiredBudgetClock());
        var over = Assert.IsType<SearchOutcome.OverBudget>(index.Search(Request("video")));
        Assert.Contains("TimeBudgetMilliseconds", over.Reason, StringComparison.Ordinal);
        Assert.Throws<QueryOverBudgetException>(() => index.Match(new Talent.Search.Matching.MatchRequest { Text = "video generation", Top = 5 }));
    }

    [Fact]
    public void A_search_whose_caller_went_away_stops_with_the_cancellation()
    {
        using var index = OpenWithBoth(directory);
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => index.Search(Request("video"), gone.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => index.Match(new Talent.Search.Matching.MatchRequest { Text = "video generation", Top = 5 }, cancellationToken: gone.Token));
        Assert.Equal(2, Found(index.Search(Request("video"))).Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("video generation")]
    [InlineData("\"a b\" c")]
    [InlineData("a\\* b\\~ c\\/")]
    [InlineData("\"a*b\" \"/x/\"")]
    public void Plain_words_phrases_and_escaped_syntax_are_not_expensive(string query) => Assert.False(QueryShape.IsExpensive(query));

    [Theory]
    [InlineData("vid*")]
    [InlineData("v?deo")]
    [InlineData("video~")]
    [InlineData("\"video generation\"~3")]
    [InlineData("/vid.o/")]
    [InlineData("title:[a TO b]")]
    [InlineData("title:{a TO b}")]
    public void Wildcards_fuzzy_proximity_regexes_and_ranges_are_expensive(string query) => Assert.True(QueryShape.IsExpensive(query));

    /// <summary>A clock whose timers fire at once: every time budget has run out before the work starts.</summary>
    private sealed class ExpiredBudgetClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new Stopped();
        }

        private sealed class Stopped : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
