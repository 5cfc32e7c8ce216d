using System.Net;
using Talent.Search;
using Talent.Server.Demo;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>
/// Thousands of generated queries (<see cref="QueryLanguageFuzz"/>) through the search entry point and through the HTTP
/// API: every one is answered or refused as a value (a field error, over budget), none escapes as an exception or a 5xx.
/// </summary>
public sealed class QueryLanguageFuzzTests : IDisposable
{
    private const int Queries = 5_000;

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Five_thousand_generated_queries_through_the_search_entry_point_raise_no_exception()
    {
        using var index = OpenWithBoth(directory);
        var fuzz = new QueryLanguageFuzz(seed: 20261202);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var escaped = new List<string>();
        for (var i = 0; i < Queries; i++)
        {
            var query = fuzz.Next();
            var (request, _) = SearchRequest.Create(query, null, null, null, null, null, null);
            if (request is null)
            {
                outcomes["too long"] = outcomes.GetValueOrDefault("too long") + 1;
                continue;
            }

            try
            {
                var outcome = index.Search(request);
                outcomes[outcome.GetType().Name] = outcomes.GetValueOrDefault(outcome.GetType().Name) + 1;
            }
            catch (Exception e)
            {
                escaped.Add($"{e.GetType().Name}: {e.Message} <- {query}");
            }
        }

        Assert.True(escaped.Count == 0, string.Join('\n', escaped.Take(20)));
        // The generator reaches both sides: queries that run and queries that are refused.
        Assert.True(outcomes.GetValueOrDefault(nameof(SearchOutcome.Found)) > Queries / 10, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(SearchOutcome.Invalid)) > Queries / 10, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Five_thousand_generated_queries_through_the_http_api_get_no_5xx()
    {
        await using var host = await TalentTestHost.StartAsync(
            new(StringComparer.Ordinal)
            {
                ["Talent:Access:BurstLimit"] = "100000",
                ["Talent:Access:RequestsPerSecond"] = "100000",
                // A machine busy with other work must not turn slow answers into 503s here; the budget has its own tests.
                ["Talent:Search:Limits:TimeBudgetMilliseconds"] = "600000",
            });
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, Server.Ingestion.DocumentIngestion.ContentTypeForFile(name), content);
        }

        await host.WaitForIndexAsync();
        var fuzz = new QueryLanguageFuzz(seed: 20261203);
        var statuses = new Dictionary<HttpStatusCode, int>();
        var failures = new List<string>();
        for (var round = 0; round < Queries / 10; round++)
        {
            var batch = Enumerable.Range(0, 10).Select(_ => fuzz.Next()).ToList();
            var answers = await Task.WhenAll(batch.Select(async query =>
            {
                using var response = await host.Client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
                return (response.StatusCode, query, Body: await response.Content.ReadAsStringAsync());
            }));
            foreach (var (status, query, body) in answers)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if ((int)status >= 500)
                {
                    failures.Add($"{(int)status} {query}: {body[..Math.Min(300, body.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(Queries, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Queries / 10, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Queries / 10, string.Join(", ", statuses));
    }
}
