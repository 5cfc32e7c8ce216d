using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Talent.Server.Access;
using Talent.Tests.Cli;

namespace Talent.Tests.Access;

/// <summary><c>talent admin keys</c> and <c>audit</c>, and which bindings need keys, as separate processes.</summary>
public sealed class AccessCommandTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.1.2.3:5080", false)]
    [InlineData("http://talent.example.org:80", false)]
    public void Only_loopback_bindings_count_as_local(string address, bool loopback) =>
        Assert.Equal(loopback, AnonymousAccess.IsLoopbackAddress(address));

    [Fact]
    public async Task Keys_are_created_listed_and_revoked_and_a_server_on_all_addresses_requires_them()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "keys", "create", "--role", "recruiter", "--name", "sourcing team");
        Assert.True(exit == 0, stderr);
        var secret = stdout.Trim().Split('\n')[^1].Split(' ')[^1];
        Assert.StartsWith("tk_", secret, StringComparison.Ordinal);

        (exit, stdout, _) = await TalentProcess.RunAsync("--data", data, "admin", "keys", "list", "--json");
        Assert.Equal(0, exit);
        var key = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal("recruiter", key.GetProperty("role").GetString());
        Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
        var id = key.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "keys", "create", "--role", "superuser");
        Assert.Equal(2, exit);
        Assert.Contains("superuser", stderr, StringComparison.Ordinal);

        // Listening on every address: no key → 401, the recruiter key → 200, and the search is audited.
        var port = TalentProcess.FreePort();
        var info = TalentProcess.StartInfo("--data", data, "serve", "--urls", $"http://0.0.0.0:{port}");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using (var server = StartLogged(info, log))
        {
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                await WaitReadyAsync(http, server, log);
                Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/search?q=learning")).StatusCode);
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/search?q=learning");
                request.Headers.Add("X-Api-Key", secret);
                Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
                Assert.Contains(log, l => l.Contains("API keys required", StringComparison.Ordinal));
                Assert.DoesNotContain(log, l => l.Contains(secret, StringComparison.Ordinal));
                await WaitForAuditAsync(data);
            }
            finally
            {
                server.Kill(entireProcessTree: false);
                await server.WaitForExitAsync();
            }
        }

        (exit, stdout, _) = await TalentProcess.RunAsync("--data", data, "admin", "audit", "--json");
        Assert.Equal(0, exit);
        var entry = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal("search", entry.GetProperty("action").GetString());
        Assert.Equal("?q=learning", entry.GetProperty("detail").GetString());

        (exit, stdout, _) = await TalentProcess.RunAsync("--data", data, "admin", "keys", "revoke", id);
        Assert.Equal(0, exit);
        Assert.Contains($"revoked key {id}", stdout, StringComparison.Ordinal);
        (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "keys", "revoke", id);
        Assert.Equal(1, exit);
        Assert.Equal($"talent: no live key with id {id}", stderr.Trim());
    }

    [Fact]
    public async Task Open_to_anyone_on_all_addresses_only_with_the_explicit_setting_and_a_loud_warning()
    {
        using var temp = new TempDirectory();
        var port = TalentProcess.FreePort();
        var info = TalentProcess.StartInfo("--data", Path.Combine(temp.Path, "data"), "serve", "--urls", $"http://0.0.0.0:{port}");
        info.Environment["Talent__Access__AllowAnonymousOnAnyAddress"] = "true";
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = StartLogged(info, log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitReadyAsync(http, server, log);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/search?q=learning")).StatusCode);
            Assert.Contains(log, l => l.Contains("OPEN TO ANYONE", StringComparison.Ordinal) && l.Contains("warn", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            server.Kill(entireProcessTree: false);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Starts a process and collects every line it writes to stdout and stderr into <paramref name="log"/>.</summary>
    private static Process StartLogged(ProcessStartInfo info, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var process = Process.Start(info)!; // Process.Start returns a process for a file name
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The audit is written in the background: waits until the server has stored the search, read by another process.</summary>
    private static async Task WaitForAuditAsync(string data)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "audit", "--json");
            Assert.True(exit == 0, stderr);
            if (JsonDocument.Parse(stdout).RootElement.GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process server, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        using var timeout = TestWait.Token();
        while (true)
        {
            Assert.False(server.HasExited, "the server exited: " + string.Join('\n', log));
            try
            {
                if ((await http.GetAsync("health/ready", timeout.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, timeout.Token);
        }
    }

}
