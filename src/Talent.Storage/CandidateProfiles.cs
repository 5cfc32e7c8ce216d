using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// Where a candidate's merged profile comes from. A candidate made when a document linked to nobody (most candidates)
/// keeps no JSON of its own: its row's <c>profile_json</c> is empty (<see cref="FromSources"/>) and its profile is the
/// merge of its accepted sources, derived when it is read exactly as <c>RederiveAsync</c> derives it when it writes one.
/// Writing that merge beside the source's own profile cost every document a second serialisation and 8 KB of SQLite
/// writes (docs/benchmarks.md). A candidate whose sources change is re-derived and written whole, so an empty
/// <c>profile_json</c> is only ever a candidate's first, one-source state; the readers merge whatever accepted sources
/// the candidate has, so they would stay right even if it were not.
/// </summary>
internal static class CandidateProfiles
{
    /// <summary>The <c>profile_json</c> of a candidate whose profile is derived from its sources when read.</summary>
    public const string FromSources = "";

    /// <summary>True when a candidate row keeps no profile of its own.</summary>
    public static bool IsDerived(string profileJson) => profileJson.Length == 0;

    /// <summary>The merged profile of <paramref name="sources"/> (accepted sources of one candidate, as stored).</summary>
    public static CandidateProfile Merge(IEnumerable<StoredSource> sources) =>
        ProfileMerger.Merge(sources.Select(s => new SourceProfile(
            s.SourceId, ProfileJson.Deserialize<ExtractedProfile>(s.ProfileJson ?? "{}"), CandidateStore.ParseTime(s.ReceivedAt))).ToList());

    /// <summary>A candidate's profile: its own JSON, or the merge of its <paramref name="sources"/> when it keeps none.</summary>
    public static CandidateProfile Read(string profileJson, IEnumerable<StoredSource> sources) =>
        IsDerived(profileJson) ? Merge(sources) : ProfileJson.Deserialize<CandidateProfile>(profileJson);

    /// <summary>A candidate's profile: its own JSON, or the merge of its sources among <paramref name="sources"/>.</summary>
    public static CandidateProfile Read(long candidateId, string profileJson, IReadOnlyDictionary<long, List<StoredSource>> sources) =>
        Read(profileJson, sources.GetValueOrDefault(candidateId) ?? []);

    /// <summary>The accepted sources of the candidates among <paramref name="candidateIds"/>, by candidate.</summary>
    public static async Task<Dictionary<long, List<StoredSource>>> SourcesOfAsync(
        SqliteConnection connection, IReadOnlyCollection<long> candidateIds, SqliteTransaction? transaction = null)
    {
        if (candidateIds.Count == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<StoredSource>(
            """
            SELECT candidate_id AS CandidateId, source_id AS SourceId, profile_json AS ProfileJson, received_at AS ReceivedAt
            FROM sources WHERE candidate_id IN (SELECT value FROM json_each(@ids)) AND status = 'accepted'
            """,
            new { ids = JsonSerializer.Serialize(candidateIds) }, transaction);
        return rows.GroupBy(r => r.CandidateId).ToDictionary(g => g.Key, g => g.ToList());
    }
}

/// <summary>An accepted source of a candidate as the merge reads it.</summary>
public sealed record StoredSource(long CandidateId, string SourceId, string? ProfileJson, string ReceivedAt);
