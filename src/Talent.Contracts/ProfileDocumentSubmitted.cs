namespace Talent.Contracts;

/// <summary>A profile document (CV, homepage, publication page) offered for ingestion.</summary>
public sealed record ProfileDocumentSubmitted
{
    /// <summary>Stable id of the document at its origin, e.g. a URL or an ATS record id.</summary>
    public string? SourceId { get; init; }

    /// <summary>Monotonic per source; when absent the receive time is used.</summary>
    public long? Version { get; init; }

    /// <summary><c>text/markdown</c>, <c>text/plain</c>, <c>text/html</c> or <c>application/json</c> (JSON Resume).</summary>
    public string? ContentType { get; init; }

    public string? Content { get; init; }

    public string? Uri { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }
}
