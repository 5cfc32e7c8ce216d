namespace Talent.Contracts;

/// <summary>
/// The outcome of one <see cref="ProfileDocumentSubmitted"/>, sent back to a requester that asked for it
/// (for example <c>talent ingest</c>). Producers that only publish never see it.
/// </summary>
public sealed record ProfileDocumentProcessed
{
    public string? SourceId { get; init; }

    /// <summary><c>accepted</c>, <c>merged</c>, <c>unchanged</c>, <c>stale</c> or <c>rejected</c>.</summary>
    public string? Outcome { get; init; }

    public long? CandidateId { get; init; }

    public string? Reason { get; init; }
}
