using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Talent.Search;
using Talent.Storage;

namespace Talent.Tests.Access;

/// <summary>
/// DNS rebinding and cross-site requests against a loopback server: a foreign Host name is refused, anonymous local use
/// needs a loopback name, and a state-changing request without a key needs the X-Talent-Request header.
/// </summary>
public sealed class HostValidationTests
{
    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("rebind.attacker.example:5080")]
    [InlineData("localhost.attacker.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task A_foreign_host_name_on_a_loopback_server_gets_a_400(string hostName)
    {
        await using var host = await TalentTestHost.StartAsync(listen: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=video");
        request.Headers.Host = hostName;
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Host not allowed", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:5080")]
    [InlineData("127.0.0.1:1234")]
    [InlineData("[::1]:5080")]
    public async Task A_loopback_host_name_works_without_a_key(string hostName)
    {
        await using var host = await TalentTestHost.StartAsync(listen: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=video");
        request.Headers.Host = hostName;
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_name_is_served_but_gets_no_anonymous_access()
    {
        await using var host = await TalentTestHost.StartAsync(
            new(StringComparer.Ordinal) { ["Talent:Access:AllowedHosts:0"] = "talent.example.org", ["Talent:Access:AllowedHosts:1"] = "*.internal.example" },
            listen: true);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "talent.example.org"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "search.internal.example:8080"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(host, "rebind.attacker.example"));
        // Listed names replace the loopback default.
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(host, "localhost"));
    }

    [Fact]
    public async Task An_anonymous_erase_without_the_request_header_is_refused_and_erases_nobody()
    {
        await using var host = await TalentTestHost.StartAsync();
        await host.SubmitAsync("test:ada", "text/markdown", "# Ada Lovelace\n\nada@example.org\n\n## Publications\n\n- Notes on the analytical engine. 1843.\n");
        await host.WaitForIndexAsync();
        var id = Assert.Single(((await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=lovelace"))!).Results).Id;

        using var bare = host.App.GetTestClient();
        using (var refused = await bare.DeleteAsync(new Uri($"/api/candidates/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("X-Talent-Request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var reindex = await bare.PostAsync(new Uri("/api/admin/reindex", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, reindex.StatusCode);
        }

        Assert.NotNull(await host.Get<CandidateStore>().GetCandidateAsync(id, CancellationToken.None));

        // Reads need no header, and neither does a match (a POST that only reads).
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync(new Uri("/api/search?q=lovelace", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bare.PostAsJsonAsync("/api/match", new { text = "analytical engine" })).StatusCode);

        // With the header (as the web page and the CLI send it) the erase is accepted.
        using var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/candidates/{id}");
        erase.Headers.Add("X-Talent-Request", "1");
        Assert.Equal(HttpStatusCode.Accepted, (await bare.SendAsync(erase)).StatusCode);
    }

    private static async Task<HttpStatusCode> StatusAsync(TalentTestHost host, string hostName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=video");
        request.Headers.Host = hostName;
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
