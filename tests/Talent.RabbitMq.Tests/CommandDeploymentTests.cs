using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// <c>talent ingest</c>, <c>remove</c> and <c>admin reindex</c> as separate processes against the three ways a data folder
/// is held: nobody, a <c>talent serve</c>, a <c>talent worker</c> with <c>serve --role query</c> over a private broker.
/// Each deployment runs the same scenario and must print the same lines: the real per-document outcomes (exit 1 for a
/// rejection), an erasure that is done when the command returns, a reindex that is done and searched after.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed partial class CommandDeploymentTests(RabbitMqBroker broker)
{
    /// <summary>What every deployment prints on stdout, written by hand (a candidate id stands as #).</summary>
    private static readonly string[] Expected =
    [
        "accepted 2, merged 0, unchanged 0, stale 0, rejected 1",
        "removed (talent admin erasure-report # shows what)",
        "reindexed 1 candidates",
        "1 candidate: Thaddeus Marchetti-Oyelowo",
        "rejected: empty.md",
        "audited: q=Okonkwo OR Marchetti OR Lindqvist OR Oyelowo",
    ];

    [Fact]
    public async Task Commands_on_a_free_data_folder_run_in_process()
    {
        var data = BrokerTalentHost.NewDataDirectory();
        try
        {
            Assert.Equal(Expected, await RunScenarioAsync(["--data", data], data, holder: null));
        }
        finally
        {
            DeleteDataFolder(data);
        }
    }

    [Fact]
    public async Task Commands_on_a_folder_held_by_serve_go_to_the_server()
    {
        var data = BrokerTalentHost.NewDataDirectory();
        var port = SplitProcessTests.FreePort();
        using var serve = SplitProcessTests.Start(["--data", data, "serve", "--urls", $"http://127.0.0.1:{port}"], drain: true);
        try
        {
            await WaitForReadyAsync(port, serve);
            Assert.Equal(Expected, await RunScenarioAsync(["--data", data], data, holder: "a talent server at"));
            Assert.False(serve.HasExited, SplitProcessTests.OutputOf(serve));
        }
        finally
        {
            SplitProcessTests.Stop(serve);
            DeleteDataFolder(data);
        }
    }

    [RabbitMqFact]
    public async Task Commands_on_a_folder_held_by_a_worker_and_a_query_role_reach_the_worker()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        var port = SplitProcessTests.FreePort();
        string[] common = ["--data", data, "--transport", "rabbitmq", "--rabbitmq", broker.AmqpUrl(vhost)];
        using var worker = SplitProcessTests.Start([.. common, "worker"], drain: true);
        using var query = SplitProcessTests.Start([.. common, "serve", "--role", "query", "--urls", $"http://127.0.0.1:{port}"], drain: true);
        try
        {
            await BrokerTalentHost.WaitUntilAsync(
                async () =>
                {
                    Assert.False(worker.HasExited, "the worker exited: " + SplitProcessTests.OutputOf(worker));
                    return await broker.QueueDepthAsync(vhost, "talent-profile-documents") is not null && await broker.QueueDepthAsync(vhost, "CandidateRemovalRequested") is not null;
                },
                "the worker's queues");
            await WaitForReadyAsync(port, query);

            Assert.Equal(Expected, await RunScenarioAsync(common, data, holder: "a talent server at"));

            // The query role follows the generation the worker's reindex published, and the erasure is gone there too.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await BrokerTalentHost.WaitUntilAsync(
                async () => await HttpTotalAsync(http, "Marchetti") == 1 && await HttpTotalAsync(http, "Okonkwo") == 0,
                "the query role to search the rebuilt index");

            // A document only published (no one waits for its outcome) and rejected is one warning line, not a fault.
            await broker.PublishRawAsync(vhost, "talent-profile-documents", JsonSerializer.Serialize(new { sourceId = "process:empty", version = 1, contentType = "text/markdown", content = " " }));
            await BrokerTalentHost.WaitUntilAsync(
                () => Task.FromResult(SplitProcessTests.OutputOf(worker).Contains("Rejected document process:empty", StringComparison.Ordinal)),
                "the worker to log the rejection");
            var log = SplitProcessTests.OutputOf(worker);
            Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
            Assert.DoesNotContain("R-FAULT", log, StringComparison.Ordinal);
            Assert.DoesNotMatch(StackFrame(), log);
            Assert.False(worker.HasExited || query.HasExited);
        }
        finally
        {
            SplitProcessTests.Stop(query);
            SplitProcessTests.Stop(worker);
            DeleteDataFolder(data);
        }
    }

    /// <summary>
    /// Ingests two CVs and an empty file, erases one CV, rebuilds the index and searches; returns the stdout lines (a
    /// candidate id as #), after checking exit codes and where the work went.
    /// </summary>
    private static async Task<List<string>> RunScenarioAsync(string[] common, string data, string? holder)
    {
        var inbox = Directory.CreateDirectory(Path.Combine(data, "inbox")).FullName;
        var zephyrine = Path.Combine(inbox, "zephyrine.md");
        await File.WriteAllTextAsync(zephyrine, Cvs.Markdown("Zephyrine Okonkwo-Lindqvist", "zephyrine@example.org", "Rectified Flows for Long Video"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "thaddeus.md"), Cvs.Markdown("Thaddeus Marchetti-Oyelowo", "thaddeus@example.org", "Sparse Kernels for Graph Transformers"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "empty.md"), "");
        var lines = new List<string>();

        var (exit, stdout, stderr) = await SplitProcessTests.RunAsync([.. common, "ingest", inbox]);
        Assert.True(exit == 1, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains($"rejected {Path.Combine(inbox, "empty.md")}: ", stderr, StringComparison.Ordinal);
        Where(stderr, holder);
        lines.Add(stdout.Trim());

        (exit, stdout, stderr) = await SplitProcessTests.RunAsync([.. common, "remove", "--source", new Uri(zephyrine).AbsoluteUri]);
        Assert.True(exit == 0, stderr);
        Where(stderr, holder);
        lines.Add(Number().Replace(stdout.Trim(), "#"));

        (exit, stdout, stderr) = await SplitProcessTests.RunAsync([.. common, "admin", "reindex"]);
        Assert.True(exit == 0, stderr);
        Where(stderr, holder);
        lines.Add(stdout.Trim().Split(" in ")[0]);

        // Read-only search beside whoever holds the folder: the erased CV is gone, the other is in the rebuilt index.
        (exit, stdout, stderr) = await SplitProcessTests.RunAsync(["--data", data, "search", "Okonkwo OR Marchetti OR Lindqvist OR Oyelowo", "--json"]);
        Assert.True(exit == 0, stderr);
        using var found = JsonDocument.Parse(stdout);
        var names = found.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        lines.Add($"{names.Count} candidate: {string.Join(", ", names)}");

        // Operator reads beside whoever holds the folder: the rejection is listed, the search above is in the audit.
        (exit, stdout, stderr) = await SplitProcessTests.RunAsync(["--data", data, "admin", "rejected", "--json"]);
        Assert.True(exit == 0, stderr);
        using var rejected = JsonDocument.Parse(stdout);
        lines.Add("rejected: " + string.Join(", ", rejected.RootElement.EnumerateArray().Select(r => Path.GetFileName(new Uri(r.GetProperty("sourceId").GetString()!).LocalPath))));
        (exit, stdout, stderr) = await SplitProcessTests.RunAsync(["--data", data, "admin", "audit", "--json"]);
        Assert.True(exit == 0, stderr);
        using var audit = JsonDocument.Parse(stdout);
        lines.Add("audited: " + string.Join(", ", audit.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "search")
            .Select(e => e.GetProperty("detail").GetString())));
        return lines;
    }

    /// <summary>The line saying where the work went: none when it ran in the command's own process.</summary>
    private static void Where(string stderr, string? holder)
    {
        if (holder is null)
        {
            Assert.DoesNotContain("holds this data folder", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(holder, stderr, StringComparison.Ordinal);
        }
    }

    private static async Task WaitForReadyAsync(int port, Process process)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await BrokerTalentHost.WaitUntilAsync(
            async () =>
            {
                Assert.False(process.HasExited, "the server exited: " + SplitProcessTests.OutputOf(process));
                try
                {
                    using var response = await http.GetAsync("health/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the server to be ready");
    }

    private static async Task<int> HttpTotalAsync(HttpClient http, string query)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync($"api/search?q={Uri.EscapeDataString(query)}&size=1"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static void DeleteDataFolder(string data)
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A process that just exited may still hold a file for a moment.
        }
    }

    [GeneratedRegex("[0-9]+", RegexOptions.NonBacktracking)]
    private static partial Regex Number();

    /// <summary>A .NET stack frame line, as an exception's trace prints it.</summary>
    [GeneratedRegex(@"\n\s+at [A-Za-z_.]+", RegexOptions.NonBacktracking)]
    private static partial Regex StackFrame();
}
