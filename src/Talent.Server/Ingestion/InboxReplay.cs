using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// At start, after the bus: publishes again every document the inbox still holds (answered <c>202 Accepted</c> by a
/// process that stopped before storing it). Entries added after the start are published by their own request and are
/// not replayed. A replayed document that was stored after all is <c>unchanged</c>.
/// </summary>
public sealed class InboxReplay(CandidateStore store, IPublishEndpoint publish, DocumentIngestion ingestion, IOptions<BusOptions> bus, ILogger<InboxReplay> logger)
    : BackgroundService
{
    /// <summary>
    /// Starts that submit one inbox entry again. An entry still there after this many was not stored by any of them (it
    /// crashes or stalls the worker, or faults every time): it is recorded as rejected and leaves the inbox. The
    /// rejection keeps no content hash, so submitting the document again tries it again.
    /// </summary>
    public const int MaxStarts = 3;

    private const int Page = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(bus.Value.Transport, "inmemory", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var last = await store.LastInboxIdAsync(stoppingToken);
        await store.CountInboxStartAsync(last, stoppingToken);
        var after = 0L;
        var replayed = 0;
        while (true)
        {
            var entries = await store.InboxAsync(after, last, Page, stoppingToken);
            if (entries.Count == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                if (entry.Starts > MaxStarts)
                {
                    await GiveUpAsync(entry, stoppingToken);
                    continue;
                }

                var message = JsonSerializer.Deserialize<ProfileDocumentSubmitted>(entry.MessageJson, JsonSerializerOptions.Web)
                    ?? throw new InvalidOperationException($"inbox entry {entry.Id} holds no document");
                await DocumentInbox.PublishAsync(publish, message, entry.Id, stoppingToken);
                replayed++;
            }

            after = entries[^1].Id;
        }

        if (replayed > 0)
        {
            Log.InboxReplayed(logger, replayed);
        }
    }

    private async Task GiveUpAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var reason = $"not stored after being submitted at {MaxStarts} starts of the worker (it may crash or stall it); submit it again to retry";
        var outcome = await ingestion.RecordUnreadableAsync(System.Text.Encoding.UTF8.GetBytes(entry.MessageJson), reason, cancellationToken);
        await store.RemoveFromInboxAsync(entry.Id, cancellationToken);
        Log.InboxGaveUp(logger, entry.Id, outcome is null ? "(unknown)" : PersonalData.Mask(SourceOf(entry)), MaxStarts);
    }

    private static string SourceOf(InboxEntry entry) =>
        JsonSerializer.Deserialize<ProfileDocumentSubmitted>(entry.MessageJson, JsonSerializerOptions.Web)?.SourceId ?? "(unknown)";
}
