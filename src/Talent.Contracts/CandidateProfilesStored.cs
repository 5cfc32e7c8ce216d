namespace Talent.Contracts;

/// <summary>Candidates whose merged profile was stored (accepted or merged documents), one message per written batch.</summary>
public sealed record CandidateProfilesStored
{
    public IReadOnlyList<long> CandidateIds { get; init; } = [];

    public DateTimeOffset? StoredAt { get; init; }

    /// <summary>
    /// The node that stored them (<c>Talent:Bus:Node</c>, empty when unnamed). Candidate ids are each node's own, and a
    /// read replica's queue receives every node's messages: a node fills its backlog from its own announcements only.
    /// </summary>
    public string? Node { get; init; }
}
