using System.Text.Json;
using Talent.Profiles;
using Talent.Profiles.Identity;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// What storing an accepted document computes from the document alone: its identity keys and its profile as stored
/// (as JSON), and the candidate it becomes when it links to nobody (the common case; that candidate's row keeps no JSON
/// of its own, see <see cref="CandidateProfiles"/>, and the index takes it as it is). Batches are written by one
/// thread, one transaction at a time, and ingestion waits on it; these are pure functions of the document, so the
/// consumer that extracted it works them out on its own thread (<see cref="DocumentWrite.Prepare"/>) and the writer
/// spends its turn in SQLite.
/// </summary>
public sealed class PreparedProfile
{
    private PreparedProfile(IncomingDocument document, ExtractedProfile profile)
    {
        Document = document;
        Profile = profile;
        Identity = SourceIdentity.Of(document.SourceId, profile, document.Uri);
        KeysJson = JsonSerializer.Serialize(Identity.Keys().Select(k => new[] { k.Kind, k.Value }));
        ProfileJson = Talent.Profiles.ProfileJson.Serialize(profile);
        Alone = ProfileMerger.Merge([new SourceProfile(document.SourceId, profile, document.ReceivedAt)]);
    }

    /// <summary>The document these were computed from.</summary>
    public IncomingDocument Document { get; }

    /// <summary>The profile these were computed from.</summary>
    public ExtractedProfile Profile { get; }

    /// <summary>Who the source says it is.</summary>
    internal SourceIdentity Identity { get; }

    /// <summary>The identity keys as a JSON array of [kind, value] pairs, as the key statements take them.</summary>
    internal string KeysJson { get; }

    /// <summary>The profile as the source row stores it.</summary>
    internal string ProfileJson { get; }

    /// <summary>The candidate made of this source alone.</summary>
    internal CandidateProfile Alone { get; }

    public static PreparedProfile Of(IncomingDocument document, ExtractedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(profile);
        return new PreparedProfile(document, profile);
    }

    /// <summary>True when these were computed from exactly this document and profile.</summary>
    internal bool IsFor(IncomingDocument document, ExtractedProfile profile) =>
        ReferenceEquals(Document, document) && ReferenceEquals(Profile, profile);
}
