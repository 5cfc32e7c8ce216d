using Dapper;

namespace Talent.Storage;

/// <summary>
/// An erasure's work outside SQLite. The erasure's transaction records who was erased in <c>erasure_pending</c> (the
/// ids of their sources and their contact details: what the broker pass recognises their messages by); the worker
/// then looks in the broker, purges the index and, when both are done, deletes that row and empties the log before it
/// records the purge (the report is complete only then). A worker stopped in between finds the row when it starts
/// again and finishes the work (<see cref="PendingErasuresAsync"/>).
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>The erasures whose broker pass or index purge has not finished, oldest first, with who was erased.</summary>
    public async Task<IReadOnlyList<PendingErasure>> PendingErasuresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ErasureId, string Person)>(
            new CommandDefinition("SELECT erasure_id, person FROM erasure_pending ORDER BY erasure_id", cancellationToken: cancellationToken));
        return rows.Select(r => new PendingErasure(r.ErasureId, ErasedPerson.Deserialize(r.Person))).ToList();
    }

    /// <summary>
    /// The erasures whose pending work ended (the row deleted after a finished broker pass) with no index purge
    /// recorded: a worker stopped between the row's deletion and the report's last entry. The index was purged before
    /// the row went; recording it again completes the report.
    /// </summary>
    public async Task<IReadOnlyList<long>> UnrecordedPurgesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM erasures
            WHERE broker IS NOT NULL AND broker_failure IS NULL AND index_purged IS NULL
              AND id NOT IN (SELECT erasure_id FROM erasure_pending)
            ORDER BY id
            """,
            cancellationToken: cancellationToken));
        return ids.ToList();
    }

    /// <summary>
    /// Ends the pending work of these erasures and records how many deleted documents the index purged from its files
    /// for them. The pending rows of erasures whose broker pass finished are deleted (zeroed by <c>secure_delete</c>)
    /// and the log is emptied after them, and only then is the purge recorded: a report with the index purged says
    /// the erasure is complete, and until the checkpoint copies the zeroed page over it, the database file still
    /// holds the row (the erasure's own checkpoint put it there). The checkpoint's outcome is the report's log
    /// truncation. An erasure whose broker pass failed stays pending, to be tried again at the worker's next start.
    /// </summary>
    public async Task RecordIndexPurgeAsync(IReadOnlyCollection<long> erasureIds, int purged, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ended = (await connection.QueryAsync<long>(
            """
            DELETE FROM erasure_pending WHERE erasure_id IN @erasureIds
               AND erasure_id IN (SELECT id FROM erasures WHERE broker IS NOT NULL AND broker_failure IS NULL)
            RETURNING erasure_id
            """,
            new { erasureIds })).ToList();
        var truncated = ended.Count == 0 || await TalentDatabase.CheckpointAsync(connection, cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE erasures SET index_purged = @purged, log_truncated = CASE WHEN id IN @ended THEN @truncated ELSE log_truncated END
            WHERE id IN @erasureIds
            """,
            new { purged, truncated, ended, erasureIds });
    }
}

/// <summary>An erasure whose work outside SQLite is not finished, and the person it erased.</summary>
public sealed record PendingErasure(long ErasureId, ErasedPerson Person);
