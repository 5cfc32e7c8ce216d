namespace Talent.Contracts;

/// <summary>Erasure: remove one source document, or a whole candidate with every source about them.</summary>
public sealed record CandidateRemovalRequested
{
    public string? SourceId { get; init; }

    public long? CandidateId { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }
}
