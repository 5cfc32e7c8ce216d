using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Talent.RabbitMq.Tests;

/// <summary>The built <c>talent</c> binary as two processes, the way compose runs it.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class SplitProcessTests(RabbitMqBroker broker)
{
    private static readonly ConditionalWeakTable<Process, ConcurrentQueue<string>> OutputTails = [];

    internal static readonly string CliPath = Path.Combine(
        RepositoryRoot(), "src", "Talent.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, // .../bin/<Configuration>/net10.0/
        "net10.0", "talent.dll");

    [RabbitMqFact]
    public async Task Talent_worker_and_serve_role_query_share_one_data_folder()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        var port = FreePort();
        string[] common = ["--data", data, "--transport", "rabbitmq", "--rabbitmq", broker.AmqpUrl(vhost)];
        using var query = Start([.. common, "serve", "--role", "query", "--urls", $"http://127.0.0.1:{port}"], drain: true);
        using var worker = Start([.. common, "worker"], drain: true);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            await BrokerTalentHost.WaitUntilAsync(
                async () =>
                {
                    Assert.False(query.HasExited, "the query process exited: " + OutputOf(query));
                    Assert.False(worker.HasExited, "the worker process exited: " + OutputOf(worker));
                    return await ReadyAsync(http);
                },
                "the query service to be ready");
            // The worker declares the document queue when its bus starts.
            await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, "talent-profile-documents") is not null, "the worker's queue");
            await broker.PublishRawAsync(vhost, "talent-profile-documents", JsonSerializer.Serialize(new
            {
                sourceId = "process:1",
                version = 1,
                contentType = "text/markdown",
                content = Cvs.Markdown("Leocadia Fairweather-Oduya", "leocadia@example.org", "Rectified Flow for Talking Heads"),
            }));

            await BrokerTalentHost.WaitUntilAsync(
                async () =>
                {
                    using var json = JsonDocument.Parse(await http.GetStringAsync("api/search?q=Fairweather"));
                    return json.RootElement.GetProperty("total").GetInt32() == 1;
                },
                "the query process to find the document the worker process ingested");
            Assert.False(query.HasExited);
            Assert.False(worker.HasExited);
        }
        finally
        {
            Stop(query);
            Stop(worker);
            DeleteDataFolder(data);
        }
    }

    [RabbitMqFact]
    public async Task Admin_reindex_asks_a_worker_that_holds_the_data_folder_through_the_broker()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        string[] common = ["--data", data, "--transport", "rabbitmq", "--rabbitmq", broker.AmqpUrl(vhost)];
        using var worker = Start([.. common, "worker"], drain: true);
        try
        {
            await WaitForQueueAsync(worker, vhost, "ReindexRequested");
            await broker.PublishRawAsync(vhost, "talent-profile-documents", JsonSerializer.Serialize(new
            {
                sourceId = "process:reindex",
                version = 1,
                contentType = "text/markdown",
                content = Cvs.Markdown("Ottoline Brackenridge-Sato", "ottoline@example.org", "Sparse Attention for Long Scores"),
            }));
            await BrokerTalentHost.WaitUntilAsync(
                async () => await SearchTotalAsync(data, "Brackenridge") == 1,
                "the worker to index the document");
            // A new data folder's first index has no CURRENT file yet; a rebuild names its generation there.
            var current = Path.Combine(data, "indexes", "CURRENT");
            var live = File.Exists(current) ? await File.ReadAllTextAsync(current) : null;

            var (exit, stdout, stderr) = await RunAsync([.. common, "admin", "reindex"]);

            Assert.True(exit == 0, stderr + OutputOf(worker));
            Assert.Contains("a talent worker holds this data folder", stderr, StringComparison.Ordinal);
            Assert.Contains("reindexed 1 candidates", stdout, StringComparison.Ordinal);
            Assert.NotEqual(live, await File.ReadAllTextAsync(current));
            Assert.Equal(1, await SearchTotalAsync(data, "Brackenridge"));
            Assert.False(worker.HasExited);

            // Without the broker, the one line says how to reach the worker.
            (exit, _, stderr) = await RunAsync(["--data", data, "admin", "reindex"]);
            Assert.Equal(1, exit);
            Assert.Contains("--transport rabbitmq", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Stop(worker);
            DeleteDataFolder(data);
        }
    }

    [RabbitMqFact]
    public async Task Ingest_sends_documents_to_a_worker_that_holds_the_data_folder_through_the_broker()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        var documents = Path.Combine(data, "incoming");
        Directory.CreateDirectory(documents);
        await File.WriteAllTextAsync(Path.Combine(documents, "wenceslas.md"), Cvs.Markdown("Wenceslas Oyelaran-Brandt", "wenceslas@example.org", "Adaptive Tiling for Sparse Tensor Cores"));
        await File.WriteAllTextAsync(Path.Combine(documents, "philippa.md"), Cvs.Markdown("Philippa Arkwright-Nakamura", "philippa@example.org", "Streaming Consensus over Lossy Links"));
        string[] common = ["--data", data, "--transport", "rabbitmq", "--rabbitmq", broker.AmqpUrl(vhost)];
        using var worker = Start([.. common, "worker"], drain: true);
        try
        {
            await WaitForQueueAsync(worker, vhost, "talent-profile-documents");

            var (exit, stdout, stderr) = await RunAsync([.. common, "ingest", documents]);

            Assert.True(exit == 0, stderr + OutputOf(worker));
            Assert.Contains("a talent worker holds this data folder", stderr, StringComparison.Ordinal);
            Assert.Contains("accepted 2, merged 0, unchanged 0", stdout, StringComparison.Ordinal);
            await BrokerTalentHost.WaitUntilAsync(
                async () => await SearchTotalAsync(data, "Arkwright") == 1 && await SearchTotalAsync(data, "Oyelaran") == 1,
                "the worker to index both documents");

            // The worker answers for each document: the same files again are unchanged.
            (exit, stdout, stderr) = await RunAsync([.. common, "ingest", documents]);
            Assert.True(exit == 0, stderr);
            Assert.Contains("accepted 0, merged 0, unchanged 2", stdout, StringComparison.Ordinal);

            // Without the broker, the one line says how to reach the worker.
            (exit, _, stderr) = await RunAsync(["--data", data, "ingest", documents]);
            Assert.Equal(1, exit);
            Assert.Contains("talent ingest --transport rabbitmq", stderr, StringComparison.Ordinal);
            Assert.False(worker.HasExited);
        }
        finally
        {
            Stop(worker);
            DeleteDataFolder(data);
        }
    }

    [Fact]
    public async Task Reaching_a_worker_through_a_broker_that_is_down_ends_in_one_line()
    {
        var data = BrokerTalentHost.NewDataDirectory();
        await File.WriteAllTextAsync(Path.Combine(data, "cv.md"), Cvs.Markdown("Isadora Quennell-Abiodun", "isadora@example.org", "Lossless Checkpoints for Sparse Models"));
        using var worker = Start(["--data", data, "worker"], drain: true);
        try
        {
            // The worker (in-memory bus) holds the index once it is ready.
            await BrokerTalentHost.WaitUntilAsync(
                () =>
                {
                    Assert.False(worker.HasExited, "the worker process exited: " + OutputOf(worker));
                    return Task.FromResult(OutputOf(worker).Contains("Database ready", StringComparison.Ordinal));
                },
                "the worker to hold the data folder");

            var (exit, _, stderr) = await RunAsync(["--data", data, "--transport", "rabbitmq", "--rabbitmq", "amqp://guest:guest@127.0.0.1:1/", "ingest", Path.Combine(data, "cv.md")]);

            Assert.Equal(1, exit);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length); // what the command is doing, then why it stopped: no stack trace
            Assert.Contains("cannot reach the RabbitMQ broker", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            Stop(worker);
            DeleteDataFolder(data);
        }
    }

    [Fact]
    public async Task Query_role_without_a_broker_is_a_usage_error()
    {
        var data = BrokerTalentHost.NewDataDirectory();
        using var process = Start(["--data", data, "serve", "--role", "query"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        Directory.Delete(data, recursive: true);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--transport rabbitmq", stderr, StringComparison.Ordinal);
    }

    /// <summary>Waits until a worker process has declared <paramref name="queue"/>, failing at once if the worker exits.</summary>
    private async Task WaitForQueueAsync(Process worker, string vhost, string queue) =>
        await BrokerTalentHost.WaitUntilAsync(
            async () =>
            {
                Assert.False(worker.HasExited, "the worker process exited: " + OutputOf(worker));
                return await broker.QueueDepthAsync(vhost, queue) is not null;
            },
            "the worker's queue " + queue);

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

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Reads a long-running process's output away so a full pipe never blocks it, keeping the last lines for failure messages.</summary>
    internal static void Drain(Process process)
    {
        var tail = OutputTails.GetOrCreateValue(process);
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            tail.Enqueue(line);
            while (tail.Count > 40 && tail.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines a drained process wrote, with its exit code when it has exited.</summary>
    internal static string OutputOf(Process process)
    {
        var exit = process.HasExited ? string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode}; ") : string.Empty;
        return exit + (OutputTails.TryGetValue(process, out var tail) ? string.Join(Environment.NewLine, tail) : "(output not kept)");
    }

    internal static Process Start(string[] args, bool drain = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TALENT_DATA");
        info.Environment.Remove("TALENT_RABBITMQ");
        info.Environment["Talent__Embeddings__Enabled"] = "false"; // on by default; these processes test the bus
        var process = Process.Start(info)!; // Process.Start returns a process for a file name
        if (drain)
        {
            Drain(process);
        }

        return process;
    }

    /// <summary>How many candidates <c>talent search</c> finds, reading the index read-only beside the process that writes it.</summary>
    private static async Task<int> SearchTotalAsync(string data, string query)
    {
        var (exit, stdout, stderr) = await RunAsync(["--data", data, "search", query, "--json"]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Runs a one-shot command to its end.</summary>
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = TestWait.Token();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    internal static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Talent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Talent.sln not found above {AppContext.BaseDirectory}"));
    }
}
