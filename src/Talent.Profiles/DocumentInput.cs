namespace Talent.Profiles;

/// <summary>One document as it arrives: its origin id, declared content type and text.</summary>
public sealed record DocumentInput(string SourceId, string ContentType, string Content, string? Uri = null);

/// <summary>Extraction either yields a profile or says, in one line, why the document was rejected.</summary>
public abstract record ExtractionResult
{
    public sealed record Accepted(ExtractedProfile Profile) : ExtractionResult;

    public sealed record Rejected(string Reason) : ExtractionResult;
}
