using MassTransit;
using Microsoft.Extensions.Logging;
using Talent.Contracts;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// Erasure: removes a source document, or a candidate with all their sources, from SQLite; the index follows by change
/// sequence and purges its files; then the broker's error queues lose the person's messages (<see cref="ErrorQueueEraser"/>).
/// </summary>
public sealed class CandidateRemovalRequestedConsumer(
    CandidateStore store,
    IndexSynchronizer synchronizer,
    ErrorQueueEraser errorQueues,
    Microsoft.Extensions.Options.IOptions<Configuration.BusOptions> bus,
    ILogger<CandidateRemovalRequestedConsumer> logger)
    : IConsumer<CandidateRemovalRequested>
{
    public async Task Consume(ConsumeContext<CandidateRemovalRequested> context)
    {
        var message = context.Message;
        if (message.CandidateId is not null && string.IsNullOrWhiteSpace(message.SourceId) && bus.Value.Node.Length > 0)
        {
            // Each replica numbers its candidates itself: the same id can be another person on another node.
            throw new InvalidOperationException("a removal by candidate id cannot be applied on read replicas (Talent:Bus:Node is set): candidate ids differ between nodes; remove by source id");
        }

        var reports = new List<ErasureReport>();
        if (message.CandidateId is { } candidateId)
        {
            var report = await store.EraseCandidateAsync(candidateId, context.CancellationToken);
            Log.RemovalProcessed(logger, "candidate", candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Found);
            reports.Add(report);
        }

        if (!string.IsNullOrWhiteSpace(message.SourceId))
        {
            var report = await store.EraseSourceAsync(message.SourceId, context.CancellationToken);
            Log.RemovalProcessed(logger, "source", message.SourceId, report.Found);
            reports.Add(report);
        }

        // The broker: copies of the person's documents in the error queues (raw, as they were published).
        var erased = reports.Where(r => r.Found).ToList();
        if (erased.Count > 0)
        {
            var broker = await errorQueues.EraseAsync([.. erased.Select(r => r.Erased).OfType<ErasedPerson>()], context.CancellationToken);
            await store.RecordBrokerErasureAsync([.. erased.Select(r => r.Id)], broker.Broker, broker.Examined, broker.Removed, broker.Failure, context.CancellationToken);
        }

        // Erasure is done when the person is gone from the index files too, not only from search results (recorded last:
        // a report with the index purged is complete).
        var purged = await synchronizer.CatchUpAndPurgeAsync(context.CancellationToken);
        await store.RecordIndexPurgeAsync([.. reports.Select(r => r.Id)], purged, context.CancellationToken);
        if (context.ResponseAddress is not null)
        {
            // A requester (talent remove) hears the outcome only now: the erasure is complete, index files included.
            await context.RespondAsync(new CandidateRemovalProcessed
            {
                Found = reports.Any(r => r.Found),
                CandidateId = reports.Select(r => r.CandidateId).FirstOrDefault(id => id is not null),
            });
        }
    }
}
