using MassTransit;
using Talent.Contracts;

namespace Talent.Server.Ingestion;

/// <summary>
/// Ingests one submitted document. A requester (<c>talent ingest</c>) gets the outcome as the answer,
/// rejections included. A document that was only published and can never be processed is recorded as
/// rejected (one warning line with the source id and the reason) and is also forwarded to the endpoint's
/// error queue, where an operator sees it: a rejection is an expected outcome, not a fault, so the consumer
/// does not throw (which would log a fault with a stack trace for every rejected document). The forward goes through
/// <see cref="ErrorQueueEraser"/>'s gate: when an erasure ran since the document arrived, it is forwarded only if its
/// rejection is still stored (the erasure did not take it), so no copy of an erased person's document reaches the
/// error queue behind the erasure's pass.
/// </summary>
public sealed class ProfileDocumentSubmittedConsumer(DocumentIngestion ingestion, DocumentInbox inbox, ErrorQueueEraser errorQueues, Storage.CandidateStore store)
    : IConsumer<ProfileDocumentSubmitted>
{
    public async Task Consume(ConsumeContext<ProfileDocumentSubmitted> context)
    {
        var passes = errorQueues.Passes;
        var outcome = await ingestion.IngestAsync(context.Message, context.CancellationToken, inbox.IdOf(context));
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(new ProfileDocumentProcessed
            {
                SourceId = context.Message.SourceId,
                Outcome = outcome.Outcome,
                CandidateId = outcome.CandidateId,
                Reason = outcome.Reason,
            });
        }
        else if (outcome.Outcome == Storage.StoreOutcome.Rejected)
        {
            using var move = await errorQueues.MoveAsync(context.CancellationToken);
            if (errorQueues.Passes != passes && !await StillStoredAsync(context.Message.SourceId, context.CancellationToken))
            {
                return;
            }

            var errors = await context.GetSendEndpoint(ErrorQueueAddress(context.ReceiveContext.InputAddress));
            await errors.Send(context.Message, send => send.Headers.Set(RejectedReasonHeader, outcome.Reason ?? "rejected"), context.CancellationToken);
        }
    }

    private async Task<bool> StillStoredAsync(string? sourceId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(sourceId) && await store.HoldsSourceAsync(sourceId.Trim(), cancellationToken);

    /// <summary>
    /// The endpoint's error queue. On RabbitMQ a send declares only the exchange; <c>bind</c> and <c>queue</c> make it
    /// declare and bind the queue too, so a rejection sent before the first fault created the queue is not dropped.
    /// </summary>
    public static Uri ErrorQueueAddress(Uri inputAddress)
    {
        var address = new UriBuilder(inputAddress) { Query = "" };
        var name = address.Path.TrimEnd('/').Split('/')[^1] + "_error";
        address.Path = address.Path.TrimEnd('/') + "_error";
        if (address.Scheme.StartsWith("rabbitmq", StringComparison.OrdinalIgnoreCase))
        {
            address.Query = "bind=true&queue=" + Uri.EscapeDataString(name);
        }

        return address.Uri;
    }

    /// <summary>The header on a rejected document in the error queue that says why it was rejected.</summary>
    public const string RejectedReasonHeader = "Talent-Rejected-Reason";
}

public sealed class ProfileDocumentSubmittedConsumerDefinition : ConsumerDefinition<ProfileDocumentSubmittedConsumer>
{
    public ProfileDocumentSubmittedConsumerDefinition(Microsoft.Extensions.Options.IOptions<Configuration.BusOptions> options)
    {
        EndpointName = options.Value.QueueName(options.Value.DocumentQueue);
        ConcurrentMessageLimit = options.Value.ConcurrencyLimit;
        prefetchCount = Math.Max(options.Value.PrefetchCount, options.Value.ConcurrencyLimit);
        retryLimit = options.Value.RetryLimit;
    }

    /// <summary>Retries of a document whose extraction ran out of time (pauses of 1 s growing to 60 s: about four minutes in all).</summary>
    public const int TimeOutRetryLimit = 8;

    private readonly int prefetchCount;
    private readonly int retryLimit;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProfileDocumentSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Producers without MassTransit publish plain JSON (content type application/json) to this queue;
        // MassTransit's own envelope (application/vnd.masstransit+json) stays the default.
        endpointConfigurator.PrefetchCount = prefetchCount;
        // A message without a content type is read as plain JSON too (the MassTransit envelope always names its type).
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        endpointConfigurator.ConfigureError(error => error.UseFilter(new UnreadableDocumentFilter(context)));
        // Configuring the error pipe replaces MassTransit's default: fault event, then the _error queue.
        endpointConfigurator.ConfigureDefaultErrorTransport();

        // A document that ran out of time (a CPU-starved host) is tried again with growing pauses, up to minutes.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(TimeOutRetryLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
            r.Handle<ExtractionTimedOutException>();
        });

        // SQLite busy/locked and I/O errors are transient; anything else fails fast to the error queue.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(retryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
            r.Handle<Microsoft.Data.Sqlite.SqliteException>();
            r.Handle<IOException>();
        });
    }
}
