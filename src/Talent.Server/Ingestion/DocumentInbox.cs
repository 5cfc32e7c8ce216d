using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// Makes <c>202 Accepted</c> durable on the in-memory bus, which keeps messages only in the process: a submitted
/// document is written to the inbox table in SQLite before it is published, with its inbox id in a message header;
/// the batch that stores it deletes the entry in its transaction, and the worker publishes whatever is left when it
/// starts (<see cref="InboxReplay"/>). Over RabbitMQ the broker's durable queue is the inbox, and an id of one node's
/// database means nothing to another node's, so the header is neither sent nor honoured there.
/// </summary>
public sealed class DocumentInbox(CandidateStore store, IOptions<BusOptions> bus)
{
    /// <summary>The message header that carries a document's inbox id.</summary>
    public const string Header = "Talent-Inbox-Id";

    private bool InMemory => string.Equals(bus.Value.Transport, "inmemory", StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps the document (in-memory bus) and publishes it.</summary>
    public async Task SubmitAsync(IPublishEndpoint publish, ProfileDocumentSubmitted message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(message);
        if (!InMemory)
        {
            await publish.Publish(message, cancellationToken);
            return;
        }

        var id = await store.AddToInboxAsync(message.SourceId ?? "", JsonSerializer.Serialize(message, JsonSerializerOptions.Web), cancellationToken);
        await PublishAsync(publish, message, id, cancellationToken);
    }

    /// <summary>The inbox id a consumed message carries, when the in-memory bus delivered it.</summary>
    public long? IdOf(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InMemory && context.Headers.Get<string>(Header) is { } value
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    /// <summary>Forgets an entry whose document needed no write (unchanged, stale, unusable).</summary>
    public Task RemoveAsync(long? id, CancellationToken cancellationToken) =>
        id is { } value ? store.RemoveFromInboxAsync(value, cancellationToken) : Task.CompletedTask;

    internal static Task PublishAsync(IPublishEndpoint publish, ProfileDocumentSubmitted message, long id, CancellationToken cancellationToken) =>
        publish.Publish(message, context => context.Headers.Set(Header, id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
}
