using System.Diagnostics;
using System.Globalization;
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
        var data = await TalentProcess.IngestDemoAsync(temp);
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
        var data = await TalentProcess.IngestDemoAsync(temp);
        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        using var server = Process.Start(TalentProcess.StartInfo("--data", data, "serve", "--urls", url))!; // Start returns a process for a file name
        server.StandardInput.Close();
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = TestWait.Token();
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
            Assert.Contains("accepted 1, merged 0, unchanged 0, stale 0, rejected 0", ingestOut, StringComparison.Ordinal);

            // A person's merge and split go to the server too (the index is its to write), and come back as they would here.
            var (_, found, _) = await TalentProcess.RunAsync("--data", data, "search", "Farah Haddad", "--json");
            var farah = JsonDocument.Parse(found).RootElement.GetProperty("results")[0].GetProperty("id").GetInt64();
            var (mergeExit, mergeOut, mergeErr) = await TalentProcess.RunAsync("--data", data, "admin", "merge", "1", farah.ToString(CultureInfo.InvariantCulture));
            Assert.True(mergeExit == 0, mergeErr);
            Assert.Contains("holds this data folder", mergeErr, StringComparison.Ordinal);
            Assert.Equal("merged into candidate(s) 1", mergeOut.Trim());
            var (splitExit, splitOut, splitErr) = await TalentProcess.RunAsync("--data", data, "admin", "split", "1", "--source", "file://" + extra);
            Assert.True(splitExit == 0, splitErr);
            Assert.StartsWith("split into candidate(s) 1, ", splitOut.Trim(), StringComparison.Ordinal);
            var (refusedExit, _, refusedErr) = await TalentProcess.RunAsync("--data", data, "admin", "merge", "1", "1");
            Assert.Equal(1, refusedExit);
            Assert.Equal("talent: give two different candidates", refusedErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_reindex_killed_midway_leaves_search_on_the_old_index_and_the_next_one_succeeds()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        const int people = 6000;
        await StoreManyAsync(data, people);
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "reindex");
        Assert.True(exit == 0, stderr);
        var current = Path.Combine(data, "indexes", "CURRENT");
        var live = await File.ReadAllTextAsync(current);

        // kill -9 once the rebuild reports progress and before it finishes (a fast machine may finish first: try again).
        var killedMidway = false;
        for (var attempt = 0; attempt < 3 && !killedMidway; attempt++)
        {
            using var rebuild = Process.Start(TalentProcess.StartInfo("--data", data, "admin", "reindex"))!; // Start returns a process for a file name
            rebuild.StandardInput.Close();
            _ = rebuild.StandardOutput.ReadToEndAsync();
            while (await rebuild.StandardError.ReadLineAsync() is { } line && !line.StartsWith("reindex:", StringComparison.Ordinal))
            {
            }

            rebuild.Kill(entireProcessTree: true);
            await rebuild.WaitForExitAsync();
            var after = await File.ReadAllTextAsync(current);
            killedMidway = after == live;
            live = after;

            // Whatever the moment of the kill, search answers with every candidate.
            var (searchExit, json, searchError) = await TalentProcess.RunAsync("--data", data, "search", "--json");
            Assert.True(searchExit == 0, searchError);
            Assert.Equal(people, JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32());
        }

        Assert.True(killedMidway, "every rebuild finished before it could be killed");
        (exit, var stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "reindex");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"reindexed {people} candidates", stdout, StringComparison.Ordinal);
        Assert.NotEqual(live, await File.ReadAllTextAsync(current));
        // Only the live generation is left: the killed rebuild's directory was removed at the next start.
        Assert.Single(Directory.GetDirectories(Path.Combine(data, "indexes")));
        var (_, found, _) = await TalentProcess.RunAsync("--data", data, "search", "Person 4321", "--json");
        Assert.Contains("Person 4321", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reindex_stopped_by_a_termination_signal_says_so_and_leaves_the_live_index()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        await StoreManyAsync(data, 6000);
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "reindex");
        Assert.True(exit == 0, stderr);
        var current = Path.Combine(data, "indexes", "CURRENT");
        var live = await File.ReadAllTextAsync(current);

        // SIGTERM (what Ctrl+C and a service manager send, as SIGINT or SIGTERM) once the rebuild reports progress.
        using var rebuild = Process.Start(TalentProcess.StartInfo("--data", data, "admin", "reindex"))!; // Start returns a process for a file name
        rebuild.StandardInput.Close();
        _ = rebuild.StandardOutput.ReadToEndAsync();
        while (await rebuild.StandardError.ReadLineAsync() is { } line && !line.StartsWith("reindex:", StringComparison.Ordinal))
        {
        }

        using (var signal = Process.Start("kill", ["-TERM", rebuild.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        var rest = await rebuild.StandardError.ReadToEndAsync();
        await rebuild.WaitForExitAsync();

        Assert.Equal(1, rebuild.ExitCode);
        Assert.Contains("talent: reindex interrupted; the live index is unchanged", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", rest, StringComparison.Ordinal);
        Assert.Equal(live, await File.ReadAllTextAsync(current));
        Assert.Equal([Path.Combine(data, "indexes", live.Trim())], Directory.GetDirectories(Path.Combine(data, "indexes")));
    }

    /// <summary>Candidates written straight into the data folder's database, as ingestion leaves them.</summary>
    private static async Task StoreManyAsync(string data, int count)
    {
        Directory.CreateDirectory(data);
        var database = new Talent.Storage.TalentDatabase(Path.Combine(data, "talent.db"));
        await database.MigrateAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var store = new Talent.Storage.CandidateStore(database, TimeProvider.System);
        // In batches, as the worker stores them: one transaction per document would cost most of the test's time.
        foreach (var batch in Enumerable.Range(0, count).Chunk(500))
        {
            var results = await store.StoreBatchAsync([.. batch.Select(Write)], CancellationToken.None);
            Assert.All(results, r => Assert.Null(r.Failure));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static Talent.Storage.DocumentWrite Write(int i) => new(
        new Talent.Storage.IncomingDocument($"bulk:{i}", 1, "text/markdown", "# Person", null, $"h{i}", DateTimeOffset.UtcNow),
        new Talent.Profiles.ExtractedProfile
        {
            Name = $"Person {i}",
            Emails = [$"person.{i}@example.org"],
            Skills = ["Python", i % 2 == 0 ? "Rust" : "Go"],
            Topics = ["distributed training"],
            Publications = [new Talent.Profiles.Publication { Title = $"Scheduling Study {i}", Venue = "OSDI", Year = 2020 + (i % 5), Kind = Talent.Profiles.PublicationKind.Conference }],
        },
        null);
}
