namespace Talent.Profiles;

/// <summary>
/// One document as it arrives: its origin id, declared content type and text — or, for a binary format (PDF, DOCX), its
/// bytes, with <see cref="Content"/> empty.
/// </summary>
public sealed record DocumentInput(string SourceId, string ContentType, string Content, string? Uri = null)
{
    /// <summary>The document's bytes for a binary format (PDF, DOCX); empty for text formats.</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }
}

/// <summary>Extraction either yields a profile or says, in one line, why the document was rejected.</summary>
public abstract record ExtractionResult
{
    public sealed record Accepted(ExtractedProfile Profile) : ExtractionResult;

    public sealed record Rejected(string Reason) : ExtractionResult;
}
