using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>Turns one document into an <see cref="ExtractedProfile"/>, or a one-line rejection.</summary>
public sealed class ProfileExtractor(ProfileCatalogs catalogs)
{
    public ExtractionResult Extract(DocumentInput document) => throw new NotImplementedException(catalogs.ToString());
}
