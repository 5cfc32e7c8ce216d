using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>A document read by the extractor with the repository's catalogs, its profile when accepted (the test fails otherwise).</summary>
internal static class Extracted
{
    public static ExtractedProfile Profile(string contentType, string content) =>
        Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("test", contentType, content))).Profile;
}
