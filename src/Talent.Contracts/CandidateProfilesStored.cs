namespace Talent.Contracts;

/// <summary>Candidates whose merged profile was stored (accepted or merged documents), one message per written batch.</summary>
public sealed record CandidateProfilesStored
{
    public IReadOnlyList<long> CandidateIds { get; init; } = [];

    public DateTimeOffset? StoredAt { get; init; }
}
