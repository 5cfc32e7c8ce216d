using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// The part of an erasure outside SQLite, in order: the person's messages out of the broker's error queues
/// (<see cref="ErrorQueueEraser"/>), then the deleted documents out of the index files; each recorded in the erasure's
/// report, and the pending-erasure row (who was erased) deleted once both are done.
/// </summary>
public sealed class ErasureFinisher(CandidateStore store, IndexSynchronizer synchronizer, ErrorQueueEraser errorQueues)
{
    /// <summary>Finishes these erasures (none: the index is caught up and purged all the same).</summary>
    public async Task FinishAsync(IReadOnlyList<PendingErasure> erasures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasures);
        var ids = erasures.Select(e => e.ErasureId).ToList();
        if (erasures.Count > 0)
        {
            var broker = await errorQueues.EraseAsync([.. erasures.Select(e => e.Person)], cancellationToken);
            await store.RecordBrokerErasureAsync(ids, broker.Broker, broker.Examined, broker.Removed, broker.Failure, cancellationToken);
        }

        // Erasure is done when the person is gone from the index files too, not only from search results (recorded last:
        // a report with the index purged is complete).
        await PurgeAndRecordAsync(ids, cancellationToken);
    }

    /// <summary>Catches the index up, purges its deleted documents from the files and records it in these erasures' reports.</summary>
    public async Task PurgeAndRecordAsync(IReadOnlyCollection<long> erasureIds, CancellationToken cancellationToken)
    {
        var purged = await synchronizer.CatchUpAndPurgeAsync(cancellationToken);
        await store.RecordIndexPurgeAsync(erasureIds, purged, cancellationToken);
    }
}

/// <summary>
/// At the worker's start, after the bus: finishes the erasures a stopped worker left half done (SQLite erased, the
/// broker pass or the index purge not yet), tries again those whose broker pass failed, and completes the reports of
/// those it stopped in the moment between their end and the report's last entry.
/// </summary>
public sealed partial class PendingErasureResumer(CandidateStore store, ErasureFinisher finisher, ILogger<PendingErasureResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = await store.PendingErasuresAsync(stoppingToken);
        if (pending.Count > 0)
        {
            Resuming(logger, pending.Count);
            await finisher.FinishAsync(pending, stoppingToken);
        }

        var unrecorded = await store.UnrecordedPurgesAsync(stoppingToken);
        if (unrecorded.Count > 0)
        {
            Completing(logger, unrecorded.Count);
            await finisher.PurgeAndRecordAsync(unrecorded, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 2123, Level = LogLevel.Information, Message = "Finishing {Count} erasures left unfinished by the last run (broker error queues, index files)")]
    private static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 2124, Level = LogLevel.Information, Message = "Completing the reports of {Count} erasures whose index purge the last run did not record")]
    private static partial void Completing(ILogger logger, int count);
}
