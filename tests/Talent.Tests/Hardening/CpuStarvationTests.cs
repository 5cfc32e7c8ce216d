using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Tests.Cli;
using Xunit.Abstractions;

namespace Talent.Tests.Hardening;

/// <summary>
/// A host starved of CPU never turns a good document into a rejection: extraction has no wall-clock limit (its patterns
/// run on the non-backtracking engine), and a time-out, were one to happen, is retried, never remembered as a verdict.
/// The starvation is real: the test freezes a <c>talent serve</c> process (SIGSTOP) for 1.1 s at a time and lets it
/// run for 25 ms in between, which is what a CPU-limited cgroup crowded with busy loops does to it, only harder.
/// (A cgroup's CPU quota alone cannot pause a process for longer than its period, at most 1 s, and 80 busy loops
/// would take the CPU from everything else on the machine.) After the starvation the seeds must all be accepted.
/// </summary>
public sealed class CpuStarvationTests(ITestOutputHelper output)
{
    private const int Rounds = 6;

    [SeedFact]
    public async Task Seeds_are_all_ingested_by_a_server_starved_of_cpu()
    {
        using var temp = new TempDirectory();
        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        var info = TalentProcess.StartInfo("--data", temp.Path, "serve", "--urls", url);
        using var server = Process.Start(info)!; // Start returns a process for a file name
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        server.StandardInput.Close();
        try
        {
            await WaitUntilAsync(() => ReadyAsync(server, client));

            // Warm up (the code is compiled before the starvation), then starve while the seeds arrive.
            await PostAsync(client, "warm:1", "# Warm Upton\n\nwarm.upton@example.org\n\n## Publications\n- Warming Up Servers, ICML 2021\n");
            await WaitUntilAsync(async () => await TotalAsync(client, "Upton") == 1);
            var seeds = Directory.GetFiles(TestPaths.SeedsDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();
            var texts = await Task.WhenAll(seeds.Select(seed => File.ReadAllTextAsync(seed)));

            // The seeds arrive in rounds, each a new version (a line break more: new content, same facts), so the server is
            // busy extracting for as long as it is starved.
            using var starved = new CancellationTokenSource();
            var starving = StarveAsync(server.Id, starved.Token);
            var round = 0;
            while (round < Rounds)
            {
                round++;
                await Task.WhenAll(seeds.Select((seed, i) => PostAsync(client, "file:" + Path.GetFileName(seed), texts[i] + new string('\n', round), round)));
            }

            await starved.CancelAsync();
            var freezes = await starving;

            // Every seed ends accepted at its last version, and no version of any was ever rejected.
            await WaitUntilAsync(async () => await AcceptedSourcesAsync(client, round) == seeds.Count);
            var rejected = await client.GetFromJsonAsync<JsonElement>("/api/rejected");
            Assert.Equal(0, rejected.GetArrayLength());
            Assert.DoesNotContain(log, line => line.Contains("Rejected document", StringComparison.Ordinal));
            output.WriteLine($"{seeds.Count} seeds accepted; {round} rounds under {freezes} freezes of 1.1 s; extraction time-outs retried: {TimeOuts(log)}");
        }
        finally
        {
            Signal(server.Id, "CONT");
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Freezes the process for 1.1 s and lets it run 25 ms until cancelled; returns how many times it froze it.</summary>
    private static Task<int> StarveAsync(int pid, CancellationToken stop) => Task.Run(async () =>
    {
        var freezes = 0;
        while (!stop.IsCancellationRequested)
        {
            Signal(pid, "STOP");
            freezes++;
            await Task.Delay(1100, CancellationToken.None);
            Signal(pid, "CONT");
            await Task.Delay(25, CancellationToken.None);
        }

        return freezes;
    });

    private static int TimeOuts(IEnumerable<string> log) => log.Count(line => line.Contains("not extracted in time", StringComparison.Ordinal));

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!; // Start returns a process for a file name
        kill.WaitForExit();
    }

    private static async Task PostAsync(HttpClient client, string sourceId, string content, int version = 1)
    {
        using var response = await client.PostAsJsonAsync("/api/documents", new { sourceId, version, contentType = "text/plain", content });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/search?size=100&q=" + Uri.EscapeDataString(query))).GetProperty("total").GetInt32();

    /// <summary>Seed sources stored at <paramref name="version"/> (the search lists candidates; each candidate's page lists its sources).</summary>
    private static async Task<int> AcceptedSourcesAsync(HttpClient client, int version)
    {
        var everyone = await client.GetFromJsonAsync<JsonElement>("/api/search?size=100");
        var count = 0;
        foreach (var hit in everyone.GetProperty("results").EnumerateArray())
        {
            var candidate = await client.GetFromJsonAsync<JsonElement>($"/api/candidates/{hit.GetProperty("id").GetInt64()}");
            count += candidate.GetProperty("sources").EnumerateArray()
                .Count(source => source.GetProperty("sourceId").GetString()!.StartsWith("file:", StringComparison.Ordinal) && source.GetProperty("version").GetInt64() == version);
        }

        return count;
    }

    private static async Task<bool> ReadyAsync(Process server, HttpClient client)
    {
        Assert.False(server.HasExited, "talent serve exited early");
        try
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return ready.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, "timed out waiting for the condition");
            await Task.Delay(100);
        }
    }
}
