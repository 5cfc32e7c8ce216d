using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Server.Demo;

namespace Talent.Tests.Api;

/// <summary>
/// A search or match answered while <c>serve --demo</c> is still loading its samples says so and how far the load got,
/// as the ready endpoint does; once ready, answers carry no notice.
/// </summary>
public sealed class StartingNoticeApiTests
{
    [Fact]
    public async Task Answers_given_while_the_demo_loads_say_how_far_it_got_and_answers_after_it_say_nothing()
    {
        var gate = new DemoGate(letThrough: 2);
        await using var host = await gate.StartDemoHostAsync();
        var samples = DemoLoader.Documents().Count;
        var progress = $"demo profiles still loading: 2 of {samples} stored";
        try
        {
            await gate.WaitUntilHoldingAsync();

            var ready = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Degraded: " + progress, await ready.Content.ReadAsStringAsync());

            var early = await host.Client.GetFromJsonAsync<JsonElement>("/api/search?q=engineer");
            Assert.Contains($"Talent is still starting ({progress})", early.GetProperty("notice").GetString(), StringComparison.Ordinal);
            var earlyMatch = await MatchAsync(host);
            Assert.Contains(progress, earlyMatch.GetProperty("notice").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            // A held document keeps the bus from stopping: the gate opens whether or not the assertions held.
            gate.Release();
        }

        using (var timeout = TestWait.Token())
        {
            while ((await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token)).StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        var late = await host.Client.GetFromJsonAsync<JsonElement>("/api/search");
        Assert.Equal(samples, late.GetProperty("total").GetInt32());
        Assert.False(late.TryGetProperty("notice", out _), late.ToString());
        Assert.False((await MatchAsync(host)).TryGetProperty("notice", out _));
    }

    private static async Task<JsonElement> MatchAsync(TalentTestHost host)
    {
        var response = await host.Client.PostAsJsonAsync(new Uri("/api/match", UriKind.Relative), new { text = "Backend engineer with Go, PostgreSQL and Kubernetes" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
