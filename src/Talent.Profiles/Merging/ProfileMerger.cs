namespace Talent.Profiles.Merging;

/// <summary>Merges the sources of one candidate into one <see cref="CandidateProfile"/>.</summary>
public static class ProfileMerger
{
    public static CandidateProfile Merge(IReadOnlyList<SourceProfile> sources) => throw new NotImplementedException();
}
