namespace Talent.Contracts;

/// <summary>
/// A person's identity decision (a merge or a split) taken on one node, for every other node to record: stated about
/// source ids, since each node numbers its candidates itself.
/// </summary>
public sealed record IdentityDecisionMade
{
    /// <summary>The decision's own id: a node that already holds it (the one that took it) records it once.</summary>
    public Guid DecisionId { get; init; }

    /// <summary><c>merge</c> or <c>split</c>.</summary>
    public string Action { get; init; } = "";

    public IReadOnlyList<IdentityDecisionPair> Pairs { get; init; } = [];

    public string DecidedBy { get; init; } = "";

    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>Two sources and whether a person decided they are the same person.</summary>
public sealed record IdentityDecisionPair(string SourceA, string SourceB, bool Together);
