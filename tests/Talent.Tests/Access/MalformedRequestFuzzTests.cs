using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Talent.Search;
using Talent.Tests.Cli;

namespace Talent.Tests.Access;

/// <summary>
/// Thousands of generated malformed requests against a <c>talent serve</c> process: no 500, no crash, and all of it within
/// a managed heap held to <see cref="HeapLimit"/> (a request that kept or grew memory would run the service out of it).
/// </summary>
public sealed class MalformedRequestFuzzTests
{
    private const int Requests = 5_000;

    /// <summary>The service's managed heap limit (<c>DOTNET_GCHeapHardLimit</c>): the demo index and its caches need well under half of it.</summary>
    private const long HeapLimit = 256L * 1024 * 1024;

    [Fact]
    public async Task Five_thousand_malformed_requests_get_no_500_and_search_still_works()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        await using var service = await ServeProcess.StartAsync(data, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Talent__Access__BurstLimit"] = "100000",
            ["Talent__Access__RequestsPerSecond"] = "100000",
            ["DOTNET_GCHeapHardLimit"] = HeapLimit.ToString("X", CultureInfo.InvariantCulture),
        });
        var client = service.Client;

        var random = new Random(20261122);
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        for (var round = 0; round < Requests / 50; round++)
        {
            var batch = Enumerable.Range(0, 50).Select(_ => Generate(random)).ToList();
            var answers = await Task.WhenAll(batch.Select(async generated =>
            {
                try
                {
                    using var request = generated.Build();
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    return ((int)response.StatusCode, generated.Describe);
                }
                catch (HttpRequestException e)
                {
                    // Kestrel may close a connection on a request it refuses outright (e.g. headers over the limit).
                    return (0, generated.Describe + ": " + e.Message);
                }
            }));
            foreach (var (status, describe) in answers)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{status} {describe}");
                }
            }
        }

        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.True(statuses.GetValueOrDefault(0) < Requests / 10, $"connections dropped: {statuses.GetValueOrDefault(0)}");
        Assert.True(statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) > Requests / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));

        if (service.Process.HasExited)
        {
            Assert.Fail("the service exited: " + await service.ErrorsAfterExitAsync());
        }

        var search = await client.GetFromJsonAsync<SearchResponse>("/api/search?q=learning");
        Assert.NotNull(search);
        Assert.True(search.Total > 0);
    }

    private static readonly string[] QueryAbuse =
    [
        "\"unbalanced", "((((((((((", "))))", "title:(", "*:*", "a~~~~", "a^^^2", "[a TO", "{* TO *}", "AND AND OR", "NOT", "\\", "?*?*?*",
        "skill:", "since:-99999999999", "year:[abc TO def]", "venue:\"", "/regex[/", "a:b:c:d", "%00", "<script>alert(1)</script>", "' OR 1=1 --",
    ];

    private static readonly string[] Paths =
    [
        "/api/candidates/..%2F..%2Fetc%2Fpasswd", "/api/candidates/../../etc/passwd", "/api/candidates/%2e%2e%2f", "/api/candidates/-1",
        "/api/candidates/99999999999999999999999", "/api/candidates/1%00", "/api/candidates/0x10", "/api/candidates/1/similar?top=-5",
        "/api/candidates/1/similar?top=abc", "/api/candidates/%C0%AF", "/assets/..%2Fappsettings.json", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/api/search?size=-1", "/api/search?size=999999999999", "/api/search?page=abc", "/api/search?since=%FF%FE", "/api/search?q=%C3%28",
        "/api/search?q=%E2%82", "/api/search?unknown=1", "/api/search?q=a&q=b&q=c", "/api/suggest?field=../../x&prefix=a", "/api/suggest?limit=-3",
        "/api/rejected?limit=abc", "/%2e%2e/%2e%2e/", "/api/admin/reindex?x=%00", "/openapi/..%2F..%2Fx.json",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "[]", "\"text\"", "{\"text\": 5}", "{\"text\": null}", "{\"text\": [\"a\"]}", "{\"top\": \"ten\", \"text\": \"x\"}",
        "{\"text\": \"x\", \"candidateId\": \"1; DROP TABLE candidates\"}", "{\"sourceId\": {}, \"content\": 1}", "{\"version\": 1e999}",
        "{\"content\": \"\\ud800\"}", "{\"a\":" + new string('[', 5_000) + new string(']', 5_000) + "}", "\u00ff\u00fe\u0000\u0001",
    ];

    private static Generated Generate(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                {
                    var q = QueryAbuse[random.Next(QueryAbuse.Length)];
                    if (random.Next(4) == 0)
                    {
                        q = string.Concat(Enumerable.Repeat(q, random.Next(50, 800)));
                    }

                    return new Generated($"GET /api/search?q={Truncate(q)}", () => new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString(q)));
                }

            case 1:
                {
                    var path = Paths[random.Next(Paths.Length)];
                    return new Generated($"GET {path}", () => new HttpRequestMessage(HttpMethod.Get, path));
                }

            case 2:
                {
                    var body = Bodies[random.Next(Bodies.Length)];
                    var target = random.Next(2) == 0 ? "/api/match" : "/api/documents";
                    var type = random.Next(3) switch { 0 => "application/json", 1 => "text/plain", _ => "application/x-www-form-urlencoded" };
                    return new Generated($"POST {target} {type} {Truncate(body)}", () => new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, type) });
                }

            case 3:
                {
                    var size = random.Next(4) == 0 ? 200_000 : random.Next(1, 4_000);
                    var value = new string((char)('a' + random.Next(26)), size);
                    return new Generated($"GET /api/search with a {size}-character header", () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=learning");
                        request.Headers.TryAddWithoutValidation(random.Next(2) == 0 ? "X-Api-Key" : "X-Junk", value);
                        return request;
                    });
                }

            case 4:
                {
                    var bytes = new byte[random.Next(1, 300)];
                    random.NextBytes(bytes);
                    var q = string.Concat(bytes.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
                    return new Generated("GET /api/search?q=<random bytes>", () => new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + q));
                }

            default:
                {
                    var method = new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options, new HttpMethod("PROPFIND") }[random.Next(5)];
                    var path = random.Next(2) == 0 ? "/api/search" : "/api/candidates/abc";
                    return new Generated($"{method} {path}", () => new HttpRequestMessage(method, path));
                }
        }
    }

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private sealed record Generated(string Describe, Func<HttpRequestMessage> Build);
}
