using System.Text.Json;
using Dapper;

namespace Talent.Storage;

/// <summary>
/// The inbox: documents accepted for ingestion and not stored yet, each as the message it arrived in. A document's
/// row goes in the transaction that stores it (<see cref="StoreBatchAsync"/>, through <see cref="DocumentWrite.InboxId"/>),
/// or by <see cref="RemoveFromInboxAsync"/> when storing it had nothing to write (unchanged, stale).
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>Keeps an accepted document's message until it is stored; returns its inbox id.</summary>
    public async Task<long> AddToInboxAsync(string sourceId, string messageJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO inbox (source_id, message_json, received_at) VALUES (@sourceId, @messageJson, @now);
            SELECT last_insert_rowid();
            """,
            new { sourceId, messageJson, now = Now() });
    }

    /// <summary>Forgets an inbox entry whose document needed no write.</summary>
    public async Task RemoveFromInboxAsync(long inboxId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM inbox WHERE id = @inboxId", new { inboxId });
    }

    /// <summary>Inbox entries after <paramref name="afterId"/> up to <paramref name="lastId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<InboxEntry>> InboxAsync(long afterId, long lastId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InboxEntry>(
            "SELECT id, message_json, starts FROM inbox WHERE id > @afterId AND id <= @lastId ORDER BY id LIMIT @limit",
            new { afterId, lastId, limit });
        return rows.ToList();
    }

    /// <summary>Counts one more start for every inbox entry up to <paramref name="lastId"/> (each is about to be submitted again).</summary>
    public async Task CountInboxStartAsync(long lastId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE inbox SET starts = starts + 1 WHERE id <= @lastId", new { lastId });
    }

    /// <summary>The newest inbox id (0 when the inbox is empty).</summary>
    public async Task<long> LastInboxIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM inbox") ?? 0;
    }

    /// <summary>Deletes the inbox entries of the documents a batch stored, in its transaction.</summary>
    private static async Task RemoveStoredFromInboxAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<DocumentWrite> writes, DocumentWriteResult[] results)
    {
        var stored = writes.Where((w, i) => w.InboxId is not null && results[i].Failure is null).Select(w => w.InboxId!.Value).ToList(); // filtered on not null
        if (stored.Count > 0)
        {
            await connection.ExecuteAsync(
                "DELETE FROM inbox WHERE id IN (SELECT value FROM json_each(@ids))", new { ids = JsonSerializer.Serialize(stored) }, transaction);
        }
    }
}

/// <summary>A document waiting in the inbox: its id there and the message it arrived in, as JSON.</summary>
public sealed class InboxEntry
{
    public long Id { get; init; }

    public string MessageJson { get; init; } = "";

    /// <summary>How many starts of the worker have submitted it again, this one included.</summary>
    public int Starts { get; init; }
}
