using MassTransit;
using Microsoft.Extensions.Logging;
using Talent.Contracts;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Identity;

/// <summary>Records on this node an identity decision taken on another (read replicas); the node that took it holds it already.</summary>
public sealed class IdentityDecisionMadeConsumer(CandidateStore store, IndexSynchronizer index, ILogger<IdentityDecisionMadeConsumer> logger)
    : IConsumer<IdentityDecisionMade>
{
    /// <summary>As many pairs as a merge of two 1,000-source candidates states; a message with more is refused.</summary>
    private const int MostPairs = 1_000_000;

    public async Task Consume(ConsumeContext<IdentityDecisionMade> context)
    {
        var message = context.Message;
        if (message.Action is not ("merge" or "split") || message.Pairs is not { Count: > 0 and <= MostPairs } pairs
            || pairs.Any(p => string.IsNullOrWhiteSpace(p.SourceA) || string.IsNullOrWhiteSpace(p.SourceB)))
        {
            throw new InvalidOperationException("an identity decision needs the action merge or split and between 1 and 1,000,000 pairs of source ids");
        }

        var decision = new PersonDecision(
            message.DecisionId, message.Action, [.. pairs.Select(p => new DecidedPair(p.SourceA, p.SourceB, p.Together))], message.DecidedBy, message.DecidedAt);
        var recorded = await store.RecordDecisionAsync(decision, context.CancellationToken);
        Log.DecisionRecorded(logger, message.Action, message.DecisionId, recorded is not null);
        if (recorded is not null)
        {
            index.Notify();
        }
    }
}
