using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Talent.Tests.Cli;

namespace Talent.Tests.Hardening;

/// <summary>
/// A search stops when its client goes away: against a <c>talent serve</c> process, expensive queries (allowed here by
/// generous limits, over an index with tens of thousands of distinct words) are abandoned by their client once the
/// service has spent a known amount of CPU on them, and the service's CPU time from <c>/proc/PID/stat</c> shows it
/// stopped working on them; it then answers the next request.
/// </summary>
public sealed class DisconnectCpuTests(DisconnectCpuTests.Service service) : IClassFixture<DisconnectCpuTests.Service>
{
    /// <summary>CPU the service spends on a query before its client gives up: the query is well under way then.</summary>
    private static readonly TimeSpan SpentBeforeGivingUp = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Most CPU the service may spend after the client went: the step under way when the token is cancelled (one fuzzy
    /// term's automata for one field, a few hundred terms of an expansion), the abort and the runtime's own work. Each
    /// of these queries costs seconds of CPU when it runs to its end (2.2–3.5 s on this machine; 0–0.4 s of it after an
    /// abort, quiet or beside other work).
    /// </summary>
    private static readonly TimeSpan MostAfterDisconnect = TimeSpan.FromSeconds(1);

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TheoryData<string> ExpensiveQueries()
    {
        var random = new Random(5);
        string Letters(int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('a' + random.Next(26)))]);
        return
        [
            string.Join(' ', Enumerable.Range(0, 100).Select(_ => "*" + Letters(2) + "*")),
            string.Join(' ', Enumerable.Range(0, 100).Select(_ => Letters(7) + "~2")),
            string.Join(' ', Enumerable.Range(0, 40).Select(_ => "/.*" + Letters(1) + ".*" + Letters(1) + ".*/")),
        ];
    }

    [Theory]
    [MemberData(nameof(ExpensiveQueries))]
    public async Task A_search_whose_client_went_away_uses_no_more_cpu(string query)
    {
        var (server, client) = (service.Process, service.Client);
        var after = await AbandonAsync(server, client, query);
        Assert.True(after <= MostAfterDisconnect, $"the service spent {after.TotalMilliseconds:0} ms of CPU after its client went away");

        using var next = await client.GetAsync(new Uri("/api/search?q=researcher", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    /// <summary>Sends the query, gives up once the service has spent <see cref="SpentBeforeGivingUp"/> on it; returns the CPU it spent after.</summary>
    private static async Task<TimeSpan> AbandonAsync(Process server, HttpClient client, string query)
    {
        await IdleAsync(server.Id);
        var before = Cpu(server.Id);
        using var gone = new CancellationTokenSource();
        var request = client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), gone.Token);
        while (Cpu(server.Id) - before < SpentBeforeGivingUp)
        {
            Assert.False(request.IsCompleted, $"the query was answered before it cost {SpentBeforeGivingUp.TotalMilliseconds} ms of CPU: not expensive enough to test with");
            await Task.Delay(5);
        }

        gone.Cancel();
        var atDisconnect = Cpu(server.Id);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        return await IdleAsync(server.Id) - atDisconnect;
    }

    /// <summary>One <c>talent serve</c> process over the made-up profiles, for every query of the test.</summary>
    public sealed class Service : IAsyncLifetime
    {
        private readonly TempDirectory temp = new();
        private ServeProcess serve = null!; // set in InitializeAsync

        public Process Process => serve.Process;

        public HttpClient Client => serve.Client;

        public async Task InitializeAsync()
        {
            var data = await IngestManyWordsAsync(temp);
            // Generous limits: the queries must be allowed, and long, for the test to see them stop.
            serve = await ServeProcess.StartAsync(data, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Talent__Search__Limits__AllowLeadingWildcard"] = "true",
                ["Talent__Search__Limits__MaxExpansions"] = "1024",
                ["Talent__Search__Limits__MaxExpensiveTerms"] = "100",
                ["Talent__Search__Limits__MaxAutomatonStates"] = "10000",
                ["Talent__Search__Limits__TimeBudgetMilliseconds"] = "600000",
            });
        }

        public async Task DisposeAsync()
        {
            await serve.DisposeAsync();
            temp.Dispose();
        }
    }

    /// <summary>Forty profiles whose publication titles hold about 48,000 distinct made-up words, ingested with <c>talent ingest</c>.</summary>
    private static async Task<string> IngestManyWordsAsync(TempDirectory temp)
    {
        var random = new Random(7);
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        for (var i = 0; i < 40; i++)
        {
            string Word() => new([.. Enumerable.Range(0, random.Next(5, 10)).Select(_ => (char)('a' + random.Next(26)))]);
            var name = $"Person{Word()} Tester{Word()}";
            var text = new StringBuilder($"# {name}\n\nResearcher at Example University.\n\n## Publications\n\n");
            for (var p = 0; p < 20; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {name}. *{string.Join(' ', Enumerable.Range(0, 60).Select(_ => Word()))}*. NeurIPS {2010 + p}.\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, $"p{i}.md"), text.ToString());
        }

        var data = Path.Combine(temp.Path, "data");
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", folder);
        Assert.True(exit == 0, stderr);
        return data;
    }

    /// <summary>Waits until the process spends under 20 ms of CPU in 500 ms; returns its CPU time when that window began.</summary>
    private static async Task<TimeSpan> IdleAsync(int pid)
    {
        using var timeout = TestWait.Token();
        var before = Cpu(pid);
        while (true)
        {
            Assert.False(timeout.IsCancellationRequested, "the service never became idle");
            await Task.Delay(500);
            var now = Cpu(pid);
            if (now - before < TimeSpan.FromMilliseconds(20))
            {
                return before;
            }

            before = now;
        }
    }

    /// <summary>User plus system CPU time of a process, from fields 14 and 15 of <c>/proc/PID/stat</c>.</summary>
    private static TimeSpan Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
