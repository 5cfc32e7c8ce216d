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
public sealed class InboxReplay(CandidateStore store, IPublishEndpoint publish, IOptions<BusOptions> bus, ILogger<InboxReplay> logger) : BackgroundService
{
    private const int Page = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(bus.Value.Transport, "inmemory", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var last = await store.LastInboxIdAsync(stoppingToken);
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
}
