using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Talent.Search;
using Talent.Server.Demo;

namespace Talent.Tests.Api;

/// <summary>The HTTP API over the team's own sample profiles: shapes, bad input, OpenAPI, health.</summary>
public sealed class SearchApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TalentTestHost host = null!; // set in InitializeAsync before any test runs

    public async Task InitializeAsync()
    {
        host = await TalentTestHost.StartAsync();
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, Server.Ingestion.DocumentIngestion.ContentTypeForFile(name), content);
        }

        await host.WaitForIndexAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("q=title:(unclosed", "q")]
    [InlineData("q=AND%20OR", "q")]
    [InlineData("size=100000", "size")]
    [InlineData("size=0", "size")]
    [InlineData("page=-1", "page")]
    [InlineData("size=ten", "size")]
    [InlineData("since=99999", "since")]
    [InlineData("colour=blue", "colour")]
    [InlineData("q=video&explain=yes", "explain")]
    public async Task Bad_input_gets_a_problem_details_400_naming_the_field(string query, string field)
    {
        var response = await host.Client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Fact]
    public async Task Explain_splits_each_score_by_signal_and_says_how_the_hit_was_ordered()
    {
        var explained = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video%20generation&explain=true", Json);
        Assert.NotNull(explained);
        Assert.NotEmpty(explained.Results);
        Assert.All(explained.Results, hit =>
        {
            Assert.NotEmpty(hit.Signals!);
            Assert.Equal(Talent.Search.Matching.CandidateMatch.LexicalOnly, hit.Ranker); // the test host runs without sentence vectors
        });

        var plain = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video%20generation", Json);
        Assert.Equal(explained.Results.Select(h => h.Id), plain!.Results.Select(h => h.Id));
        Assert.All(plain.Results, hit => Assert.Null(hit.Signals));
        Assert.All(plain.Results, hit => Assert.Null(hit.Ranker));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gets_a_400()
    {
        var response = await host.Client.GetAsync(new Uri("/api/search?q=" + new string('a', 10_000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("10000", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_query_browses_every_candidate_most_recently_updated_first()
    {
        var response = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search", Json);
        Assert.NotNull(response);
        Assert.Equal(DemoLoader.Documents().Count, response.Total);
        Assert.Equal(response.Total, response.Results.Count);

        // Documents that state a name first (one that never says whose it is gains nothing by it), each group newest first.
        var named = response.Results.TakeWhile(r => r.Name is not null).Count();
        Assert.All(response.Results.Skip(named), r => Assert.StartsWith(CandidateCard.NameNotStated, r.DisplayName, StringComparison.Ordinal));
        foreach (var group in new[] { response.Results.Take(named), response.Results.Skip(named) })
        {
            var received = new List<DateTimeOffset>();
            foreach (var hit in group)
            {
                var details = await host.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{hit.Id}");
                received.Add(details.GetProperty("sources").EnumerateArray().Max(s => s.GetProperty("receivedAt").GetDateTimeOffset()));
            }

            Assert.Equal(received.OrderDescending(), received);
        }
    }

    [Fact]
    public async Task Search_answers_with_ranked_candidates_evidence_and_facets()
    {
        var response = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video%20generation&explain=true", Json);
        Assert.NotNull(response);
        Assert.True(response.Total >= 2);
        Assert.All(response.Results, r => Assert.NotEmpty(r.Evidence));
        // Ordered by what --explain's order says (the words' score and the body of work), not by the words' score alone.
        Assert.True(response.Results.Zip(response.Results.Skip(1)).All(p => p.First.Order!.Value >= p.Second.Order!.Value));
        Assert.NotEmpty(response.Facets.Venues);
    }

    [Fact]
    public async Task A_candidate_page_merges_sources_and_an_unknown_id_is_404()
    {
        var browse = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search", Json);
        var candidate = await host.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{browse!.Results[0].Id}");
        var profile = candidate.GetProperty("profile");
        Assert.Equal(browse.Results[0].Name, profile.TryGetProperty("name", out var name) ? name.GetString() : null);
        Assert.Equal(browse.Results[0].Id, candidate.GetProperty("id").GetInt64());
        Assert.NotEmpty(candidate.GetProperty("sources").EnumerateArray());

        var missing = await host.Client.GetAsync(new Uri("/api/candidates/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_document_posted_over_HTTP_becomes_searchable()
    {
        var response = await host.Client.PostAsJsonAsync("/api/documents", new
        {
            sourceId = "ats:4711",
            version = 3,
            contentType = "text/markdown",
            content = "# Ingrid Halvorsen\n\ningrid.halvorsen@example.no\n\n## SELECTED PUBLICATIONS\n\n- Zero-Knowledge Proofs for Verifiable Query Processing**  \nIngrid Halvorsen, Tor Lund **USENIX Security 2023**\n",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ats:4711", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sourceId").GetString());

        using var timeout = TestWait.Token();
        SearchResponse? found = null;
        while (found is null || found.Total == 0)
        {
            await Task.Delay(50, timeout.Token);
            found = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=%22zero%20knowledge%22", Json, timeout.Token);
        }

        Assert.Equal("Ingrid Halvorsen", found.Results[0].Name);
    }

    [Theory]
    [InlineData("""{"contentType":"text/plain","content":"x"}""", "sourceId")]
    [InlineData("""{"sourceId":"a","contentType":"text/plain","content":""}""", "content")]
    [InlineData("""{"sourceId":"a","contentType":"image/png","content":"x"}""", "contentType")]
    public async Task A_bad_document_submission_gets_a_400(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Every_api_route_is_in_the_OpenAPI_document()
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var routes = host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, "{([a-z]+):[a-z]+}", "{$1}"))
            .ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Contains(r, paths));
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var ready = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
