using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talent.Tests.Cli;

/// <summary><c>talent serve --demo</c> as a real process on a loopback port.</summary>
public sealed class ServeDemoTests
{
    [Fact]
    public async Task Serve_demo_answers_a_search_with_sample_profiles_and_reports_ready()
    {
        using var temp = new TempDirectory();
        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        using var process = Process.Start(TalentProcess.StartInfo("--data", temp.Path, "serve", "--demo", "--urls", url))!; // Start returns a process for a file name
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        try
        {
            using var timeout = TestWait.Token();
            var results = 0;
            while (results == 0)
            {
                Assert.False(process.HasExited, "talent serve exited early");
                try
                {
                    var response = await client.GetFromJsonAsync<JsonElement>("/api/search?q=video", timeout.Token);
                    results = response.GetProperty("results").GetArrayLength();
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100, timeout.Token);
            }

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), timeout.Token);
            Assert.Contains("Talent", page, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.DoesNotContain("Unhandled exception", await stderr, StringComparison.Ordinal);
    }

}
