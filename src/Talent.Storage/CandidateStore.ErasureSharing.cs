using Dapper;
using Microsoft.Data.Sqlite;

namespace Talent.Storage;

/// <summary>
/// Erasure beyond the person's own sources: the documents attached to nobody that hold one of their contact details
/// (rejected documents, and pages flagged for review because they point at several people).
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>Deletes the rejected documents whose raw content holds one of the person's contact details.</summary>
    private static async Task<int> DeleteRejectedSharingAsync(SqliteConnection connection, SqliteTransaction transaction, PersonTraces traces, List<string> deletedIds)
    {
        if (traces.IsEmpty)
        {
            return 0;
        }

        var sharing = new List<string>();
        using (var reader = await connection.ExecuteReaderAsync(
            "SELECT source_id, content, uri FROM sources WHERE status = 'rejected'", transaction: transaction))
        {
            while (await reader.ReadAsync())
            {
                if (HoldsContact(traces, reader, from: 1))
                {
                    sharing.Add(reader.GetString(0));
                }
            }
        }

        var deleted = 0;
        foreach (var sourceId in sharing)
        {
            deleted += await connection.ExecuteAsync("DELETE FROM sources WHERE source_id = @sourceId", new { sourceId }, transaction);
        }

        deletedIds.AddRange(sharing);

        return deleted;
    }

    /// <summary>
    /// Deletes the sources flagged for review (a page whose e-mails or addresses point at several people, linked to
    /// nobody) that hold one of the person's contact details, as rejected documents are: such a page is no one's own
    /// document, and kept, it would join the only person it still points at once the erased one is gone, taking the
    /// erased person's address with it. Each goes as a removed source does: its keys, merges and links, and its
    /// candidate (the page alone). <paramref name="except"/> is the source being erased itself.
    /// </summary>
    private static async Task<int> DeleteFlaggedSharingAsync(
        SqliteConnection connection, SqliteTransaction transaction, PersonTraces traces, string? except, List<string> deletedIds, string now)
    {
        if (traces.IsEmpty)
        {
            return 0;
        }

        var sharing = new List<(string SourceId, long? CandidateId)>();
        using (var reader = await connection.ExecuteReaderAsync(
            """
            SELECT s.source_id, s.candidate_id, s.content, s.uri, s.profile_json
            FROM identity_flags f JOIN sources s ON s.source_id = f.source_id
            WHERE s.source_id <> coalesce(@except, '')
            """,
            new { except },
            transaction))
        {
            while (await reader.ReadAsync())
            {
                if (HoldsContact(traces, reader, from: 2))
                {
                    sharing.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
                }
            }
        }

        using var statements = new DocumentStatements(connection, transaction);
        foreach (var (sourceId, candidateId) in sharing)
        {
            await connection.ExecuteAsync(
                """
                DELETE FROM identity_keys WHERE candidate_id = @candidateId AND source_id = @sourceId;
                DELETE FROM merges WHERE source_id = @sourceId;
                DELETE FROM sources WHERE source_id = @sourceId;
                """,
                new { sourceId, candidateId }, transaction);
            var linked = await ForgetIdentityAsync(connection, transaction, [sourceId]);
            await RegroupAfterRemovalAsync(connection, transaction, statements, linked, candidateId, now);
            deletedIds.Add(sourceId);
        }

        return sharing.Count;
    }

    /// <summary>Whether any text of the row from column <paramref name="from"/> on holds one of the person's contact details.</summary>
    private static bool HoldsContact(PersonTraces traces, System.Data.Common.DbDataReader row, int from)
    {
        for (var column = from; column < row.FieldCount; column++)
        {
            if (!row.IsDBNull(column) && traces.SharesContact(row.GetString(column)))
            {
                return true;
            }
        }

        return false;
    }
}
