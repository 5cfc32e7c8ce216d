using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talent.Storage;

/// <summary>
/// Shortlist entries name candidate ids, which identity changes and erasure move or end: a merge moves a candidate's
/// entries to the candidate that now holds their sources, an erasure deletes them (and the table's cascade deletes the
/// entries of any candidate row that goes), and notes that name an erased person are scrubbed. Each runs inside the
/// caller's transaction.
/// </summary>
public sealed partial class ShortlistStore
{
    /// <summary>
    /// After a re-grouping: every candidate that lost its id (<paramref name="before"/> names it, <paramref name="after"/>
    /// does not) hands its entries to the candidate holding most of its former sources (ties: the older id). On a list
    /// that already holds that candidate the two entries become one: tags joined, notes joined. Returns the entries moved,
    /// by the candidate they left (an erasure counts only the entries that went, not those that followed the person).
    /// </summary>
    internal static async Task<Dictionary<long, int>> FollowRegroupAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        var kept = after.Values.ToHashSet();
        var moved = new Dictionary<long, int>();
        foreach (var gone in before.Values.Distinct().Where(c => !kept.Contains(c)))
        {
            var successor = before.Where(b => b.Value == gone && after.ContainsKey(b.Key))
                .GroupBy(b => after[b.Key])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => (long?)g.Key)
                .FirstOrDefault();
            if (successor is { } to)
            {
                moved[gone] = await MoveEntriesAsync(connection, transaction, gone, to);
            }
        }

        return moved;
    }

    /// <summary>Erasure: deletes every shortlist entry of the candidate; returns how many.</summary>
    internal static Task<int> EraseEntriesAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId) =>
        connection.ExecuteAsync("DELETE FROM shortlist_entries WHERE candidate_id = @candidateId", new { candidateId }, transaction);

    /// <summary>How many shortlist entries the candidate has (counted before an erasure whose cascade deletes them).</summary>
    internal static Task<long> CountEntriesAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId) =>
        connection.ExecuteScalarAsync<long>("SELECT count(*) FROM shortlist_entries WHERE candidate_id = @candidateId", new { candidateId }, transaction);

    /// <summary>
    /// Erasure: replaces every note that <paramref name="names"/> says names the person with <paramref name="replacement"/>
    /// (the entry stays: the note was about someone else, or the entry goes with the person anyway). Returns how many.
    /// </summary>
    internal static async Task<int> ScrubNotesAsync(SqliteConnection connection, SqliteTransaction transaction, Func<string, bool> names, string replacement)
    {
        var scrubbed = new List<(long ShortlistId, long CandidateId)>();
        using (var reader = await connection.ExecuteReaderAsync(
            "SELECT shortlist_id, candidate_id, note FROM shortlist_entries WHERE note IS NOT NULL AND note <> @replacement", new { replacement }, transaction))
        {
            while (await reader.ReadAsync())
            {
                if (names(reader.GetString(2)))
                {
                    scrubbed.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }
        }

        foreach (var (shortlistId, candidateId) in scrubbed)
        {
            await connection.ExecuteAsync(
                "UPDATE shortlist_entries SET note = @replacement WHERE shortlist_id = @shortlistId AND candidate_id = @candidateId",
                new { replacement, shortlistId, candidateId }, transaction);
        }

        return scrubbed.Count;
    }

    private static async Task<int> MoveEntriesAsync(SqliteConnection connection, SqliteTransaction transaction, long from, long to)
    {
        var entries = (await connection.QueryAsync<(long ShortlistId, string Tags, string? Note)>(
            "SELECT shortlist_id, tags, note FROM shortlist_entries WHERE candidate_id = @from", new { from }, transaction)).ToList();
        foreach (var entry in entries)
        {
            var there = (await connection.QueryAsync<(string Tags, string? Note)>(
                "SELECT tags, note FROM shortlist_entries WHERE shortlist_id = @ShortlistId AND candidate_id = @to", new { entry.ShortlistId, to }, transaction)).ToList();
            if (there is [var survivor])
            {
                var tags = JsonSerializer.Serialize(ShortlistRules.Union(TagsOf(survivor.Tags), TagsOf(entry.Tags)));
                var note = ShortlistRules.Joined(survivor.Note, entry.Note);
                await connection.ExecuteAsync(
                    """
                    UPDATE shortlist_entries SET tags = @tags, note = @note WHERE shortlist_id = @ShortlistId AND candidate_id = @to;
                    DELETE FROM shortlist_entries WHERE shortlist_id = @ShortlistId AND candidate_id = @from;
                    """,
                    new { tags, note, entry.ShortlistId, to, from }, transaction);
            }
            else
            {
                await connection.ExecuteAsync(
                    "UPDATE shortlist_entries SET candidate_id = @to WHERE shortlist_id = @ShortlistId AND candidate_id = @from",
                    new { to, entry.ShortlistId, from }, transaction);
            }
        }

        return entries.Count;
    }
}
