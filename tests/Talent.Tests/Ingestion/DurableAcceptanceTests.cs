using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Talent.Server;
using Talent.Server.Indexing;
using Talent.Storage;
using Talent.Tests.Cli;

namespace Talent.Tests.Ingestion;

/// <summary><c>202 Accepted</c> from <c>POST /api/documents</c> means the document is kept: a process that dies before storing it loses nothing.</summary>
public sealed class DurableAcceptanceTests
{
    private static readonly string[] FirstNames = ["Aurelia", "Bastien", "Cordelia", "Dorian", "Evander", "Fiorella", "Gideon", "Honora"];
    private static readonly string[] LastNames = ["Quillfeather", "Rosenmark", "Stavridou", "Thornquist", "Umberfield"];

    [Fact]
    public async Task Documents_accepted_by_a_process_that_stopped_before_storing_them_are_ingested_by_the_next_one()
    {
        using var temp = new TempDirectory();
        var documents = Documents(40);
        await using (var first = await StartAsync(temp.Path, holdBack: true))
        {
            using var client = first.GetTestClient();
            client.DefaultRequestHeaders.Add("X-Talent-Request", "1"); // as the web page and the CLI send it
            foreach (var document in documents)
            {
                using var response = await client.PostAsJsonAsync("/api/documents", document);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            await first.StopAsync();
        }

        // Nothing was stored; every accepted document waits in the inbox.
        var database = new TalentDatabase(Path.Combine(temp.Path, "talent.db"));
        Assert.Equal(0, await new CandidateStore(database, TimeProvider.System).CountSourcesAsync(CancellationToken.None));
        Assert.Equal(documents.Count, await InboxCountAsync(database));

        await using var second = await StartAsync(temp.Path, holdBack: false);
        var store = second.Services.GetRequiredService<CandidateStore>();
        await WaitUntilAsync(async () => await store.CountSourcesAsync(CancellationToken.None) == documents.Count && await InboxCountAsync(database) == 0);
        await second.Services.GetRequiredService<IndexSynchronizer>().WaitForCatchUpAsync(CancellationToken.None);
        using var search = second.GetTestClient();
        search.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        var everyone = await search.GetFromJsonAsync<JsonElement>("/api/search?size=100");
        Assert.Equal(documents.Count, everyone.GetProperty("total").GetInt32());

        // A document the running worker stores leaves the inbox in the same transaction.
        var more = Documents(documents.Count + 1)[^1];
        using (var response = await search.PostAsJsonAsync("/api/documents", more))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await WaitUntilAsync(async () => await store.CountSourcesAsync(CancellationToken.None) == documents.Count + 1 && await InboxCountAsync(database) == 0);
    }

    [Fact]
    public async Task Documents_accepted_before_kill_9_of_talent_serve_are_searchable_after_a_restart()
    {
        using var temp = new TempDirectory();
        var documents = Documents(30);
        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Add("X-Talent-Request", "1"); // as the web page and the CLI send it
        using (var server = await StartServeAsync(temp.Path, url, client))
        {
            await Parallel.ForEachAsync(documents, async (document, ct) =>
            {
                using var response = await client.PostAsJsonAsync("/api/documents", document, ct);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            });
            server.Kill(entireProcessTree: true); // SIGKILL: no shutdown of any kind
            await server.WaitForExitAsync();
        }

        using var restarted = await StartServeAsync(temp.Path, url, client);
        try
        {
            await WaitUntilAsync(async () =>
                (await client.GetFromJsonAsync<JsonElement>("/api/search?size=100")).GetProperty("total").GetInt32() == documents.Count);
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
    }

    private static List<object> Documents(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (object)new
            {
                sourceId = $"inbox:{i}",
                version = 1,
                contentType = "text/markdown",
                content = $"# {FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}\n"
                    + $"person{i}@inbox.example.org\n\n## Publications\n- Durable Queues for Document Number {i}, ICLR 2024\n",
            })
            .ToList();

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(string data, bool holdBack)
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
        if (holdBack)
        {
            builder.Services.AddConsumeObserver<HoldBack>();
        }

        var app = TalentApplication.BuildWebApplication(builder);
        await app.StartAsync();
        return app;
    }

    private static async Task<Process> StartServeAsync(string data, string url, HttpClient client)
    {
        var process = Process.Start(TalentProcess.StartInfo("--data", data, "serve", "--urls", url))!; // Start returns a process for a file name
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await WaitUntilAsync(async () =>
        {
            Assert.False(process.HasExited, "talent serve exited early");
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return ready.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        });
        return process;
    }

    private static async Task<long> InboxCountAsync(TalentDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox";
        return (long)(await command.ExecuteScalarAsync())!; // COUNT(*) is never null
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = TestWait.Token();
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, "timed out waiting for the condition");
            await Task.Delay(100);
        }
    }

    /// <summary>A worker that dies before it stores anything: every document message fails before its consumer runs.</summary>
    private sealed class HoldBack : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class =>
            context.Message is Talent.Contracts.ProfileDocumentSubmitted ? throw new InvalidOperationException("held back") : Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
