using Talent.Profiles;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>A document as received, with the identity and version it arrived with.</summary>
public sealed record IncomingDocument(string SourceId, long Version, string ContentType, string Content, string? Uri, string ContentHash, DateTimeOffset ReceivedAt);

/// <summary>What happened to a document: <c>accepted</c> (new candidate), <c>merged</c>, <c>unchanged</c>, <c>stale</c> or <c>rejected</c>.</summary>
public sealed record StoreOutcome(string Outcome, long? CandidateId, string? Reason)
{
    public const string Accepted = "accepted";
    public const string Merged = "merged";
    public const string Unchanged = "unchanged";
    public const string Stale = "stale";
    public const string Rejected = "rejected";
}

/// <summary>
/// A document to store in a batch: accepted with its extracted profile, or rejected with a reason. <see cref="InboxId"/>
/// names the inbox entry the document came from, deleted in the transaction that stores it.
/// </summary>
public sealed record DocumentWrite(IncomingDocument Document, ExtractedProfile? Profile, string? RejectionReason)
{
    private PreparedProfile? prepared;

    public long? InboxId { get; init; }

    /// <summary>
    /// Works out, on the calling thread, what storing this accepted document computes from it alone
    /// (<see cref="PreparedProfile"/>), so the batch writer does not; a rejected document needs nothing. Returns this.
    /// </summary>
    public DocumentWrite Prepare()
    {
        if (Profile is { } profile)
        {
            _ = PreparedFor(profile);
        }

        return this;
    }

    /// <summary>The prepared computations for <paramref name="profile"/> (this write's profile), made now unless made before.</summary>
    internal PreparedProfile PreparedFor(ExtractedProfile profile)
    {
        var ready = Volatile.Read(ref prepared);
        if (ready is null || !ready.IsFor(Document, profile))
        {
            ready = PreparedProfile.Of(Document, profile);
            Volatile.Write(ref prepared, ready);
        }

        return ready;
    }
}

/// <summary>What became of one document of a batch: its outcome, or the failure that kept it out while the rest was stored.</summary>
public sealed record DocumentWriteResult(StoreOutcome? Outcome, Exception? Failure);

/// <summary>How a new document relates to what is stored for its source id.</summary>
public enum SourceState
{
    New,
    Changed,
    Unchanged,
    Stale,
}

/// <summary>One entry of the change log, with the candidate's current profile for upserts.</summary>
public sealed record CandidateChange(long Sequence, long CandidateId, string Kind, CandidateProfile? Profile, DateTimeOffset UpdatedAt)
{
    public bool IsDelete => string.Equals(Kind, "delete", StringComparison.Ordinal);
}

/// <summary>
/// A candidate as stored, its profile still JSON (its own, or its sources' when it keeps none, see
/// <see cref="CandidateProfiles"/>): readers parse it where they have the threads for it.
/// </summary>
public sealed record StoredCandidateRow(long Id, string Json, DateTimeOffset UpdatedAt)
{
    /// <summary>The accepted sources the profile is merged from when the candidate keeps no JSON of its own.</summary>
    public IReadOnlyList<StoredSource> Sources { get; init; } = [];

    /// <summary>The keys of the sentence vectors stored for the candidate, when asked for and computed.</summary>
    public StoredVectorKeys? Vectors { get; init; }

    public CandidateProfile ReadProfile() => CandidateProfiles.Read(Json, Sources);
}

/// <summary>
/// The keys of a candidate's stored sentence vectors as <c>candidate_vectors</c> holds them: their own words' key and
/// the JSON array of [title, key] pairs of their publications.
/// </summary>
public sealed record StoredVectorKeys(string? ProfileKey, string PublicationKeys);

/// <summary>A merged candidate with every source about them and why each was merged.</summary>
public sealed record CandidateDetails(
    long Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    CandidateProfile Profile,
    IReadOnlyList<CandidateSource> Sources,
    IReadOnlyList<MergeRecord> Merges)
{
    /// <summary>The candidate as a recruiter sees it: each source's address as <see cref="SourceAddress.Shown"/> gives it.</summary>
    public CandidateDetails ForRecruiters() =>
        this with { Sources = Sources.Select(s => s with { Uri = SourceAddress.Shown(s.Uri) }).ToList() };
}

public sealed record CandidateSource(string SourceId, long Version, string ContentType, string? Uri, DateTimeOffset ReceivedAt, ExtractedProfile Profile);

public sealed record MergeRecord(string SourceId, string Reason, DateTimeOffset MergedAt);

public sealed record RejectedDocument(string SourceId, long Version, string ContentType, string Reason, DateTimeOffset ReceivedAt);

/// <summary>Source documents received (the latest version of each), how many of them were rejected and how many are stored as partial.</summary>
public sealed record SourceCounts(long Received, long Rejected, long Partial);
