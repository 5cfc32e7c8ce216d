using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>What the shape tests share: an extractor over the shipped catalogs, and reading a small document that must be accepted.</summary>
public abstract class DocumentShapeReading
{
    protected ProfileExtractor Extractor { get; } = new(RepoPaths.Catalogs);

    protected ExtractedProfile Read(string contentType, string content) =>
        Assert.IsType<ExtractionResult.Accepted>(Extractor.Extract(new DocumentInput("shape", contentType, content))).Profile;
}
