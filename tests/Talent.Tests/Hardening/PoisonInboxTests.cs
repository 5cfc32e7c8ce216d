using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Talent.Contracts;
using Talent.Server;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Tests.Hardening;

/// <summary>A document that no start of the worker manages to store is submitted again at a bounded number of starts, then listed as rejected.</summary>
public sealed class PoisonInboxTests
{
    [Fact]
    public async Task A_document_that_fails_at_every_start_leaves_the_inbox_as_rejected_after_the_bound()
    {
        using var temp = new TempDirectory();
        var database = new TalentDatabase(Path.Combine(temp.Path, "talent.db"));
        await using (var first = await StartAsync(temp.Path, poison: true))
        {
            using var client = Client(first);
            using var response = await client.PostAsJsonAsync("/api/documents", new { sourceId = "poison:1", version = 1, contentType = "text/markdown", content = "# Pollux Ravenscroft\n\npollux@example.org\n" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await first.StopAsync();
        }

        // Each later start submits it again and it fails again, until the bound: then it is rejected, not submitted.
        for (var start = 1; start <= InboxReplay.MaxStarts + 1; start++)
        {
            await using var again = await StartAsync(temp.Path, poison: true);
            await WaitUntilAsync(async () => start <= InboxReplay.MaxStarts
                ? await StartsAsync(database) == start
                : await InboxCountAsync(database) == 0);
            await again.StopAsync();
        }

        await using var last = await StartAsync(temp.Path, poison: false);
        using var admin = Client(last);
        var rejected = await admin.GetFromJsonAsync<JsonElement>("/api/rejected");
        var entry = Assert.Single(rejected.EnumerateArray());
        Assert.Equal("poison:1", entry.GetProperty("sourceId").GetString());
        Assert.Contains($"{InboxReplay.MaxStarts} starts", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await InboxCountAsync(database));

        // Rejected without its content's hash: the same document submitted again is tried again (and stored, now that it is not poison).
        using var response2 = await admin.PostAsJsonAsync("/api/documents", new { sourceId = "poison:1", version = 1, contentType = "text/markdown", content = "# Pollux Ravenscroft\n\npollux@example.org\n" });
        Assert.Equal(HttpStatusCode.Accepted, response2.StatusCode);
        await WaitUntilAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/rejected")).GetArrayLength() == 0);
    }

    private static HttpClient Client(WebApplication app)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        return client;
    }

    private static async Task<WebApplication> StartAsync(string data, bool poison)
    {
        var builder = TalentApplication.CreateWebBuilder(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = data,
            ["Talent:Index:Directory"] = Path.Combine(data, "indexes"),
            ["Talent:Index:CommitDelayMilliseconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Talent:Embeddings:Enabled"] = "false",
        });
        builder.WebHost.UseTestServer();
        if (poison)
        {
            builder.Services.AddConsumeObserver<Poison>();
        }

        var app = TalentApplication.BuildWebApplication(builder);
        await app.StartAsync();
        return app;
    }

    private static Task<long> InboxCountAsync(TalentDatabase database) => ScalarAsync(database, "SELECT COUNT(*) FROM inbox");

    private static Task<long> StartsAsync(TalentDatabase database) => ScalarAsync(database, "SELECT COALESCE(MAX(starts), 0) FROM inbox");

    private static async Task<long> ScalarAsync(TalentDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!; // COUNT and COALESCE are never null
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, "timed out waiting for the condition");
            await Task.Delay(50);
        }
    }

    /// <summary>A document that fails every time it is consumed (as one that crashes the worker would, start after start).</summary>
    private sealed class Poison : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class =>
            context.Message is ProfileDocumentSubmitted { SourceId: "poison:1" } ? throw new InvalidOperationException("poison") : Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
