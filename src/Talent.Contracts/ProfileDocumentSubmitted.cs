namespace Talent.Contracts;

/// <summary>A profile document (CV, homepage, publication page) offered for ingestion.</summary>
public sealed record ProfileDocumentSubmitted
{
    /// <summary>Stable id of the document at its origin, e.g. a URL or an ATS record id.</summary>
    public string? SourceId { get; init; }

    /// <summary>Monotonic per source; when absent the receive time is used.</summary>
    public long? Version { get; init; }

    /// <summary>
    /// <c>text/markdown</c>, <c>text/plain</c>, <c>text/html</c>, <c>application/json</c> (JSON Resume),
    /// <c>application/x-tex</c>, <c>application/x-bibtex</c>, <c>text/x-jemdoc</c>, <c>application/xml</c> (dblp's
    /// person or record XML, an ORCID record, XHTML), <c>application/pdf</c> or
    /// <c>application/vnd.openxmlformats-officedocument.wordprocessingml.document</c> (DOCX).
    /// </summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// The document: its text, or for a binary type (PDF, DOCX) its bytes in base64. The size limit
    /// (<c>Talent:Ingestion:MaxDocumentBytes</c>, 5 MB by default) counts the UTF-8 text or the decoded bytes.
    /// </summary>
    public string? Content { get; init; }

    public string? Uri { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }
}
