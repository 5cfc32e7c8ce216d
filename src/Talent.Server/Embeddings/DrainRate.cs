namespace Talent.Server.Embeddings;

/// <summary>
/// How fast this process drains the embedding backlog: since it started (per second spent draining, idle time left
/// out), and over the last minute of the clock (per second of that minute since its first batch began), which falls
/// to nothing a minute after the backlog ran dry and so also says whether draining goes on now.
/// </summary>
public sealed class DrainRate(TimeProvider time)
{
    /// <summary>How far back the recent rate looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Queue<(DateTimeOffset Started, DateTimeOffset Ended, int Candidates)> recent = new();
    private long candidates;
    private long texts;
    private double busySeconds;

    /// <summary>Records a batch that has just been stored, and how long it took.</summary>
    public void Record(int candidateCount, int textCount, TimeSpan busy)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            candidates += candidateCount;
            texts += textCount;
            busySeconds += busy.TotalSeconds;
            recent.Enqueue((now - busy, now, candidateCount));
            Forget(now);
        }
    }

    /// <summary>The rates now, with how long the <paramref name="waiting"/> candidates would take at the recent one.</summary>
    public EmbeddingStatus Status(long waiting, long embedded)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Forget(now);
            var windowStart = now - Window;
            // Batches are queued in the order they ended: the first one left began the window's draining.
            var begun = recent.TryPeek(out var first) ? (first.Started < windowStart ? windowStart : first.Started) : now;
            var seconds = (now - begun).TotalSeconds;
            var recentRate = seconds > 0 ? recent.Sum(b => b.Candidates) / seconds : 0;
            double? toDrain = waiting == 0 ? 0 : recentRate > 0 ? Math.Round(waiting / recentRate, 1) : null;
            return new EmbeddingStatus(
                true,
                waiting,
                embedded,
                busySeconds > 0 ? Math.Round(candidates / busySeconds, 2) : 0,
                busySeconds > 0 ? Math.Round(texts / busySeconds, 2) : 0,
                texts,
                Math.Round(recentRate, 2),
                toDrain);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (recent.TryPeek(out var oldest) && oldest.Ended < now - Window)
        {
            recent.Dequeue();
        }
    }
}
