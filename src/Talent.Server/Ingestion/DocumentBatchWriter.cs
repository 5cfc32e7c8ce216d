using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Server.Configuration;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// Groups the documents that concurrent consumers have extracted into one SQLite transaction each
/// (group commit). A batch closes when it holds <c>Talent:Ingestion:BatchMessageLimit</c> documents (never
/// more than the consumers have in flight), <c>BatchTimeLimitMilliseconds</c> after its first one, or as
/// soon as no other document is being prepared, so a lone document is not kept waiting. Each consumer
/// waits for its own document's outcome, so a message is acknowledged only after its transaction
/// committed, and a document that fails gets its own failure while the rest of the batch is stored. The
/// index catches up once per batch.
/// </summary>
public sealed class DocumentBatchWriter(
    CandidateStore store,
    IndexSynchronizer synchronizer,
    IOptions<IngestionOptions> ingestion,
    IOptions<BusOptions> bus,
    Embeddings.ProfileStoredAnnouncer? announcer = null) : BackgroundService, IIngestionActivity
{
    /// <summary>Queued when the last document being prepared was dropped, so a filling batch stops waiting for it.</summary>
    private static readonly Pending Wake = new(null, new TaskCompletionSource<StoreOutcome>());

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int preparing;
    private long writingTicks;
    private long lastWritten;

    /// <summary>
    /// Time spent writing batches since start. Batches are written one at a time: when this grows about as fast as the
    /// clock, the writer is what holds ingestion back.
    /// </summary>
    public TimeSpan WritingTime => TimeProvider.System.GetElapsedTime(0, Interlocked.Read(ref writingTicks));

    /// <summary>Time since the last batch was written, or null when none was: how long ingestion has been quiet.</summary>
    public TimeSpan? SinceLastWrite => Interlocked.Read(ref lastWritten) is var at and > 0 ? TimeProvider.System.GetElapsedTime(at) : null;

    /// <summary>
    /// Announces a document on its way (being checked and extracted): a filling batch waits for it, unless it is
    /// <paramref name="slow"/> (a large document), which a batch never waits for: it joins whichever batch is
    /// filling when it is ready, so no document is stored behind a slower one. Write it through the slot, or dispose
    /// the slot when there is nothing to write.
    /// </summary>
    public Slot Reserve(bool slow = false)
    {
        if (!slow)
        {
            Interlocked.Increment(ref preparing);
        }

        return new Slot(this, slow);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On stop, what is queued is still written: consumers of in-flight messages are waiting for it.
        await using var stopping = stoppingToken.Register(() => queue.Writer.TryComplete());
        var limit = Math.Max(1, Math.Min(ingestion.Value.BatchMessageLimit, bus.Value.ConcurrencyLimit));
        var timeLimit = TimeSpan.FromMilliseconds(ingestion.Value.BatchTimeLimitMilliseconds);
        var batch = new List<Pending>(limit);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            await FillAsync(batch, limit, timeLimit);
            if (batch.Count > 0)
            {
                var started = TimeProvider.System.GetTimestamp();
                await WriteAsync(batch);
                var finished = TimeProvider.System.GetTimestamp();
                Interlocked.Add(ref writingTicks, finished - started);
                Interlocked.Exchange(ref lastWritten, finished);
                batch.Clear();
            }
        }
    }

    private Task<StoreOutcome> Enqueue(DocumentWrite write, CancellationToken cancellationToken)
    {
        var pending = new Pending(write, new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The document writer has stopped.", cancellationToken);
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref preparing) == 0)
        {
            queue.Writer.TryWrite(Wake);
        }
    }

    private async Task FillAsync(List<Pending> batch, int limit, TimeSpan timeLimit)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            while (batch.Count < limit && queue.Reader.TryRead(out var next))
            {
                if (next.Write is not null)
                {
                    batch.Add(next);
                }
            }

            var remaining = timeLimit - TimeProvider.System.GetElapsedTime(started);
            if (batch.Count >= limit || remaining <= TimeSpan.Zero || Volatile.Read(ref preparing) == 0)
            {
                return;
            }

            using var wait = new CancellationTokenSource(remaining);
            try
            {
                if (!await queue.Reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        IReadOnlyList<DocumentWriteResult> results;
        try
        {
            results = await store.StoreBatchAsync(batch.Select(p => p.Write!).ToList(), CancellationToken.None); // wake-ups are never batched
        }
        catch (Exception e)
        {
            // The transaction failed as a whole (database busy, I/O): every document's consumer gets the
            // failure, and its retry policy sends the message again.
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(e);
            }

            return;
        }

        var changed = false;
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Outcome is { } outcome)
            {
                changed |= outcome.Outcome is StoreOutcome.Accepted or StoreOutcome.Merged or StoreOutcome.Rejected;
                batch[i].Done.TrySetResult(outcome);
            }
            else
            {
                batch[i].Done.TrySetException(results[i].Failure ?? new InvalidOperationException("The document was not stored."));
            }
        }

        if (changed)
        {
            synchronizer.Notify();
            announcer?.Announce(results.Select(r => r.Outcome).Where(o => o is { Outcome: StoreOutcome.Accepted or StoreOutcome.Merged, CandidateId: not null }).Select(o => o!.CandidateId!.Value));
        }
    }

    private sealed record Pending(DocumentWrite? Write, TaskCompletionSource<StoreOutcome> Done);

    /// <summary>One announced document: written once, or dropped on dispose.</summary>
    public sealed class Slot(DocumentBatchWriter owner, bool slow) : IDisposable
    {
        private int released;

        /// <summary>Stores the document in the next batch; completes with its outcome once that batch committed.</summary>
        public Task<StoreOutcome> WriteAsync(DocumentWrite write, CancellationToken cancellationToken)
        {
            try
            {
                return owner.Enqueue(write, cancellationToken);
            }
            finally
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0 && !slow)
            {
                owner.Release();
            }
        }
    }
}
