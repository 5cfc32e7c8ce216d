namespace Talent.Profiles.Identity;

/// <summary>
/// What storage knows about an existing candidate that shares at least one identity key with a new
/// document: the extracted profiles of its sources.
/// </summary>
public sealed record KnownCandidate(long CandidateId, IReadOnlyList<ExtractedProfile> Sources);

/// <summary>A normalised piece of identifying evidence: <c>email</c>, <c>homepage</c>, <c>link</c>, <c>title</c> or <c>name</c>.</summary>
public sealed record IdentityKey(string Kind, string Value);

/// <summary>
/// The resolver's verdict for one document. <see cref="Matches"/> empty: a new person. One: that
/// candidate. Several: the document bridges candidates that are the same person and they are joined.
/// </summary>
public sealed record IdentityDecision(IReadOnlyList<IdentityMatch> Matches)
{
    public bool IsNewCandidate => Matches.Count == 0;
}

/// <summary>Why a document belongs to a candidate, in words a person can check (<c>shared e-mail</c>, <c>3 shared publication titles</c>).</summary>
public sealed record IdentityMatch(long CandidateId, string Reason);
