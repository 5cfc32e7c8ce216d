using MassTransit;
using Microsoft.Extensions.Logging;
using Talent.Contracts;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// Erasure: removes a source document, or a candidate with all their sources, from SQLite; the index follows by change
/// sequence and purges its files, and the broker's error queues lose the person's messages (<see cref="ErasureFinisher"/>).
/// </summary>
public sealed class CandidateRemovalRequestedConsumer(
    CandidateStore store,
    ErasureFinisher finisher,
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

        // The broker's error queues (copies of the person's documents, raw as published), then the index files.
        await finisher.FinishAsync([.. reports.Where(r => r.Found).Select(r => new PendingErasure(r.Id, r.Erased!))], context.CancellationToken);
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
