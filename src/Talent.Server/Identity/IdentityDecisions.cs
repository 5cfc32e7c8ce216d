using MassTransit;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Identity;

/// <summary>
/// People's identity decisions, taken on this node and, where nodes each keep their own database (read replicas,
/// <c>Talent:Bus:Node</c>), published for every other node to record: a merge or split made on one replica holds on all.
/// </summary>
public sealed class IdentityDecisions(CandidateStore store, IBus bus, IOptions<BusOptions> options)
{
    public async Task<IdentityCorrection> MergeAsync(long first, long second, IdentityActor actor, CancellationToken cancellationToken) =>
        await ShareAsync(await store.MergeCandidatesAsync(first, second, actor, cancellationToken), cancellationToken);

    public async Task<IdentityCorrection> SplitAsync(long candidateId, IReadOnlyCollection<string> sourceIds, IdentityActor actor, CancellationToken cancellationToken) =>
        await ShareAsync(await store.SplitCandidateAsync(candidateId, sourceIds, actor, cancellationToken), cancellationToken);

    /// <summary>The decision as a message other nodes record (about source ids: candidate ids are each node's own).</summary>
    public static IdentityDecisionMade Message(PersonDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new IdentityDecisionMade
        {
            DecisionId = decision.Id,
            Action = decision.Action,
            Pairs = [.. decision.Pairs.Select(p => new IdentityDecisionPair(p.SourceA, p.SourceB, p.Together))],
            DecidedBy = decision.DecidedBy,
            DecidedAt = decision.DecidedAt,
        };
    }

    private async Task<IdentityCorrection> ShareAsync(IdentityCorrection result, CancellationToken cancellationToken)
    {
        if (result.Decision is { } decision && options.Value.Node.Length > 0)
        {
            await bus.Publish(Message(decision), cancellationToken);
        }

        return result;
    }
}
