using MassTransit;
using Talent.Contracts;

namespace Talent.Server.Indexing;

/// <summary>Starts a rebuild of the index from the database; a request while one runs is a no-op.</summary>
public sealed class ReindexRequestedConsumer(IndexRebuilder rebuilder) : IConsumer<ReindexRequested>
{
    public Task Consume(ConsumeContext<ReindexRequested> context)
    {
        rebuilder.TryStartInBackground();
        return Task.CompletedTask;
    }
}
