using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Talent.Server.Access;
using Talent.Server.Demo;
using Talent.Storage;

namespace Talent.Tests.Access;

/// <summary>API keys and roles on every endpoint, when the service requires keys.</summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private TalentTestHost host = null!; // set in InitializeAsync
    private long candidateId;
    private long erasableId;
    private string recruiter = "";
    private string admin = "";
    private (long First, long Second) mergeIds;
    private long splitId;
    private string revoked = "";

    /// <summary>Shortlists for the shortlist routes: 0 to read and change, 1-6 to delete, 7-12 each holding the candidate to take off (one per request).</summary>
    private readonly List<long> shortlists = [];
    private int shortlistNames;
    private int shortlistDeletes;
    private int entryDeletes;

    /// <summary>Every /api route with the least role it needs and a request that succeeds with that role.</summary>
    private IEnumerable<(string Method, string Route, string Role, Func<HttpRequestMessage> Request)> Endpoints() =>
    [
        ("GET", "/api/search", "recruiter", () => new(HttpMethod.Get, "/api/search?q=learning")),
        ("GET", "/api/search/export", "recruiter", () => new(HttpMethod.Get, "/api/search/export?q=learning")),
        ("GET", "/api/candidates/{id:long}", "recruiter", () => new(HttpMethod.Get, $"/api/candidates/{candidateId}")),
        ("GET", "/api/candidates/{id:long}/similar", "recruiter", () => new(HttpMethod.Get, $"/api/candidates/{candidateId}/similar")),
        ("POST", "/api/match", "recruiter", () => new(HttpMethod.Post, "/api/match") { Content = JsonContent.Create(new { text = "distributed training of large models" }) }),
        ("GET", "/api/suggest", "recruiter", () => new(HttpMethod.Get, "/api/suggest?field=skill&prefix=py")),
        ("GET", "/api/venues", "recruiter", () => new(HttpMethod.Get, "/api/venues")),
        ("POST", "/api/documents", "admin", () => new(HttpMethod.Post, "/api/documents") { Content = JsonContent.Create(new { sourceId = "api:access", version = 1, contentType = "text/markdown", content = "# Quentin Marlowe-Iyer\nquentin@example.org\n" }) }),
        ("DELETE", "/api/candidates/{id:long}", "admin", () => new(HttpMethod.Delete, $"/api/candidates/{erasableId}")),
        ("GET", "/api/candidates/{id:long}/identity", "recruiter", () => new(HttpMethod.Get, $"/api/candidates/{candidateId}/identity")),
        ("GET", "/api/identity/flagged", "recruiter", () => new(HttpMethod.Get, "/api/identity/flagged")),
        ("POST", "/api/candidates/{id:long}/merge", "admin", () => new(HttpMethod.Post, $"/api/candidates/{mergeIds.First}/merge") { Content = JsonContent.Create(new { with = mergeIds.Second }) }),
        ("POST", "/api/candidates/{id:long}/split", "admin", () => new(HttpMethod.Post, $"/api/candidates/{splitId}/split") { Content = JsonContent.Create(new { sources = new[] { "api:split-2" } }) }),
        ("POST", "/api/admin/commands/ingest", "admin", () => new(HttpMethod.Post, "/api/admin/commands/ingest") { Content = JsonContent.Create(new { sourceId = "api:command", version = 1, contentType = "text/markdown", content = "# Rosalind Achterberg\nrosalind@example.org\n" }) }),
        ("POST", "/api/admin/commands/remove", "admin", () => new(HttpMethod.Post, "/api/admin/commands/remove") { Content = JsonContent.Create(new { sourceId = "api:never-stored" }) }),
        ("GET", "/api/documents/formats", "recruiter", () => new(HttpMethod.Get, "/api/documents/formats")),
        ("GET", "/api/rejected", "admin", () => new(HttpMethod.Get, "/api/rejected")),
        ("GET", "/api/partial", "admin", () => new(HttpMethod.Get, "/api/partial")),
        ("GET", "/api/admin/reindex", "admin", () => new(HttpMethod.Get, "/api/admin/reindex")),
        ("GET", "/api/shortlists", "recruiter", () => new(HttpMethod.Get, "/api/shortlists")),
        ("POST", "/api/shortlists", "recruiter", () => new(HttpMethod.Post, "/api/shortlists") { Content = JsonContent.Create(new { name = $"Access {Interlocked.Increment(ref shortlistNames)}" }) }),
        ("GET", "/api/shortlists/{id:long}", "recruiter", () => new(HttpMethod.Get, $"/api/shortlists/{shortlists[0]}")),
        ("PATCH", "/api/shortlists/{id:long}", "recruiter", () => new(HttpMethod.Patch, $"/api/shortlists/{shortlists[0]}") { Content = JsonContent.Create(new { name = $"Renamed {Interlocked.Increment(ref shortlistNames)}" }) }),
        ("DELETE", "/api/shortlists/{id:long}", "recruiter", () => new(HttpMethod.Delete, $"/api/shortlists/{shortlists[1 + (Interlocked.Increment(ref shortlistDeletes) % 6)]}")),
        ("GET", "/api/shortlists/{id:long}/export", "recruiter", () => new(HttpMethod.Get, $"/api/shortlists/{shortlists[0]}/export")),
        ("PUT", "/api/shortlists/{id:long}/candidates/{candidate:long}", "recruiter", () => new(HttpMethod.Put, $"/api/shortlists/{shortlists[0]}/candidates/{candidateId}") { Content = JsonContent.Create(new { tags = new[] { "access" } }) }),
        ("DELETE", "/api/shortlists/{id:long}/candidates/{candidate:long}", "recruiter", () => new(HttpMethod.Delete, $"/api/shortlists/{shortlists[7 + (Interlocked.Increment(ref entryDeletes) % 6)]}/candidates/{candidateId}")),
        ("GET", "/api/candidates/{id:long}/shortlists", "recruiter", () => new(HttpMethod.Get, $"/api/candidates/{candidateId}/shortlists")),
        ("POST", "/api/admin/reindex", "admin", () => new(HttpMethod.Post, "/api/admin/reindex")),
        ("GET", "/api/access/me", "recruiter", () => new(HttpMethod.Get, "/api/access/me")),
    ];

    public async Task InitializeAsync()
    {
        host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal) { ["Talent:Access:AllowAnonymousOnLoopback"] = "false" });
        foreach (var (name, content) in DemoLoader.Documents())
        {
            var outcome = await host.SubmitAsync("demo:" + name, name.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "text/plain", content);
            candidateId = outcome.CandidateId ?? candidateId;
        }

        mergeIds = ((await host.SubmitAsync("api:merge-1", "text/markdown", "# Ottilie Brandvold\n\nottilie@one.example.org\n")).CandidateId ?? 0,
            (await host.SubmitAsync("api:merge-2", "text/markdown", "# Ottilie Brandvold\n\nottilie@two.example.org\n")).CandidateId ?? 0);
        await host.SubmitAsync("api:split-1", "text/markdown", "# Severin Oakhurst\n\nseverin@three.example.org\n");
        splitId = (await host.SubmitAsync("api:split-2", "text/markdown", "# Severin Oakhurst\n\nContact: severin@three.example.org\n\nHomepage of a chemist.\n")).CandidateId ?? 0;
        erasableId = (await host.SubmitAsync("api:erasable", "text/markdown", "# Quirin Albrecht-Moya\n\nquirin@example.org\n")).CandidateId ?? 0;
        await host.WaitForIndexAsync();
        var keys = host.Get<AccessStore>();
        recruiter = (await keys.CreateKeyAsync("recruiter", "recruiting team", CancellationToken.None)).Secret;
        admin = (await keys.CreateKeyAsync("admin", "operator", CancellationToken.None)).Secret;
        var (gone, goneSecret) = await keys.CreateKeyAsync("admin", "former operator", CancellationToken.None);
        Assert.True(await keys.RevokeKeyAsync(gone.Id, CancellationToken.None));
        revoked = goneSecret;
        var lists = host.Get<ShortlistStore>();
        var owner = new ShortlistActor("access test");
        for (var i = 0; i < 13; i++)
        {
            shortlists.Add((await lists.CreateAsync($"Access list {i}", owner, CancellationToken.None)).Value!.Id); // a new name: created
            if (i >= 7)
            {
                await lists.PutEntryAsync(shortlists[i], candidateId, [], null, owner, CancellationToken.None);
            }
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void The_table_covers_every_api_route()
    {
        var routes = host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(routes, Endpoints().Select(e => $"{e.Method} {e.Route}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_answers_401_403_or_success_by_key_and_role()
    {
        foreach (var (method, route, role, request) in Endpoints())
        {
            var what = $"{method} {route}";
            Assert.True(await SendAsync(request(), null) == HttpStatusCode.Unauthorized, $"{what} without a key");
            Assert.True(await SendAsync(request(), revoked) == HttpStatusCode.Unauthorized, $"{what} with a revoked key");
            Assert.True(await SendAsync(request(), "tk_" + new string('x', 43)) == HttpStatusCode.Unauthorized, $"{what} with an unknown key");
            var asRecruiter = await SendAsync(request(), recruiter);
            if (role == "admin")
            {
                Assert.True(asRecruiter == HttpStatusCode.Forbidden, $"{what} as recruiter: {asRecruiter}");
            }
            else
            {
                Assert.True((int)asRecruiter is >= 200 and < 300, $"{what} as recruiter: {asRecruiter}");
            }

            var asAdmin = await SendAsync(request(), admin);
            Assert.True((int)asAdmin is >= 200 and < 300, $"{what} as admin: {asAdmin}");
        }

        // A person's decision names the key by the name it was given, as well as its prefix.
        var identity = await host.Get<CandidateStore>().GetIdentityAsync(mergeIds.First, CancellationToken.None);
        Assert.Contains(identity!.Links, l => l.DecidedBy?.StartsWith("API key operator (tk_", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_formats_answer_says_whether_the_key_may_add_documents()
    {
        foreach (var (key, mayAdd) in new[] { (recruiter, false), (admin, true) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/formats");
            request.Headers.Add("X-Api-Key", key);
            using var response = await host.Client.SendAsync(request);
            using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(mayAdd, answer.RootElement.GetProperty("mayAdd").GetBoolean());
            Assert.Contains(answer.RootElement.GetProperty("formats").EnumerateArray(), f => f.GetProperty("contentType").GetString() == "application/pdf");
        }
    }

    [Fact]
    public async Task The_caller_learns_their_role_and_key_name_so_the_page_shows_only_what_they_may_do()
    {
        foreach (var (key, role, name) in new[] { (recruiter, "recruiter", "recruiting team"), (admin, "admin", "operator") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/access/me");
            request.Headers.Add("X-Api-Key", key);
            using var response = await host.Client.SendAsync(request);
            using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(role, answer.RootElement.GetProperty("role").GetString());
            Assert.Equal(name, answer.RootElement.GetProperty("name").GetString());
            Assert.False(answer.RootElement.GetProperty("anonymous").GetBoolean());
        }

        // Local use without a key may do everything.
        await using var local = await TalentTestHost.StartAsync();
        using var me = System.Text.Json.JsonDocument.Parse(await local.Client.GetStringAsync("/api/access/me"));
        Assert.Equal("admin", me.RootElement.GetProperty("role").GetString());
        Assert.True(me.RootElement.GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task Health_openapi_and_the_page_need_no_key()
    {
        foreach (var path in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/", "/assets/app.js" })
        {
            Assert.True(await SendAsync(new(HttpMethod.Get, path), null) == HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task A_401_says_what_is_missing_as_problem_details()
    {
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_stored_hashed_never_in_clear()
    {
        var (key, secret) = await host.Get<AccessStore>().CreateKeyAsync("recruiter", null, CancellationToken.None);
        Assert.StartsWith(key.Prefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length > 40);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(host.DataDirectory, "talent.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{Path.GetFileName(file)} holds a key in clear");
        }

        Assert.DoesNotContain((await host.Get<AccessStore>().ListKeysAsync(CancellationToken.None)).Select(k => k.Prefix), p => p.Length >= secret.Length);
    }

    [Fact]
    public async Task Searches_and_candidate_views_are_audited_and_erasure_leaves_only_that_access_happened()
    {
        var audit = host.Get<AuditTrail>();
        Assert.Equal(HttpStatusCode.OK, await SendAsync(new(HttpMethod.Get, "/api/search?q=learning&size=50"), recruiter));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(new(HttpMethod.Get, $"/api/candidates/{candidateId}"), recruiter));
        await audit.FlushAsync(CancellationToken.None);

        var entries = await host.Get<AccessStore>().ReadAuditAsync(100, CancellationToken.None);
        var search = Assert.Single(entries, e => e.Action == "search" && e.Detail == "?q=learning&size=50");
        var view = Assert.Single(entries, e => e.Action == "candidate" && e.CandidateIds.Contains(candidateId));
        Assert.Equal("recruiter", search.KeyRole);
        Assert.NotEmpty(search.CandidateIds);
        var erased = search.CandidateIds[0];

        Assert.True(await host.Get<CandidateStore>().RemoveCandidateAsync(erased, CancellationToken.None));
        Assert.True(await host.Get<CandidateStore>().RemoveCandidateAsync(candidateId, CancellationToken.None) || erased == candidateId);
        var after = await host.Get<AccessStore>().ReadAuditAsync(100, CancellationToken.None);
        var searchAfter = Assert.Single(after, e => e.Id == search.Id);
        Assert.DoesNotContain(erased, searchAfter.CandidateIds);
        Assert.Equal(search.CandidateIds.Where(id => id != erased && id != candidateId), searchAfter.CandidateIds);
        var viewAfter = Assert.Single(after, e => e.Id == view.Id);
        Assert.Empty(viewAfter.CandidateIds);
        Assert.Equal("candidate", viewAfter.Action);
    }

    [Fact]
    public async Task Security_headers_are_on_every_response()
    {
        foreach (var path in new[] { "/", "/api/search?q=x", "/health/live" })
        {
            using var response = await host.Client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Logs_mask_e_mail_addresses_and_phone_numbers()
    {
        var logs = new CapturedLogs();
        await using var logged = await TalentTestHost.StartAsync(
            new(StringComparer.Ordinal) { ["Logging:LogLevel:Default"] = "Debug" },
            configure: b => b.Logging.AddProvider(logs));
        await logged.SubmitAsync("mail:quentin.marlowe@example.org +44 20 7946 0958", "text/markdown", "");
        await logged.SubmitAsync("mail:quentin.marlowe@example.org/cv", "text/markdown", "# Quentin Marlowe\nquentin.marlowe@example.org · +44 20 7946 0958\n\n## Experience\nEngineer, Example Ltd, 2020–now");
        await logged.WaitForIndexAsync();

        var text = logs.Text();
        Assert.Contains("[e-mail]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quentin.marlowe@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7946 0958", text, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> SendAsync(HttpRequestMessage request, string? key)
    {
        using (request)
        {
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public string Text() => string.Join('\n', lines);

        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
