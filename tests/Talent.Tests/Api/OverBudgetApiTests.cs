using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Talent.Server.Demo;

namespace Talent.Tests.Api;

/// <summary>
/// A query stopped at its time budget (<c>Talent:Search:Limits:TimeBudgetMilliseconds</c>) is answered through HTTP as
/// a problem-details 503 naming the limit — search, export, match and similar alike — and the service goes on: the
/// clock here has run out every search budget before the search starts, and nothing else.
/// </summary>
public sealed class OverBudgetApiTests : IAsyncLifetime
{
    /// <summary>A budget no other timer of the service uses, so only the searches' timers see the clock run out.</summary>
    private const int Budget = 4321;

    private TalentTestHost host = null!; // set in InitializeAsync before any test runs
    private long someone;

    public async Task InitializeAsync()
    {
        host = await TalentTestHost.StartAsync(
            new Dictionary<string, string?> { ["Talent:Search:Limits:TimeBudgetMilliseconds"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            configure: builder => builder.Services.AddSingleton<TimeProvider>(new BudgetRunOutClock(TimeSpan.FromMilliseconds(Budget))));
        foreach (var (name, content) in DemoLoader.Documents())
        {
            var processed = await host.SubmitAsync("demo:" + name, Server.Ingestion.DocumentIngestion.ContentTypeForFile(name), content);
            someone = processed.CandidateId ?? someone;
        }

        await host.WaitForIndexAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/api/search?q=video")]
    [InlineData("/api/search?q=" + "vid*")]
    [InlineData("/api/search/export?q=video&format=csv")]
    public async Task A_search_past_its_time_budget_gets_a_problem_details_503(string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        await AssertOverBudget(response);
    }

    [Fact]
    public async Task A_match_past_its_time_budget_gets_a_problem_details_503_and_the_service_goes_on()
    {
        using (var match = await host.Client.PostAsJsonAsync("/api/match", new { text = "Efficient video generation with diffusion transformers" }))
        {
            await AssertOverBudget(match);
        }

        using (var similar = await host.Client.GetAsync(new Uri($"/api/candidates/{someone}/similar", UriKind.Relative)))
        {
            await AssertOverBudget(similar);
        }

        using var health = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task AssertOverBudget(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("Query over its time budget", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("TimeBudgetMilliseconds", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>The system clock, except that a timer due after exactly the search budget fires at once.</summary>
    private sealed class BudgetRunOutClock(TimeSpan budget) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != budget)
            {
                return System.CreateTimer(callback, state, dueTime, period);
            }

            callback(state);
            return System.CreateTimer(static _ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
