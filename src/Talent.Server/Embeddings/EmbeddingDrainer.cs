using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>
/// What the embedding backlog looks like now, for <c>/health/embeddings</c>: candidates waiting and embedded; this
/// process's drain rate since it started (per second spent draining) and over the last minute; and the seconds the
/// waiting candidates would take at the last minute's rate (0 when none wait, null when nothing was drained in the
/// last minute); and whether this worker holds its backlog back because its ingestion stored documents within
/// <see cref="EmbeddingOptions.AfterIngestionMilliseconds"/>. Several workers share the backlog, so with more than one it
/// drains faster than one process's rates say.
/// </summary>
public sealed record EmbeddingStatus(
    bool Enabled,
    long Waiting,
    long Embedded,
    double CandidatesPerSecond,
    double TextsPerSecond,
    long TextsEmbedded,
    double RecentCandidatesPerSecond = 0,
    double? SecondsToDrain = null,
    bool WaitingForIngestion = false);

/// <summary>
/// Drains the embedding backlog in batches: claims candidates (a lease, so several workers share the backlog),
/// embeds the texts of theirs that have no vector yet (publications, own words; a text embedded once is never
/// embedded again), and stores the vectors and the candidates' keys in one transaction. On start it enqueues
/// every candidate without vectors, so nothing announced before a crash is lost. Behind ingestion: in a worker that
/// ingests (<paramref name="ingestion"/>), no batch is claimed, and no chunk of a claimed batch's texts embedded, until it
/// has stored nothing for <see cref="EmbeddingOptions.AfterIngestionMilliseconds"/>, so the model never takes the cores a
/// bulk load needs: a batch that ingestion interrupts stores the texts it has embedded (a text is never embedded again)
/// and goes back to the backlog, so another worker may take it meanwhile and no text of it is embedded twice. A batch
/// whose embedding takes more than half its lease renews the lease as it goes.
/// </summary>
public sealed partial class EmbeddingDrainer(
    EmbeddingStore store,
    ITextEmbedder embedder,
    IOptions<EmbeddingOptions> options,
    ILogger<EmbeddingDrainer> logger,
    TimeProvider? time = null,
    Ingestion.IIngestionActivity? ingestion = null)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim signal = new(0);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly DrainRate rate = new(time ?? TimeProvider.System);
    private volatile bool waitingForIngestion;

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    public async Task<EmbeddingStatus> StatusAsync(CancellationToken cancellationToken)
    {
        // The flag before the counts: the worker raises it only after its start-up sweep filled the backlog, so a status
        // that says it waits for ingestion never shows the backlog as it was before the sweep.
        var holdingBack = waitingForIngestion;
        var (waiting, embedded) = await store.CountsAsync(cancellationToken);
        return rate.Status(waiting, embedded) with { WaitingForIngestion = holdingBack };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var added = await store.EnqueueMissingAsync(stoppingToken);
        if (added > 0)
        {
            LogSwept(logger, added);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await AfterIngestionAsync(stoppingToken);
            var claimed = await store.ClaimAsync(options.Value.BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), stoppingToken);
            if (claimed.Count == 0)
            {
                await signal.WaitAsync(Idle, stoppingToken);
                continue;
            }

            try
            {
                await EmbedAsync(claimed, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the batch goes back to the backlog now rather than when its lease runs out.
                await store.ReleaseAsync(claimed, CancellationToken.None);
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The lease runs out and the batch is claimed again; a broken model must not stop the worker.
                LogFailed(logger, e, claimed.Count);
                await Task.Delay(Idle, stoppingToken);
            }
        }
    }

    private TimeSpan Quiet => TimeSpan.FromMilliseconds(options.Value.AfterIngestionMilliseconds);

    /// <summary>Whether this worker's ingestion stored something within <see cref="EmbeddingOptions.AfterIngestionMilliseconds"/>.</summary>
    private bool IngestionBusy => ingestion?.SinceLastWrite is { } since && since < Quiet;

    /// <summary>Waits until this worker's ingestion has stored nothing for <see cref="EmbeddingOptions.AfterIngestionMilliseconds"/>.</summary>
    private async Task AfterIngestionAsync(CancellationToken cancellationToken)
    {
        while (ingestion?.SinceLastWrite is { } since && since < Quiet)
        {
            waitingForIngestion = true;
            await Task.Delay(Quiet - since, cancellationToken);
        }

        waitingForIngestion = false;
    }

    /// <summary>
    /// Embeds every candidate without vectors, batch after batch, until none is left to claim (a batch another worker
    /// holds stays with it), and says after each batch how many candidates are done of how many and at what rate: the
    /// foreground drain of <c>talent admin embed</c>. A batch stopped before it was stored goes back to the backlog.
    /// </summary>
    public async Task<(int Candidates, int Texts)> DrainAsync(Action<long, long, double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await store.EnqueueMissingAsync(cancellationToken);
        var total = (await store.CountsAsync(cancellationToken)).Waiting;
        var clock = Stopwatch.StartNew();
        int candidates = 0, texts = 0;
        progress(0, total, 0);
        while (true)
        {
            var claimed = await store.ClaimAsync(options.Value.BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken);
            if (claimed.Count == 0)
            {
                return (candidates, texts);
            }

            int? embedded;
            try
            {
                embedded = await EmbedAsync(claimed, cancellationToken);
            }
            catch
            {
                await store.ReleaseAsync(claimed, CancellationToken.None);
                throw;
            }

            texts += embedded ?? 0;
            candidates += embedded is null ? 0 : claimed.Count;
            progress(Math.Min(candidates, total), Math.Max(total, candidates), candidates / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
        }
    }

    /// <summary>
    /// Embeds one claimed batch and stores it; returns the number of texts embedded (those without a vector yet), or null
    /// when ingestion started meanwhile and the batch went back to the backlog (its texts embedded so far stored).
    /// </summary>
    internal async Task<int?> EmbedAsync(IReadOnlyList<long> claimed, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var profiles = await store.ProfilesAsync(claimed, cancellationToken);
        var gone = claimed.Except(profiles.Select(p => p.Id)).ToList();
        if (gone.Count > 0)
        {
            await store.ForgetAsync(gone, cancellationToken);
        }

        var keys = new List<CandidateVectorKeys>();
        var textsByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, profile) in profiles)
        {
            var (candidate, texts) = CandidateTexts.Of(id, profile);
            foreach (var (key, text) in texts)
            {
                textsByKey.TryAdd(key, text);
            }

            keys.Add(candidate);
        }

        var known = await store.KnownKeysAsync(textsByKey.Keys, cancellationToken);
        var missing = textsByKey.Where(t => !known.Contains(t.Key)).ToList();
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var leased = clock.GetUtcNow();
        foreach (var batch in missing.Chunk(16))
        {
            if (IngestionBusy)
            {
                // Ingestion that starts mid-batch gets the cores back within one chunk of texts, not one batch; the batch
                // is not held through a bulk load, and what it embedded is kept for whoever takes it next.
                if (vectors.Count > 0)
                {
                    await store.SaveAsync(embedder.Model, vectors, [], cancellationToken);
                }

                await store.ReleaseAsync(claimed, CancellationToken.None);
                rate.Record(0, vectors.Count, stopwatch.Elapsed);
                return null;
            }

            if (clock.GetUtcNow() - leased > lease / 2)
            {
                await store.RenewAsync(claimed, lease, cancellationToken);
                leased = clock.GetUtcNow();
            }

            var embedded = await Task.Run(() => embedder.Embed(batch.Select(b => b.Value).ToList(), cancellationToken), cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j].Key] = VectorMath.ToBytes(embedded[j]);
            }
        }

        await store.SaveAsync(embedder.Model, vectors, keys, cancellationToken);
        rate.Record(keys.Count, vectors.Count, stopwatch.Elapsed);
        return vectors.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} candidates without sentence vectors put on the embedding backlog")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding a batch of {Count} candidates failed; it is claimed again after its lease")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
