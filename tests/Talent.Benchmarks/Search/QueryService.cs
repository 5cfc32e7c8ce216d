using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Talent.Server;

namespace Talent.Benchmarks.Search;

/// <summary>
/// The query service as its own process, so its memory is its own: this benchmark program started again with the
/// <c>host</c> area, which builds the same web application <c>talent serve</c> does over a data folder.
/// </summary>
internal sealed class QueryService : IDisposable
{
    private readonly Process process;

    private QueryService(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>
    /// Starts the service over <paramref name="data"/> with the index under <paramref name="indexRoot"/> (the data folder's
    /// <c>indexes</c> by default); <paramref name="queryOnly"/> opens it read-only, as <c>talent serve</c> beside a worker does;
    /// <paramref name="vectors"/> turns sentence vectors on (<c>Talent:Embeddings:Enabled</c>) for match and similar.
    /// </summary>
    public static async Task<QueryService> StartAsync(string data, int port, string? indexRoot = null, bool queryOnly = false, bool vectors = false)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"))
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Started as "dotnet Talent.Benchmarks.dll": the process is dotnet, and the program is its first argument.
        var viaDotnet = Path.GetFileNameWithoutExtension(info.FileName) == "dotnet";
        var args = new List<string>(viaDotnet ? [typeof(QueryService).Assembly.Location] : []) { "host", "--data", data, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" };
        args.AddRange(indexRoot is null ? [] : ["--index", indexRoot]);
        args.AddRange(queryOnly ? ["--query-only"] : []);
        args.AddRange(vectors ? ["--vectors"] : []);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("the query service did not start");
        var service = new QueryService(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        using var http = new HttpClient { BaseAddress = service.Address };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the query service exited with {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the query service was not ready within 10 minutes");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Resident memory now and at its peak, in MB, from /proc.</summary>
    public (long Resident, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        long Kilobytes(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Kilobytes("VmRSS:") / 1024, Kilobytes("VmHWM:") / 1024);
    }

    /// <summary>
    /// The managed heap now and at its peak, in MB, as the service's own garbage collector reports it (sampled every
    /// 50 ms inside the service; see <see cref="HostAsync"/>).
    /// </summary>
    public static async Task<(long Heap, long Peak)> ManagedAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await http.GetFromJsonAsync<JsonElement>(new Uri("bench/managed", UriKind.Relative));
        return (body.GetProperty("heap").GetInt64() / (1024 * 1024), body.GetProperty("peak").GetInt64() / (1024 * 1024));
    }

    /// <summary>CPU time the service has used so far (user + system, every thread), from /proc/PID/stat.</summary>
    public TimeSpan Cpu()
    {
        var stat = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the command name may hold spaces; fields start after it
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>
    /// The <c>host</c> area: runs the web application over <c>--data</c> (index under <c>--index</c>, the data folder's
    /// <c>indexes</c> by default; read-only with <c>--query-only</c>; sentence vectors on with <c>--vectors</c>) at
    /// <c>--urls</c> until standard input closes. <c>GET /bench/managed</c> reports the managed heap now and at its peak,
    /// <c>GET /bench/pauses</c> the collector's pauses since it was last asked (<see cref="CollectorPauses"/>).
    /// </summary>
    public static async Task<int> HostAsync(string[] args)
    {
        var data = Option(args, "--data") ?? throw new ArgumentException("--data is required");
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = data,
            ["Talent:Index:Directory"] = Option(args, "--index") ?? Path.Combine(data, "indexes"),
            // A rebuild at start would run beside the measurements; the benchmark rebuilds when it measures rebuilding.
            ["Talent:Index:RebuildWhenAnalysisChanges"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The benchmark's clients measure the service, not the per-address rate limit.
            ["Talent:Access:BurstLimit"] = "100000",
            ["Talent:Access:RequestsPerSecond"] = "100000",
            ["urls"] = Option(args, "--urls") ?? "http://127.0.0.1:5080",
        };
        // Off unless asked for (on by default in the shipped configuration): the runs compare the two side by side.
        overrides["Talent:Embeddings:Enabled"] = args.Contains("--vectors", StringComparer.Ordinal) ? "true" : "false";

        var roles = args.Contains("--query-only", StringComparer.Ordinal) ? TalentRoles.Query : TalentRoles.All;
        await using var app = TalentApplication.BuildWebApplication(TalentApplication.CreateWebBuilder(overrides, roles));
        var peak = 0L;
        void Sample(object? state) => InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: false));
        await using var sampler = new Timer(Sample, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        app.MapGet("/bench/managed", () =>
        {
            Sample(null);
            // allocated, collections and paused: per-request allocation and collector cost, as differences between two reads.
            return Results.Ok(new
            {
                heap = GC.GetTotalMemory(forceFullCollection: false),
                peak = Interlocked.Read(ref peak),
                allocated = GC.GetTotalAllocatedBytes(precise: true),
                collections = GC.CollectionCount(0),
                paused = GC.GetTotalPauseDuration().TotalMilliseconds,
            });
        });
        using var pauses = new CollectorPauses();
        app.MapGet("/bench/pauses", () => Results.Ok(pauses.Take()));
        await app.StartAsync();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
