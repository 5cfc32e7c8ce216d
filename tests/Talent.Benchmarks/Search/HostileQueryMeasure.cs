using System.Diagnostics;
using System.Globalization;

namespace Talent.Benchmarks.Search;

/// <summary>
/// Queries built to take a search service down, against the query service process: how long each takes to be answered
/// or refused, the CPU a complete run costs, and the CPU the service still spends after a client that gave up
/// 20 ms into the request has gone (from /proc/PID/stat, waiting until the service is idle again).
/// </summary>
internal static class HostileQueryMeasure
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMilliseconds(20);

    public static IReadOnlyList<string> Queries { get; } =
    [
        "/a{1,65535}/",
        "/(a|aa)+/",
        "/.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*a/",
        "/[^a]*[^b]*[^c]*[^d]*[^e]*[^f]*[^g]*[^h]*/",
        "*a*",
        "a* b* c* d* e* f* g* h* i* j*",
        string.Join(' ', Enumerable.Range(0, 100).Select(i => (char)('a' + (i % 26)) + "~")),
        "video~0.000001 generation~2",
        "titles:[a TO zzzzzzzz]",
        string.Join(" OR ", Enumerable.Range(0, 120).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture))),
    ];

    public static async Task MeasureAsync(QueryService service, HttpClient http, List<(string Measure, string Value)> report)
    {
        foreach (var query in Queries)
        {
            var uri = new Uri("api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative);
            await IdleAsync(service);
            var cpu = service.Cpu();
            var clock = Stopwatch.StartNew();
            using (var response = await http.GetAsync(uri))
            {
                var answered = clock.Elapsed;
                await IdleAsync(service);
                var full = service.Cpu() - cpu;

                using var gone = new CancellationTokenSource(GiveUpAfter);
                var atCancel = TimeSpan.Zero;
                try
                {
                    gone.Token.Register(() => atCancel = service.Cpu());
                    using var abandoned = await http.GetAsync(uri, gone.Token);
                }
                catch (OperationCanceledException)
                {
                    // The client went away, as intended.
                }

                var after = atCancel == TimeSpan.Zero ? "answered before the client gave up" : $"{(await IdleAsync(service) - atCancel).TotalMilliseconds:0} ms";
                var shown = query.Length > 40 ? query[..37] + "…" : query;
                report.Add(($"hostile query {shown}: status, answered in, CPU of a full run, CPU after a disconnect at 20 ms",
                    $"{(int)response.StatusCode}, {answered.TotalMilliseconds:0} ms, {full.TotalMilliseconds:0} ms, {after}"));
            }
        }
    }

    /// <summary>Waits until the service spends less than 10 ms of CPU in 300 ms (at most a minute); returns its CPU time then.</summary>
    private static async Task<TimeSpan> IdleAsync(QueryService service)
    {
        var clock = Stopwatch.StartNew();
        var before = service.Cpu();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(300);
            var now = service.Cpu();
            if (now - before < TimeSpan.FromMilliseconds(10))
            {
                return before;
            }

            before = now;
        }

        return before;
    }
}
