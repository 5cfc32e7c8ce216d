using System.Net;
using Talent.Storage;

namespace Talent.Tests.Access;

/// <summary>A burst from one key is limited with 429 and Retry-After while another key is served.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_burst_from_one_key_gets_429_while_another_key_is_served()
    {
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal)
        {
            ["Talent:Access:AllowAnonymousOnLoopback"] = "false",
            ["Talent:Access:BurstLimit"] = "20",
            ["Talent:Access:RequestsPerSecond"] = "1",
        });
        var keys = host.Get<AccessStore>();
        var noisy = (await keys.CreateKeyAsync("recruiter", "noisy", CancellationToken.None)).Secret;
        var quiet = (await keys.CreateKeyAsync("recruiter", "quiet", CancellationToken.None)).Secret;

        var burst = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => SearchAsync(host, noisy)));
        var limited = burst.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(burst.Count(r => r.Status == HttpStatusCode.OK), 20, 25); // the burst, plus what refilled meanwhile
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.RetryAfter >= 1, "Retry-After in whole seconds"));

        // The other key has its own allowance.
        var served = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SearchAsync(host, quiet)));
        Assert.All(served, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SearchAsync(host, noisy)).Status);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_limited_per_client_address()
    {
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal)
        {
            ["Talent:Access:AllowAnonymousOnLoopback"] = "false",
            ["Talent:Access:BurstLimit"] = "10",
            ["Talent:Access:RequestsPerSecond"] = "1",
        });
        var guesses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SearchAsync(host, $"tk_guess{i}")));
        Assert.Contains(guesses, r => r.Status == HttpStatusCode.Unauthorized);
        Assert.Contains(guesses, r => r.Status == HttpStatusCode.TooManyRequests);
    }

    private static async Task<(HttpStatusCode Status, double? RetryAfter)> SearchAsync(TalentTestHost host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=learning");
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Client.SendAsync(request);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds);
    }
}
