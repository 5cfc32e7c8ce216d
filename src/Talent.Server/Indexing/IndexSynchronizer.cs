using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Search;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Indexing;

/// <summary>
/// Moves changes from SQLite into the index in change-sequence order. The index commit records the
/// last sequence applied, so after a crash the loop replays exactly what the index missed. Writers
/// call <see cref="Notify"/>; while changes keep coming the loop applies them to the index writer as they come and
/// commits at most once per commit delay.
/// It is the only writer of the live index, so a rebuilt index is swapped in through it.
/// </summary>
public sealed class IndexSynchronizer(
    CandidateStore store,
    LiveIndex live,
    IOptions<IndexOptions> options,
    ILogger<IndexSynchronizer> logger) : BackgroundService
{
    /// <summary>A catch-up longer than this many changes commits on the way.</summary>
    private const int CommitEveryChanges = 100_000;

    /// <summary>
    /// Changes have stopped coming when none was notified for this long (a busy writer notifies every few tens of
    /// milliseconds): the commit delay is not waited out, so the end of a burst is searchable at once.
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim signal = new(0);
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly TaskCompletionSource firstCatchUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long appliedSequence = -1;
    private long lastNotified;

    /// <summary>The last change applied to <see cref="writtenIndex"/>'s writer, committed or not.</summary>
    private long writtenSequence = -1;

    /// <summary>The index <see cref="writtenSequence"/> is about; null during an apply and after a failed one.</summary>
    private CandidateIndex? writtenIndex;

    private long applyingTicks;

    /// <summary>
    /// Time spent applying changes to the index since start (commits included). Changes are applied one batch at a time:
    /// when this grows about as fast as the clock, the index is what holds ingestion back.
    /// </summary>
    public TimeSpan ApplyingTime => TimeProvider.System.GetElapsedTime(0, Interlocked.Read(ref applyingTicks));

    /// <summary>True once the index has caught up with the database at least once since start.</summary>
    public bool IsCaughtUp => firstCatchUp.Task.IsCompletedSuccessfully;

    public long AppliedSequence => Interlocked.Read(ref appliedSequence);

    /// <summary>The last change in the live index's writer, committed or not (at least <see cref="AppliedSequence"/>).</summary>
    internal long WrittenSequence => Interlocked.Read(ref writtenSequence);

    public void Notify()
    {
        Volatile.Write(ref lastNotified, TimeProvider.System.GetTimestamp());
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    /// <summary>Waits until every change committed to the database before this call is searchable.</summary>
    public async Task WaitForCatchUpAsync(CancellationToken cancellationToken)
    {
        var target = await store.LastSequenceAsync(cancellationToken);
        Notify();
        while (AppliedSequence < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(20, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref appliedSequence, live.Current.LastAppliedSequence);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                var caughtUpAt = TimeProvider.System.GetTimestamp();
                firstCatchUp.TrySetResult();
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);

                // At most one commit per delay while changes keep coming; a change after a quiet spell goes in at once,
                // and so do the last changes of a burst once nothing more comes.
                await WaitWhileChangesComeAsync(caughtUpAt, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The loop is the process boundary for index work: log, wait, and replay from the last commit.
                Log.IndexSyncFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        // Leave nothing applied-but-uncommitted behind on a clean stop.
        await CatchUpAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits out the commit delay while changes keep coming, applying them to the index writer (not committing) as they
    /// come, so the index work is spread over the delay and what is left for the commit at its end is small.
    /// </summary>
    private async Task WaitWhileChangesComeAsync(long caughtUpAt, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(options.Value.CommitDelayMilliseconds);
        while (true)
        {
            var remaining = delay - TimeProvider.System.GetElapsedTime(caughtUpAt);
            var quietFor = TimeProvider.System.GetElapsedTime(Volatile.Read(ref lastNotified));
            if (remaining <= TimeSpan.Zero || quietFor >= Quiet)
            {
                return;
            }

            await Task.Delay(remaining < Quiet - quietFor ? remaining : Quiet - quietFor, stoppingToken);
            await ApplyUncommittedAsync(stoppingToken);
        }
    }

    /// <summary>Applies the changes so far to the live index's writer without a commit (the next catch-up commits them).</summary>
    private async Task ApplyUncommittedAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await ApplyAsync(live.Current, cancellationToken, commit: false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Applies every pending change to the live index, with one commit at the end.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var index = live.Current;
            var applied = await ApplyAsync(index, cancellationToken);
            Interlocked.Exchange(ref appliedSequence, index.LastAppliedSequence);
            if (applied > 0)
            {
                Log.IndexCaughtUp(logger, index.LastAppliedSequence, applied);
            }

            return applied;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Erasure: applies every pending change, then purges deleted documents from the live index files; returns how
    /// many deleted documents were rewritten out of them.
    /// </summary>
    public async Task<int> CatchUpAndPurgeAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var index = live.Current;
            await ApplyAsync(index, cancellationToken);
            var purged = index.PurgeDeleted();
            Interlocked.Exchange(ref appliedSequence, index.LastAppliedSequence);
            return purged;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Brings a rebuilt index up to date with the changes made while it was built, publishes it as the
    /// live generation and swaps it in, all while no other change is applied.
    /// </summary>
    public async Task ReplaceAsync(CandidateIndex rebuilt, string indexRoot, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await ApplyAsync(rebuilt, cancellationToken);
            IndexLocation.Publish(indexRoot, rebuilt.DirectoryPath);
            live.Swap(rebuilt);
            Interlocked.Exchange(ref appliedSequence, rebuilt.LastAppliedSequence);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Applies the changes after the last one in <paramref name="index"/>'s writer (committed or not) and, unless
    /// <paramref name="commit"/> is false, commits. After a failure the next apply starts again after the last commit.
    /// </summary>
    private async Task<int> ApplyAsync(CandidateIndex index, CancellationToken cancellationToken, bool commit = true)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            return await ApplyChangesAsync(index, commit, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref applyingTicks, TimeProvider.System.GetTimestamp() - started);
        }
    }

    private async Task<int> ApplyChangesAsync(CandidateIndex index, bool commit, CancellationToken cancellationToken)
    {
        var applied = 0;
        var committed = index.LastAppliedSequence;
        var sequence = ReferenceEquals(writtenIndex, index) ? Math.Max(WrittenSequence, committed) : committed;
        writtenIndex = null; // until this apply has finished
        while (true)
        {
            var changes = await store.ChangesSinceAsync(sequence, options.Value.BatchSize, cancellationToken);
            if (changes.Count == 0)
            {
                break;
            }

            // Every change read carries its candidate's current state, so the last one per candidate says it all.
            foreach (var change in changes.AsEnumerable().Reverse().DistinctBy(c => c.CandidateId))
            {
                if (change.IsDelete || change.Profile is null)
                {
                    index.Delete(change.CandidateId);
                }
                else
                {
                    index.Upsert(change.CandidateId, change.Profile, change.UpdatedAt);
                }
            }

            sequence = changes[^1].Sequence;
            applied += changes.Count;
            if (sequence - committed >= CommitEveryChanges)
            {
                // A long replay records its progress now and then, so an interruption does not start it over.
                index.Commit(sequence);
                committed = sequence;
            }
        }

        // One commit (a flush and an fsync) for everything applied since the last one.
        if (commit && sequence != committed)
        {
            index.Commit(sequence);
        }

        Interlocked.Exchange(ref writtenSequence, sequence);
        writtenIndex = index;
        return applied;
    }

    public override void Dispose()
    {
        signal.Dispose();
        writeGate.Dispose();
        base.Dispose();
    }
}
