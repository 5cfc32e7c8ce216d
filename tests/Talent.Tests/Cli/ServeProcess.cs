using System.Diagnostics;
using System.Net;

namespace Talent.Tests.Cli;

/// <summary>A <c>talent serve</c> process over a data folder on a free loopback port, ready when constructed by <see cref="StartAsync"/>.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Task<string> stderr;

    private ServeProcess(Process process, HttpClient client, Task<string> stderr)
    {
        Process = process;
        Client = client;
        this.stderr = stderr;
    }

    public Process Process { get; }

    /// <summary>A client with the service's address and no timeout of its own (tests wait for conditions).</summary>
    public HttpClient Client { get; }

    /// <summary>Starts <c>talent --data <paramref name="data"/> serve</c> with <paramref name="environment"/> added and waits for <c>/health/ready</c>.</summary>
    public static async Task<ServeProcess> StartAsync(string data, IReadOnlyDictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{TalentProcess.FreePort()}";
        var info = TalentProcess.StartInfo("--data", data, "serve", "--urls", url);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!; // Start returns a process for a file name
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        var service = new ServeProcess(
            process,
            new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan },
            process.StandardError.ReadToEndAsync());
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>What the process wrote to standard error, once it has exited.</summary>
    public async Task<string> ErrorsAfterExitAsync()
    {
        await Process.WaitForExitAsync();
        return await stderr;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var timeout = TestWait.Token();
        while (true)
        {
            if (Process.HasExited)
            {
                Assert.Fail("talent serve exited early: " + await stderr);
            }

            Assert.False(timeout.IsCancellationRequested, "talent serve did not become ready");
            try
            {
                using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }
    }
}
