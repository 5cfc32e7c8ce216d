using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Talent.Server.Demo;

namespace Talent.Tests.Cli;

/// <summary><c>talent admin reindex</c> on a free data folder, on one a server holds, and after a killed rebuild.</summary>
public sealed class ReindexCommandTests
{
    [Fact]
    public async Task Reindex_rebuilds_a_free_data_folder_and_search_still_answers()
    {
        using var temp = new TempDirectory();
        var data = await IngestDemoAsync(temp);
        // A generation directory left by a rebuild that was killed: never live, removed on the next start.
        var leftover = Directory.CreateDirectory(Path.Combine(data, "indexes", "candidates-20990101-000000-0000000")).FullName;
        await File.WriteAllTextAsync(Path.Combine(leftover, "_0.cfs"), "partial");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "reindex");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"reindexed {DemoLoader.Documents().Count} candidates", stdout, StringComparison.Ordinal);
        Assert.Contains("reindex:", stderr, StringComparison.Ordinal); // plain progress lines when not a terminal
        Assert.False(Directory.Exists(leftover));
        var (_, json, _) = await TalentProcess.RunAsync("--data", data, "search", "--json");
        Assert.Equal(DemoLoader.Documents().Count, JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reindex_and_ingest_go_through_a_server_that_holds_the_data_folder()
    {
        using var temp = new TempDirectory();
        var data = await IngestDemoAsync(temp);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var server = Process.Start(TalentProcess.StartInfo("--data", data, "serve", "--urls", url))!; // Start returns a process for a file name
        server.StandardInput.Close();
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!File.Exists(Path.Combine(data, "server.json")))
            {
                Assert.False(server.HasExited, "talent serve exited early");
                await Task.Delay(100, timeout.Token);
            }

            var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "reindex");
            Assert.True(exit == 0, stderr);
            Assert.Contains("holds this data folder", stderr, StringComparison.Ordinal);
            Assert.Contains($"reindexed {DemoLoader.Documents().Count} candidates", stdout, StringComparison.Ordinal);

            var extra = Path.Combine(temp.Path, "extra.md");
            await File.WriteAllTextAsync(extra, "# Farah Haddad\n\nfarah.haddad@example.jo\n\n## SELECTED PUBLICATIONS\n\n- Federated Learning for Arabic Speech Recognition**  \nFarah Haddad, Omar Khalil **INTERSPEECH 2023**\n");
            var (ingestExit, ingestOut, ingestErr) = await TalentProcess.RunAsync("--data", data, "ingest", extra);
            Assert.True(ingestExit == 0, ingestErr);
            Assert.Contains("submitted 1", ingestOut, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<string> IngestDemoAsync(TempDirectory temp)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), content);
        }

        var data = Path.Combine(temp.Path, "data");
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", folder);
        Assert.True(exit == 0, stderr);
        return data;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
