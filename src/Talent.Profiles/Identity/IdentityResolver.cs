namespace Talent.Profiles.Identity;

/// <summary>
/// Decides which known candidates a new document's person is, from evidence only: shared e-mail,
/// homepage or profile link; two or more shared publication titles; or the same name with the same
/// institution and overlapping period. Never on name alone.
/// </summary>
public static class IdentityResolver
{
    /// <summary>The normalised keys storage indexes to find candidates that may be the same person.</summary>
    public static IReadOnlyList<IdentityKey> KeysOf(ExtractedProfile profile) => throw new NotImplementedException();

    public static IdentityDecision Resolve(ExtractedProfile profile, IReadOnlyList<KnownCandidate> candidates) => throw new NotImplementedException();
}
