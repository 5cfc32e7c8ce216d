using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Search.Matching;
using Talent.Server;
using Talent.Server.Demo;

namespace Talent.Tests.Api;

/// <summary><c>POST /api/match</c> and <c>GET /api/candidates/{id}/similar</c> over the bundled sample profiles.</summary>
public sealed class MatchApiTests : IAsyncLifetime
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

    [Fact]
    public async Task A_description_gets_candidates_with_a_fit_between_zero_and_one()
    {
        var response = await host.Client.PostAsJsonAsync("/api/match", new { text = "Efficient video generation with diffusion transformers and attention" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<MatchResponse>(Json);
        Assert.NotNull(body);
        Assert.NotEmpty(body.Results);
        Assert.All(body.Results, hit => Assert.InRange(hit.Fit, 0, 1));
        Assert.True(body.Results[0].Fit > 0);
        // People come in the order their signals give (a soft maximum over their closest texts), not by fit alone.
        // A soft maximum is at least its largest text's similarity: the closest paper's, or the candidate's own words'.
        Assert.All(body.Results, hit => Assert.True(hit.Signals!.Order >= (hit.Evidence.FirstOrDefault()?.Similarity ?? 0) - 1e-4, hit.ToString()));
        Assert.Equal(body.Results.OrderByDescending(h => h.Signals!.Order).Select(h => h.Id), body.Results.Select(h => h.Id));
    }

    [Theory]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"top":3}""", "text")]
    [InlineData("""{"text":"video","top":500}""", "top")]
    public async Task Bad_match_input_gets_a_problem_details_400(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync(new Uri("/api/match", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"text":""", "open JSON object or array that should be closed at $.text (line 1, byte 9)")]
    [InlineData("""{"text": 5}""", "a value has the wrong type at $.text (line 1, byte 11)")]
    [InlineData("""{"text":"rust","top":"x"}""", "a value has the wrong type at $.top")]
    public async Task A_body_that_is_not_the_json_taken_gets_a_400_saying_what_and_where(string json, string reason)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync(new Uri("/api/match", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.StartsWith("The request body is not the JSON this endpoint takes: ", detail, StringComparison.Ordinal);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_a_413_naming_the_limit()
    {
        // Kestrel enforces the limit, so this host listens on a socket.
        await using var listening = await TalentTestHost.StartAsync(listen: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/match")
        {
            Content = new StringContent("{\"text\":\"" + new string('x', TalentApplication.MaxRequestBodyBytes) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Talent-Request", "1");
        // The server answers before the body is sent, however long a busy machine takes to answer.
        request.Headers.ExpectContinue = true;
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(10) }) { BaseAddress = listening.Address };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("The request body is over the 8 MB limit.", detail);
    }

    [Fact]
    public async Task A_parameter_that_cannot_be_read_gets_a_400_naming_it()
    {
        var response = await host.Client.GetAsync(new Uri("/api/candidates/1/similar?top=many", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("top", detail, StringComparison.Ordinal);
        Assert.Contains("\"many\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_description_gets_a_400_naming_the_limit()
    {
        var response = await host.Client.PostAsJsonAsync("/api/match", new { text = new string('x', MatchRequest.MaxTextLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("20000", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_candidates_leave_out_the_candidate_and_an_unknown_id_is_404()
    {
        var match = await host.Client.PostAsJsonAsync("/api/match", new { text = "video generation" });
        var someone = (await match.Content.ReadFromJsonAsync<MatchResponse>(Json))!.Results[0].Id;

        var similar = await host.Client.GetFromJsonAsync<MatchResponse>($"/api/candidates/{someone}/similar", Json);
        Assert.NotNull(similar);
        Assert.DoesNotContain(similar.Results, h => h.Id == someone);

        var missing = await host.Client.GetAsync(new Uri("/api/candidates/999999/similar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
