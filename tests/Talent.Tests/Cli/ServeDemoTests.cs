using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Talent.Search.Matching;
using Talent.Server.Demo;
using Talent.Storage;

namespace Talent.Tests.Cli;

/// <summary><c>talent serve --demo</c> as a real process on a loopback port.</summary>
public sealed class ServeDemoTests
{
    [Fact]
    public async Task Serve_demo_on_a_busy_port_fails_in_one_line_then_reports_ready_only_once_every_sample_is_searchable_and_ranks_by_meaning_once_embedded()
    {
        using var temp = new TempDirectory();
        var database = Path.Combine(temp.Path, "talent.db");
        using (var busy = new TcpListener(IPAddress.Loopback, 0))
        {
            busy.Start();
            var port = ((IPEndPoint)busy.LocalEndpoint).Port;
            var (exit, _, failed) = await TalentProcess.RunAsync("--data", temp.Path, "serve", "--demo", "--urls", $"http://127.0.0.1:{port}");
            Assert.Equal(1, exit);
            var line = Assert.Single(failed.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("talent: cannot listen on ", line, StringComparison.Ordinal);
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            // Nothing was written before the listener was bound: no half-loaded demo to be stuck with.
            Assert.True(!File.Exists(database) || await CountCandidatesAsync(database) == 0);
        }

        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        // As the README runs it: the shipped configuration, sentence vectors on.
        var info = TalentProcess.StartInfo("--data", temp.Path, "serve", "--demo", "--urls", url);
        info.Environment.Remove(TalentProcess.EmbeddingsEnabled);
        using var process = Process.Start(info)!; // Start returns a process for a file name
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var notReady = new List<string>();
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        try
        {
            using var timeout = TestWait.Token();
            while (true)
            {
                Assert.False(process.HasExited, "talent serve exited early");
                try
                {
                    using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    notReady.Add($"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync(timeout.Token)}");
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100, timeout.Token);
            }

            // Ready means every sample is stored and searchable, not the first one: the load after a failed start is complete.
            Assert.Equal(DemoLoader.Documents().Count, await CountCandidatesAsync(database));
            var response = await client.GetFromJsonAsync<JsonElement>("/api/search?q=video", timeout.Token);
            Assert.NotEqual(0, response.GetProperty("results").GetArrayLength());
            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), timeout.Token);
            Assert.Contains("Talent", page, StringComparison.Ordinal);

            // The samples get their sentence vectors behind the load, and search then ranks by meaning as well.
            while ((await client.GetFromJsonAsync<JsonElement>("/health/embeddings", timeout.Token)).GetProperty("embedded").GetInt64() < DemoLoader.Documents().Count)
            {
                Assert.False(process.HasExited, "talent serve exited early");
                await Task.Delay(100, timeout.Token);
            }

            var explained = await client.GetFromJsonAsync<JsonElement>("/api/search?q=video%20generation&explain=true", timeout.Token);
            Assert.Equal(CandidateMatch.Hybrid, explained.GetProperty("results")[0].GetProperty("ranker").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = await stderr; // the log goes to standard error
        Assert.DoesNotContain("Unhandled exception", log, StringComparison.Ordinal);

        // Not ready yet is answered with its reason, and is a step of starting, not a line in the log on every probe.
        Assert.All(notReady, answer => Assert.Matches("^503 (Degraded|Unhealthy): .+", answer));
        Assert.DoesNotContain("Health check talent", log, StringComparison.Ordinal);
    }

    private static Task<int> CountCandidatesAsync(string database) =>
        new CandidateStore(new TalentDatabase(database), TimeProvider.System).CountCandidatesAsync(CancellationToken.None);
}
