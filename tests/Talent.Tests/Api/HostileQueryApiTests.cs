using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Talent.Search;
using Talent.Server.Access;
using Talent.Server.Demo;

namespace Talent.Tests.Api;

/// <summary>
/// Queries built to take a search service down, sent through the HTTP API to a real index: each is answered or refused
/// (400 naming the limit, 429, 503), never a 500, and the service goes on answering.
/// </summary>
public sealed class HostileQueryApiTests : IAsyncLifetime
{
    private TalentTestHost host = null!; // set in InitializeAsync before any test runs

    public static TheoryData<string, bool> HostileQueries()
    {
        var data = new TheoryData<string, bool>
        {
            { "/a{1,65535}/", true },
            { "title:/a{1,65535}/", true },
            { "/(a|aa)+/", false },
            { "/(a|b)*a(a|b){20}/", true },
            { "/.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*a/", false },
            { "/[^a]*[^b]*[^c]*[^d]*[^e]*[^f]*[^g]*[^h]*/", false },
            { "/~(a)/", true },
            { "*a*", true },
            { "?", true },
            { "title:*", true },
            { "a* b* c* d* e* f* g* h* i* j*", false },
            { "titles:[a TO zzzzzzzz]", false },
            { "titles:{* TO *}", false },
            { "year:[1900 TO 2100]", false },
            { "year:[0 TO 99999999999999999999]", true },
            { "video^99999999999999999999999999999999999999999", false },
            { "video^0.00000000000000000000001 generation^1e3", false },
            { "\"video generation\"~2147483647", false },
            { "\"video generation\"~99999999999999999999", false },
            { "\"video generation\"~-1", true },
            { "video~0.000001 generation~2", false },
            { "\\/\\*\\?\\~\\^\\\\ \\(\\) \\[\\] \\{\\} \\: \\\"", false },
            { "\\", true },
            { "/", true },
            { "\"", true },
            { new string('(', 200) + "video" + new string(')', 200), true },
            { new string('(', 499) + "a" + new string(')', 499), true },
            { new string('"', 999), true },
            { string.Join(' ', Enumerable.Range(0, 100).Select(i => (char)('a' + (i % 26)) + "~")), true },
            { string.Join(" OR ", Enumerable.Range(0, 120).Select(i => "t" + i)), false },
            { string.Join(' ', Enumerable.Repeat("NOT", 250)), true },
        };
        return data;
    }

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
    [MemberData(nameof(HostileQueries))]
    public async Task A_hostile_query_is_answered_or_refused_and_the_service_keeps_answering(string query, bool refused)
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("q")[0].GetString()!);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var search = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=learning");
        Assert.True(search!.Total > 0);
    }

    [Fact]
    public async Task A_repetition_bound_over_the_limit_is_refused_naming_it()
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("/a{1,65535}/"), UriKind.Relative));
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("q")[0].GetString();
        Assert.Contains("{1,65535}", message, StringComparison.Ordinal);
        Assert.Contains("Talent:Search:Limits:MaxRegexRepeat", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_running_as_many_expensive_queries_as_allowed_gets_a_429_for_one_more()
    {
        // The test server's requests come without a client address, the partition of this context.
        var gate = host.Get<ExpensiveQueryGate>();
        var caller = new DefaultHttpContext();
        var held = Enumerable.Range(0, 2).Select(_ => gate.Enter(caller).Lease).ToList();
        Assert.All(held, Assert.NotNull);
        try
        {
            using var refused = await host.Client.GetAsync(new Uri("/api/search?q=video*", UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("ExpensiveQueriesAtOnce", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            using var match = await host.Client.PostAsJsonAsync("/api/match", new { text = "video generation" });
            Assert.Equal(HttpStatusCode.TooManyRequests, match.StatusCode);

            // Plain words are not expensive: they still get through.
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/api/search?q=video", UriKind.Relative))).StatusCode);
        }
        finally
        {
            held.ForEach(lease => lease!.Dispose()); // asserted non-null above
        }

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/api/search?q=video*", UriKind.Relative))).StatusCode);
    }
}
