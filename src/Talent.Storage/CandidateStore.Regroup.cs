using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Identity;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>Re-grouping one component of sources into candidates (see <c>CandidateStore.Identity.cs</c>).</summary>
public sealed partial class CandidateStore
{
    /// <summary>
    /// Groups the component of <paramref name="seeds"/> again and makes its candidates match: a group keeps the id of
    /// the candidate whose first source it holds (see <see cref="AssignIds"/>), a group with none gets a new candidate, a
    /// candidate left without a group goes. Only candidates whose sources changed (or that hold <paramref name="changed"/>,
    /// a source whose content is new) are re-derived. A person's split names the sources that stay
    /// (<paramref name="staying"/>): the candidate's id stays with them whichever source came first.
    /// </summary>
    private static async Task<Regrouped> RegroupAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, IReadOnlyCollection<string> seeds, string? changed, string now,
        IReadOnlySet<string>? staying = null)
    {
        var component = await ComponentAsync(connection, transaction, seeds);
        var ids = JsonSerializer.Serialize(component);
        var rows = (await connection.QueryAsync<(string SourceId, long? CandidateId, string ProfileJson, string? Uri, long Arrival)>(
            "SELECT source_id, candidate_id, profile_json, uri, rowid FROM sources WHERE source_id IN (SELECT value FROM json_each(@ids)) AND status = 'accepted'",
            new { ids }, transaction)).ToList();
        var links = await connection.QueryAsync<(string SourceA, string SourceB, long Strength, long Weight, string Reason)>(
            "SELECT source_a, source_b, strength, weight, reason FROM identity_links WHERE source_a IN (SELECT value FROM json_each(@ids))", new { ids }, transaction);
        var decisions = await DecisionsAmongAsync(connection, transaction, ids);
        var grouping = IdentityGrouper.Group(
            rows.Select(r => SourceIdentity.Of(r.SourceId, ProfileJson.Deserialize<ExtractedProfile>(r.ProfileJson), r.Uri)).ToList(),
            links.Select(l => new IdentityLink(l.SourceA, l.SourceB, (LinkStrength)l.Strength, (int)l.Weight, l.Reason)).ToList(),
            decisions);

        var before = rows.Where(r => r.CandidateId is > 0).ToDictionary(r => r.SourceId, r => r.CandidateId!.Value, StringComparer.Ordinal);
        var firsts = rows.Where(r => r.CandidateId is > 0).GroupBy(r => r.CandidateId!.Value)
            .ToDictionary(g => g.OrderBy(r => staying?.Contains(r.SourceId) == true ? 0 : 1).ThenBy(r => r.Arrival).First().SourceId, g => g.Key, StringComparer.Ordinal);
        var assigned = AssignIds(grouping.Groups, before, firsts);
        var result = new Regrouped();
        var moved = new List<long>();
        for (var i = 0; i < grouping.Groups.Count; i++)
        {
            var group = grouping.Groups[i];
            var unchanged = assigned[i] is { } kept
                && group.SourceIds.All(s => before.GetValueOrDefault(s) == kept)
                && before.Count(b => b.Value == kept) == group.SourceIds.Count
                && (changed is null || !group.SourceIds.Contains(changed, StringComparer.Ordinal));
            var candidateId = assigned[i] ?? await statements.InsertCandidateAsync(new CandidateProfile(), now);
            var reasons = ReasonsOf(group);
            if (!unchanged)
            {
                await MoveSourcesAsync(connection, transaction, statements, candidateId, group, reasons, now);
                moved.Add(candidateId);
            }

            foreach (var source in group.SourceIds)
            {
                result.CandidateOf[source] = candidateId;
            }

            result.SizeOf[candidateId] = group.SourceIds.Count;
            foreach (var (source, reason) in reasons)
            {
                result.ReasonOf[source] = reason;
            }
        }

        // Derived once every source is in its place: a candidate derived before a later group took some of its
        // sources away would keep them in its profile.
        foreach (var candidateId in moved)
        {
            await RederiveAsync(connection, transaction, statements, candidateId, now);
        }

        // Before the candidates that lost their id go (and their shortlist entries with them): the entries follow the person.
        foreach (var (from, count) in await ShortlistStore.FollowRegroupAsync(connection, transaction, before, result.CandidateOf))
        {
            result.EntriesMovedFrom[from] = count;
        }

        foreach (var gone in before.Values.Distinct().Where(c => !assigned.Contains(c)))
        {
            await RederiveAsync(connection, transaction, statements, gone, now); // no accepted source is left under it: removed
        }

        await connection.ExecuteAsync("DELETE FROM identity_flags WHERE source_id IN (SELECT value FROM json_each(@ids))", new { ids }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO identity_flags (source_id, reason) VALUES (@Key, @Value)", grouping.Flagged.Select(f => new { f.Key, f.Value }), transaction);
        foreach (var (source, reason) in grouping.Flagged)
        {
            result.Flagged[source] = reason;
        }

        return result;
    }

    /// <summary>
    /// The candidate id each group keeps: a candidate's id can go only to the group that holds its first source (the
    /// earliest stored of those it holds now, see <paramref name="firsts"/>); a group that holds the first sources of
    /// several candidates (a merge) keeps the one of which it holds most sources, then the older id. A candidate is the
    /// person its first source is about: when some of its sources go to another group (a split, a removed bridge), the
    /// id and what hangs off it (shortlist entries, notes) stay with that person, however many sources the other group
    /// has.
    /// </summary>
    private static long?[] AssignIds(IReadOnlyList<IdentityGroup> groups, Dictionary<string, long> before, IReadOnlyDictionary<string, long> firsts) =>
        groups.Select(g => g.SourceIds.Where(firsts.ContainsKey).Select(s => firsts[s])
                .OrderByDescending(candidate => g.SourceIds.Count(s => before.GetValueOrDefault(s) == candidate)).ThenBy(candidate => candidate)
                .Select(candidate => (long?)candidate).FirstOrDefault())
            .ToArray();

    /// <summary>Why each source of a group is there, in words: the links that hold it, or "new candidate" when alone.</summary>
    private static Dictionary<string, string> ReasonsOf(IdentityGroup group)
    {
        var reasons = group.SourceIds.ToDictionary(s => s, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var link in group.Links)
        {
            reasons[link.SourceA].Add($"{link.Reason} with {link.SourceB}");
            reasons[link.SourceB].Add($"{link.Reason} with {link.SourceA}");
        }

        return reasons.ToDictionary(r => r.Key, r => r.Value.Count == 0 ? "new candidate" : string.Join("; ", r.Value), StringComparer.Ordinal);
    }

    private static async Task MoveSourcesAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, long candidateId, IdentityGroup group, Dictionary<string, string> reasons, string now)
    {
        var ids = JsonSerializer.Serialize(group.SourceIds);
        // The keys first, found through the candidates the sources are under before they move (a source not placed yet
        // keeps its keys under 0): identity_keys has no index by source, and a scan of every key at each re-grouping
        // made ingestion slow down as the database grew.
        await connection.ExecuteAsync(
            """
            UPDATE identity_keys SET candidate_id = @candidateId
            WHERE candidate_id IN (SELECT coalesce(candidate_id, 0) FROM sources WHERE source_id IN (SELECT value FROM json_each(@ids)))
                AND source_id IN (SELECT value FROM json_each(@ids));
            UPDATE sources SET candidate_id = @candidateId WHERE source_id IN (SELECT value FROM json_each(@ids));
            DELETE FROM merges WHERE source_id IN (SELECT value FROM json_each(@ids));
            """,
            new { candidateId, ids }, transaction);
        foreach (var source in group.SourceIds)
        {
            await statements.InsertMergeAsync(candidateId, source, reasons[source], now);
        }
    }

    /// <summary>The latest decision for each pair of the sources in <paramref name="ids"/> (a JSON array).</summary>
    private static async Task<List<IdentityDecision>> DecisionsAmongAsync(SqliteConnection connection, SqliteTransaction? transaction, string ids)
    {
        var rows = await connection.QueryAsync<(string SourceA, string SourceB, bool Together, string DecidedBy)>(
            """
            SELECT source_a, source_b, together, decided_by FROM identity_decisions
            WHERE source_a IN (SELECT value FROM json_each(@ids)) AND source_b IN (SELECT value FROM json_each(@ids))
            ORDER BY id
            """,
            new { ids }, transaction);
        var latest = new Dictionary<(string, string), IdentityDecision>();
        foreach (var row in rows)
        {
            var pair = string.CompareOrdinal(row.SourceA, row.SourceB) <= 0 ? (row.SourceA, row.SourceB) : (row.SourceB, row.SourceA);
            latest[pair] = new IdentityDecision(pair.Item1, pair.Item2, row.Together, row.DecidedBy);
        }

        return latest.Values.ToList();
    }

    private sealed class Regrouped
    {
        public Dictionary<string, long> CandidateOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, int> SizeOf { get; } = [];

        public Dictionary<string, string> ReasonOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Flagged { get; } = new(StringComparer.Ordinal);

        /// <summary>Shortlist entries moved to a successor, by the candidate that lost its id.</summary>
        public Dictionary<long, int> EntriesMovedFrom { get; } = [];
    }
}
