using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;

namespace Talent.Server.Embeddings;

/// <summary>
/// Publishes <see cref="CandidateProfilesStored"/> for the candidates the batch writer stored, off the write path:
/// the writer hands over ids and goes on; this service publishes them in messages of up to
/// <see cref="MaxPerMessage"/> ids. Ids lost in a crash before publishing are found again by the drainer's
/// start-up sweep (candidates without vectors).
/// </summary>
public sealed class ProfileStoredAnnouncer(IServiceProvider services, TimeProvider time) : BackgroundService
{
    private const int MaxPerMessage = 1000;

    private readonly Channel<long> stored = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Announce(IEnumerable<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        foreach (var id in candidateIds)
        {
            stored.Writer.TryWrite(id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bus = services.GetRequiredService<IBus>();
        var node = services.GetRequiredService<IOptions<BusOptions>>().Value.Node;
        var ids = new HashSet<long>();
        while (await stored.Reader.WaitToReadAsync(stoppingToken))
        {
            while (ids.Count < MaxPerMessage && stored.Reader.TryRead(out var id))
            {
                ids.Add(id);
            }

            await bus.Publish(new CandidateProfilesStored { CandidateIds = ids.ToList(), StoredAt = time.GetUtcNow(), Node = node }, stoppingToken);
            ids.Clear();
        }
    }
}

/// <summary>
/// Fills the embedding backlog from <see cref="CandidateProfilesStored"/>; every worker's drainer shares it. A read
/// replica's queue also receives the other nodes' announcements, whose ids name other databases' candidates: they are
/// left alone (a message without a node, from before nodes were named in it, is taken as this node's).
/// </summary>
public sealed class CandidateProfilesStoredConsumer(Talent.Storage.EmbeddingStore store, EmbeddingDrainer drainer, IOptions<BusOptions> bus) : IConsumer<CandidateProfilesStored>
{
    public async Task Consume(ConsumeContext<CandidateProfilesStored> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message.Node is { } from && !string.Equals(from, bus.Value.Node, StringComparison.Ordinal))
        {
            return;
        }

        var ids = context.Message.CandidateIds?.Where(id => id > 0).Distinct().ToList() ?? [];
        await store.EnqueueAsync(ids, context.CancellationToken);
        drainer.Wake();
    }
}
