using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

public sealed class QuerySyntaxTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("title:(unclosed")]
    [InlineData("AND OR")]
    [InlineData("\"unclosed")]
    [InlineData("skill:")]
    [InlineData("()")]
    [InlineData("\\")]
    [InlineData("since:yesterday")]
    [InlineData("since:99999999999999")]
    [InlineData("year:[1800 TO 2020]")]
    [InlineData("/regex[/")]
    [InlineData("title:/(unclosed/")]
    public void Bad_syntax_is_a_readable_error_on_q(string query)
    {
        using var index = OpenWithBoth(directory);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        Assert.Equal(["q"], invalid.Errors.Keys.ToArray());
        var message = Assert.Single(invalid.Errors["q"]);
        Assert.StartsWith("The query could not be parsed:", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        // Said in the user's words, not the parser grammar's.
        foreach (var grammar in new[] { "Encountered", "<EOF>", "Lexical error", "Cannot parse", "line 1" })
        {
            Assert.DoesNotContain(grammar, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("video NOT", "it ends with NOT, which needs a word after it.")]
    [InlineData("video AND", "it ends with AND, which needs a word after it.")]
    [InlineData("AND video", "it starts with AND, which joins two words.")]
    [InlineData("video AND OR generation", "AND OR: two operators in a row need a word between them.")]
    [InlineData("\"video generation", "a quote (\") is opened and never closed.")]
    [InlineData("(video OR audio", "a parenthesis '(' is opened and never closed.")]
    [InlineData("video) OR audio", "a closing parenthesis ')' has no opening one.")]
    [InlineData("video\\", "it ends with a backslash, which escapes the character after it.")]
    [InlineData("()", "')' is unexpected at character 1. Check quotes, parentheses and AND/OR/NOT placement.")]
    [InlineData("since:yesterday", "'yesterday' is not a year between 1900 and 2100.")]
    public void A_refused_query_says_what_is_wrong_with_it(string query, string reason)
    {
        using var index = OpenWithBoth(directory);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        Assert.Equal("The query could not be parsed: " + reason, Assert.Single(invalid.Errors["q"]));
    }

    [Fact]
    public void A_query_written_like_the_parser_s_messages_is_refused_in_one_line()
    {
        // Text the message reader looks for, many times over, up to the length limit, then a field with no value.
        var bait = string.Concat(Enumerable.Repeat("x': Encountered \" a \"b \"\" at line 1, column 2. ", 25));
        var query = bait[..Math.Min(bait.Length, Talent.Search.SearchRequest.MaxQueryLength - 10)] + " skill:";
        using var index = OpenWithBoth(directory);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        var message = Assert.Single(invalid.Errors["q"]);
        Assert.StartsWith("The query could not be parsed:", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"video (generation\"")]
    [InlineData("video \\(generation")]
    [InlineData("title:\"a ) b\" AND video")]
    public void Quoted_and_escaped_parentheses_are_no_mistake(string query) =>
        Assert.IsType<SearchOutcome.Found>(OpenAndSearch(query));

    private SearchOutcome OpenAndSearch(string query)
    {
        using var index = OpenWithBoth(directory);
        return index.Search(Request(query));
    }

    [Theory]
    [InlineData("title:(unclosed")]
    [InlineData("\"unclosed")]
    [InlineData("since:yesterday")]
    public void Bad_syntax_is_an_error_before_any_index_exists(string query)
    {
        using var index = CandidateIndex.OpenReadOnly(Path.Combine(directory.Path, "not-yet"), Catalogs, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var invalid = Assert.IsType<SearchOutcome.Invalid>(index.Search(Request(query)));
        Assert.StartsWith("The query could not be parsed:", Assert.Single(invalid.Errors["q"]), StringComparison.Ordinal);
        Assert.Equal(0, Found(index.Search(Request("video generation"))).Total);
    }

    [Theory]
    [InlineData("year:[2024 TO *]", 2)]
    [InlineData("year:[2022 TO 2023]", 1)]
    [InlineData("year:{2024 TO 2025}", 0)]
    [InlineData("since:2024", 2)]
    [InlineData("year:2023", 1)]
    [InlineData("skill:(pytorch OR cuda)", 2)]
    [InlineData("topic:video*", 2)]
    [InlineData("name:\"Ada Xu\"", 1)]
    [InlineData("\"video generation\"~5", 2)]
    [InlineData("video^2 generation", 2)]
    [InlineData("Requirements: compiler", 1)]
    [InlineData("autochnk~1", 1)]
    [InlineData("the", 2)]
    public void Syntax_people_write_is_understood(string query, int total)
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(total, Found(index.Search(Request(query))).Total);
    }

    [Theory]
    [InlineData("skill:pytorch video generation", "video generation")]
    [InlineData("venue:\"Advances in Neural Information Processing Systems\" since:2022 large-batch", "large-batch")]
    [InlineData("\"sequence parallelism\" AND NOT compiler OR (ctr -cowclip)", "sequence parallelism ctr")]
    public void Free_text_leaves_out_filters_operators_and_negations(string query, string expected)
    {
        Assert.Equal(expected, CandidateSearch.FreeTextOf(query));
    }
}
