namespace Talent.Server.Ingestion;

/// <summary>
/// A document that can never be processed. It is already recorded as rejected with its reason when
/// this is thrown; throwing moves the message to the error queue, where an operator can see it.
/// </summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentRejectedException(string? sourceId, string reason)
        : base($"document {sourceId ?? "(no sourceId)"} rejected: {reason}")
    {
        SourceId = sourceId;
        Reason = reason;
    }

    public string? SourceId { get; }

    public string? Reason { get; }
}
