using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Server.Ingestion;

/// <summary>
/// On the document queue's error pipe: a message that cannot be deserialized (not JSON, a field of the
/// wrong type) never reaches the consumer. When its body still names a source id, the rejection is
/// recorded before the message moves to the error queue, so <c>talent admin rejected</c> shows it. Recording and the
/// move (of every message of the endpoint that faulted) happen inside <see cref="ErrorQueueEraser"/>'s gate: an erasure
/// that takes the recorded rejection passes over the error queue only after the message is in it.
/// </summary>
internal sealed class UnreadableDocumentFilter(IServiceProvider services) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        using var move = await services.GetRequiredService<ErrorQueueEraser>().MoveAsync(context.CancellationToken);
        // Rejected documents are recorded by the consumer, and exhausted transient faults are not rejections.
        if (Unreadable(context.Exception) is { } unreadable)
        {
            var ingestion = services.GetRequiredService<DocumentIngestion>();
            var reason = $"unreadable message (content type '{context.ContentType?.MediaType ?? "none"}'): {unreadable.Message}";
            await ingestion.RecordUnreadableAsync(context.GetBody(), reason, context.CancellationToken);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("recordUnreadableDocument");

    /// <summary>
    /// The reading failure in <paramref name="exception"/>: invalid JSON, a body no deserializer takes (an unknown
    /// content type), or an envelope that is not one. Null for a document's own fault (rejected, or out of retries).
    /// </summary>
    private static Exception? Unreadable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DocumentRejectedException or ExtractionTimedOutException)
            {
                return null;
            }

            // MassTransit's own serialization exception is matched by name (it is not part of its public contracts).
            if (e is JsonException or System.Runtime.Serialization.SerializationException or ArgumentNullException { ParamName: "envelope" }
                || e.GetType().Name.EndsWith("SerializationException", StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }
}
