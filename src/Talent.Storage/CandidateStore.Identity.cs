using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Identity;

namespace Talent.Storage;

/// <summary>
/// Identity. Links between two sources are computed from the two alone when the later one is stored
/// (<c>identity_links</c>); people's decisions name sources (<c>identity_decisions</c>). Whenever a source comes,
/// changes or goes, the connected component of sources it touches (over links and "together" decisions) is grouped
/// again by <see cref="IdentityGrouper"/> and its candidates merged or split to match, keeping the id of the candidate
/// that holds most of a group. The grouping is therefore a function of the current sources and decisions, not of their
/// order, and the work is bounded by the component, not the database.
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>
    /// Stores the identity of an accepted document: its keys and links, then its component re-grouped. A brand-new
    /// document that links nobody (the usual case) becomes a candidate of its own without re-grouping anything.
    /// </summary>
    private static async Task<StoreOutcome> PlaceAcceptedAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, PreparedProfile prepared,
        long? previousCandidate, bool existed, string now)
    {
        var document = prepared.Document;
        var formerNeighbours = existed ? await DetachAsync(connection, transaction, statements, document.SourceId, previousCandidate) : [];
        var links = await LinksWithSharingAsync(connection, transaction, statements, prepared.Identity, prepared.KeysJson);
        if (!existed && links.Count == 0)
        {
            // The candidate is its one source: its row keeps no profile of its own (see CandidateProfiles).
            var candidateId = await statements.InsertCandidateAsync(prepared.Alone, CandidateProfiles.FromSources, now);
            await statements.InsertMergeAsync(candidateId, document.SourceId, "new candidate", now);
            await statements.UpsertSourceAsync(document, "accepted", null, prepared.ProfileJson, prepared.Profile.Partial, candidateId, Format(document.ReceivedAt));
            await statements.InsertKeysAsync(document.SourceId, candidateId, prepared.KeysJson);
            return new StoreOutcome(StoreOutcome.Accepted, candidateId, null);
        }

        await statements.UpsertSourceAsync(document, "accepted", null, prepared.ProfileJson, prepared.Profile.Partial, previousCandidate, Format(document.ReceivedAt));
        await statements.InsertKeysAsync(document.SourceId, previousCandidate ?? 0, prepared.KeysJson);
        await InsertLinksAsync(connection, transaction, links);
        var placed = await RegroupAsync(connection, transaction, statements, [document.SourceId, .. formerNeighbours], document.SourceId, now);
        var own = placed.CandidateOf[document.SourceId];
        var reason = placed.ReasonOf.GetValueOrDefault(document.SourceId);
        return placed.SizeOf[own] > 1
            ? new StoreOutcome(StoreOutcome.Merged, own, reason)
            : new StoreOutcome(StoreOutcome.Accepted, own, placed.Flagged.GetValueOrDefault(document.SourceId));
    }

    /// <summary>A source that no longer counts (rejected now): its keys and links go and what it touched is re-grouped.</summary>
    private static async Task RemoveFromIdentityAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, string sourceId, long? previousCandidate, string now)
    {
        var formerNeighbours = await DetachAsync(connection, transaction, statements, sourceId, previousCandidate);
        await connection.ExecuteAsync("DELETE FROM identity_flags WHERE source_id = @sourceId", new { sourceId }, transaction);
        await RegroupAfterRemovalAsync(connection, transaction, statements, formerNeighbours, previousCandidate, now);
    }

    /// <summary>
    /// After a source left: the sources it touched are re-grouped (a candidate it held together splits), and its former
    /// candidate is re-derived from what remains, or removed when nothing does. Returns the shortlist entries the
    /// re-grouping moved, by the candidate that lost its id (see <see cref="Regrouped.EntriesMovedFrom"/>).
    /// </summary>
    private static async Task<IReadOnlyDictionary<long, int>> RegroupAfterRemovalAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, IReadOnlyCollection<string> touched, long? previousCandidate, string now)
    {
        var moved = touched.Count > 0 ? (await RegroupAsync(connection, transaction, statements, touched, null, now)).EntriesMovedFrom : [];
        if (previousCandidate is { } candidate && await CandidateExistsAsync(connection, transaction, candidate))
        {
            await RederiveAsync(connection, transaction, statements, candidate, now);
        }

        return moved;
    }

    /// <summary>
    /// Erasure: the identity of sources that are gone (links, decisions, flags) goes with them; returns the sources they
    /// were linked to, to re-group.
    /// </summary>
    private static async Task<List<string>> ForgetIdentityAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> sourceIds)
    {
        var ids = JsonSerializer.Serialize(sourceIds);
        var neighbours = (await connection.QueryAsync<string>(NeighboursSql, new { ids }, transaction)).Where(n => !sourceIds.Contains(n)).ToList();
        await connection.ExecuteAsync(
            """
            DELETE FROM identity_links WHERE source_a IN (SELECT value FROM json_each(@ids)) OR source_b IN (SELECT value FROM json_each(@ids));
            DELETE FROM identity_decisions WHERE source_a IN (SELECT value FROM json_each(@ids)) OR source_b IN (SELECT value FROM json_each(@ids));
            DELETE FROM identity_flags WHERE source_id IN (SELECT value FROM json_each(@ids));
            """,
            new { ids }, transaction);
        return neighbours;
    }

    /// <summary>Sources linked to, or decided together with, any of <c>@ids</c> (a JSON array).</summary>
    private const string NeighboursSql =
        """
        SELECT source_b FROM identity_links WHERE source_a IN (SELECT value FROM json_each(@ids))
        UNION SELECT source_a FROM identity_links WHERE source_b IN (SELECT value FROM json_each(@ids))
        UNION SELECT source_b FROM identity_decisions WHERE together = 1 AND source_a IN (SELECT value FROM json_each(@ids))
        UNION SELECT source_a FROM identity_decisions WHERE together = 1 AND source_b IN (SELECT value FROM json_each(@ids))
        """;

    /// <summary>
    /// Takes a stored source out of the link graph before its new version (or rejection) is placed: returns the sources
    /// it was linked or decided with and the other sources of its candidate, whose grouping may change.
    /// </summary>
    private static async Task<List<string>> DetachAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, string sourceId, long? candidateId)
    {
        var ids = JsonSerializer.Serialize(new[] { sourceId });
        var touched = (await connection.QueryAsync<string>(NeighboursSql, new { ids }, transaction)).ToList();
        if (candidateId is { } candidate)
        {
            touched.AddRange(await connection.QueryAsync<string>(
                "SELECT source_id FROM sources WHERE candidate_id = @candidate AND status = 'accepted' AND source_id <> @sourceId",
                new { candidate, sourceId }, transaction));
        }

        // Through the candidate (0 for a source under none): a delete by source id alone scans every key.
        await statements.DeleteKeysAsync(sourceId, candidateId ?? 0);
        await connection.ExecuteAsync("DELETE FROM identity_links WHERE source_a = @sourceId OR source_b = @sourceId", new { sourceId }, transaction);
        return touched.Distinct(StringComparer.Ordinal).Where(t => !string.Equals(t, sourceId, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The links of a source with every accepted source that shares one of its keys.</summary>
    private static async Task<IReadOnlyList<IdentityLink>> LinksWithSharingAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, SourceIdentity identity, string keysJson)
    {
        var sharing = await statements.SourcesSharingAsync(keysJson, identity.SourceId);
        if (sharing.Count == 0)
        {
            return [];
        }

        return IdentityResolver.LinksOf(identity, await AcceptedIdentitiesAsync(connection, transaction, sharing));
    }

    /// <summary>What identifies each of the accepted sources among <paramref name="sourceIds"/> (read from their stored profiles).</summary>
    private static async Task<List<SourceIdentity>> AcceptedIdentitiesAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> sourceIds)
    {
        var rows = await connection.QueryAsync<(string SourceId, string ProfileJson, string? Uri)>(
            "SELECT source_id, profile_json, uri FROM sources WHERE source_id IN (SELECT value FROM json_each(@ids)) AND status = 'accepted'",
            new { ids = JsonSerializer.Serialize(sourceIds) }, transaction);
        return [.. rows.Select(r => SourceIdentity.Of(r.SourceId, ProfileJson.Deserialize<ExtractedProfile>(r.ProfileJson), r.Uri))];
    }

    private static Task InsertLinksAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<IdentityLink> links) =>
        links.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                """
                INSERT OR REPLACE INTO identity_links (source_a, source_b, strength, weight, reason)
                VALUES (@SourceA, @SourceB, @Strength, @Weight, @Reason)
                """,
                links.Select(l => new { l.SourceA, l.SourceB, Strength = (int)l.Strength, l.Weight, l.Reason }),
                transaction);

    /// <summary>Every source connected to <paramref name="seeds"/> through links and "together" decisions.</summary>
    private static async Task<HashSet<string>> ComponentAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> seeds)
    {
        var seen = seeds.ToHashSet(StringComparer.Ordinal);
        var frontier = seen.ToList();
        while (frontier.Count > 0)
        {
            var next = await connection.QueryAsync<string>(NeighboursSql, new { ids = JsonSerializer.Serialize(frontier) }, transaction);
            frontier = next.Where(seen.Add).ToList();
        }

        return seen;
    }

}
