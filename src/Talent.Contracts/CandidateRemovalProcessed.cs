namespace Talent.Contracts;

/// <summary>
/// The outcome of one <see cref="CandidateRemovalRequested"/>, sent back to a requester that asked for it
/// (<c>talent remove</c>): whether anything was found, and the candidate the erasure report is filed under.
/// Sent once the removal is applied to the database and purged from the index files.
/// </summary>
public sealed record CandidateRemovalProcessed
{
    public bool Found { get; init; }

    public long? CandidateId { get; init; }
}
