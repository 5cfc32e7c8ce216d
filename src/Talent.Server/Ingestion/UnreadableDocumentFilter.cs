using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Server.Ingestion;

/// <summary>
/// On the document queue's error pipe: a message that cannot be deserialized (not JSON, a field of the
/// wrong type) never reaches the consumer. When its body still names a source id, the rejection is
/// recorded before the message moves to the error queue, so <c>talent admin rejected</c> shows it.
/// </summary>
internal sealed class UnreadableDocumentFilter(IServiceProvider services) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        // Rejected documents are recorded by the consumer, and exhausted transient faults are not rejections.
        if (Unreadable(context.Exception) is { } json)
        {
            var ingestion = services.GetRequiredService<DocumentIngestion>();
            await ingestion.RecordUnreadableAsync(context.GetBody(), "unreadable message: " + json.Message, context.CancellationToken);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("recordUnreadableDocument");

    private static JsonException? Unreadable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DocumentRejectedException:
                    return null;
                case JsonException json:
                    return json;
            }
        }

        return null;
    }
}
