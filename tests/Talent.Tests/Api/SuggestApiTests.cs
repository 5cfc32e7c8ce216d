using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Server.Api;

namespace Talent.Tests.Api;

/// <summary>Catalog suggestions, the venue list and the page's own files over HTTP.</summary>
public sealed class SuggestApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TalentTestHost host = null!; // set in InitializeAsync before any test runs

    public async Task InitializeAsync() => host = await TalentTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("skill", "py", "Python", null)]
    [InlineData("skill", "pytor", "PyTorch", null)]
    [InlineData("skill", "go", "Go", null)]
    [InlineData("skill", "CSharp", "C#", "CSharp")]
    [InlineData("topic", "video gen", "video generation", null)]
    [InlineData("topic", "text-to-vid", "video generation", "text-to-video generation")]
    [InlineData("venue", "iclr", "ICLR", null)]
    [InlineData("venue", "Advances in Neural", "NeurIPS", "Advances in Neural Information Processing Systems")]
    public async Task Suggestions_start_with_the_typed_name_or_synonym(string field, string prefix, string expected, string? matched)
    {
        var suggestions = await host.Client.GetFromJsonAsync<List<SuggestEndpoints.Suggestion>>($"/api/suggest?field={field}&prefix={Uri.EscapeDataString(prefix)}", Json);
        Assert.NotNull(suggestions);
        var suggestion = suggestions[0];
        Assert.Equal(expected, suggestion.Value);
        Assert.Equal(matched, suggestion.Matched);
    }

    [Fact]
    public async Task A_name_that_starts_with_the_prefix_comes_before_one_that_only_contains_a_word_starting_with_it()
    {
        var suggestions = await host.Client.GetFromJsonAsync<List<SuggestEndpoints.Suggestion>>("/api/suggest?field=topic&prefix=gen&limit=50", Json);
        Assert.NotNull(suggestions);
        var firstInner = suggestions.FindIndex(s => !s.Value.StartsWith("gen", StringComparison.OrdinalIgnoreCase) && s.Matched is null);
        var lastStart = suggestions.FindLastIndex(s => s.Value.StartsWith("gen", StringComparison.OrdinalIgnoreCase));
        Assert.True(lastStart >= 0 && firstInner > lastStart, string.Join(", ", suggestions.Select(s => s.Value)));
        Assert.Contains(suggestions, s => s.Value == "video generation");
    }

    [Fact]
    public async Task Limit_caps_the_number_of_suggestions()
    {
        var suggestions = await host.Client.GetFromJsonAsync<List<SuggestEndpoints.Suggestion>>("/api/suggest?field=skill&prefix=p&limit=3", Json);
        Assert.NotNull(suggestions);
        Assert.Equal(3, suggestions.Count);
        Assert.All(suggestions, s => Assert.True(s.Value.StartsWith('P') || s.Value.StartsWith('p'), s.Value));
    }

    [Theory]
    [InlineData("field=colour&prefix=py", "field")]
    [InlineData("prefix=py", "field")]
    [InlineData("field=skill&limit=0", "limit")]
    [InlineData("field=skill&limit=51", "limit")]
    [InlineData("field=skill&limit=ten", "limit")]
    [InlineData("field=skill&colour=blue", "colour")]
    public async Task Bad_suggest_input_gets_a_problem_details_400_naming_the_field(string query, string field)
    {
        var response = await host.Client.GetAsync(new Uri("/api/suggest?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_overlong_prefix_is_refused()
    {
        var response = await host.Client.GetAsync(new Uri("/api/suggest?field=skill&prefix=" + new string('p', 101), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit is 100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Venues_come_with_their_tiers()
    {
        var venues = await host.Client.GetFromJsonAsync<List<VenueEndpoints.Venue>>("/api/venues", Json);
        Assert.NotNull(venues);
        Assert.Equal("A*", venues.Single(v => v.Name == "ICLR").Tier);
        Assert.Equal("preprint", venues.Single(v => v.Name == "arXiv").Kind);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/candidates/42", "text/html")]
    [InlineData("/admin/rejected", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/app.css", "text/css")]
    [InlineData("/assets/upload.js", "text/javascript")]
    [InlineData("/assets/upload.css", "text/css")]
    [InlineData("/assets/favicon.svg", "image/svg+xml")]
    public async Task The_page_and_its_files_are_served_by_the_service_under_a_strict_policy(string path, string contentType)
    {
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_style_or_handler()
    {
        var html = await host.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"\sstyle\s*=", html);
        var script = await host.Client.GetStringAsync(new Uri("/assets/app.js", UriKind.Relative));
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_asset_is_not_found()
    {
        var response = await host.Client.GetAsync(new Uri("/assets/secrets.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
