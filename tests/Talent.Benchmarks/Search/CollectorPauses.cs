using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talent.Benchmarks.Search;

/// <summary>
/// The garbage collector's pauses inside the query service, to tell a request slowed by a collection from one slow by
/// its own work: every 10 ms the service reads the last collection of each kind (<see cref="GC.GetGCMemoryInfo(GCKind)"/>)
/// and keeps each one's pause, once per collection. Collections that came and went between two reads are counted as missed.
/// </summary>
internal sealed class CollectorPauses : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<(int Generation, double Milliseconds, long Promoted)> pauses = [];
    private readonly Timer timer;
    private long lastIndex;
    private long missed;

    public CollectorPauses()
    {
        lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    /// <summary>The pauses kept since the last call, and the collections missed, as JSON-ready values; starts over.</summary>
    public object Take()
    {
        Sample();
        lock (gate)
        {
            var taken = new { pauses = pauses.Select(p => new { generation = p.Generation, ms = p.Milliseconds, promoted = p.Promoted }).ToList(), missed };
            pauses.Clear();
            missed = 0;
            return taken;
        }
    }

    /// <summary>One line for a report: how many pauses, how many over 10 ms, their total, and per generation the count and longest.</summary>
    public static async Task<string> ReadAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await http.GetFromJsonAsync<JsonElement>(new Uri("bench/pauses", UriKind.Relative));
        var pauses = body.GetProperty("pauses").EnumerateArray().Select(p => (Generation: p.GetProperty("generation").GetInt32(), Ms: p.GetProperty("ms").GetDouble(), Promoted: p.GetProperty("promoted").GetInt64())).ToList();
        var byGeneration = pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"gen{g.Key} {g.Count()} (longest {g.Max(p => p.Ms):0.0} ms, promoted {g.Sum(p => p.Promoted) / (1024.0 * 1024):0.0} MB in all)"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{pauses.Count} pauses, {pauses.Count(p => p.Ms > 10)} over 10 ms, {pauses.Sum(p => p.Ms):0} ms in all: {string.Join(", ", byGeneration)}; missed {body.GetProperty("missed").GetInt64()}");
    }

    private void Sample()
    {
        lock (gate)
        {
            var seen = new List<GCMemoryInfo>(3);
            foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index > lastIndex && seen.TrueForAll(s => s.Index != info.Index))
                {
                    seen.Add(info);
                }
            }

            var newest = GC.GetGCMemoryInfo(GCKind.Any).Index;
            missed += Math.Max(0, newest - lastIndex - seen.Count);
            foreach (var info in seen.OrderBy(s => s.Index))
            {
                pauses.Add((info.Generation, info.PauseDurations.ToArray().Sum(d => d.TotalMilliseconds), info.PromotedBytes));
            }

            lastIndex = Math.Max(lastIndex, newest);
        }
    }

    public void Dispose() => timer.Dispose();
}
