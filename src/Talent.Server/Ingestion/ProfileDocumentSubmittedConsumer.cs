using MassTransit;
using Talent.Contracts;

namespace Talent.Server.Ingestion;

/// <summary>Ingests one submitted document and, when the sender asked, answers with the outcome.</summary>
public sealed class ProfileDocumentSubmittedConsumer(DocumentIngestion ingestion) : IConsumer<ProfileDocumentSubmitted>
{
    public async Task Consume(ConsumeContext<ProfileDocumentSubmitted> context)
    {
        var outcome = await ingestion.IngestAsync(context.Message, context.CancellationToken);
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
    }
}

public sealed class ProfileDocumentSubmittedConsumerDefinition : ConsumerDefinition<ProfileDocumentSubmittedConsumer>
{
    public ProfileDocumentSubmittedConsumerDefinition(Microsoft.Extensions.Options.IOptions<Configuration.BusOptions> options)
    {
        EndpointName = options.Value.DocumentQueue;
        ConcurrentMessageLimit = options.Value.ConcurrencyLimit;
        retryLimit = options.Value.RetryLimit;
    }

    private readonly int retryLimit;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProfileDocumentSubmittedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // SQLite busy/locked and I/O errors are transient; anything else fails fast to the error queue.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(retryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
            r.Handle<Microsoft.Data.Sqlite.SqliteException>();
            r.Handle<IOException>();
        });
    }
}
