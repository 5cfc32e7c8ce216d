using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// The statements every stored document runs, prepared once per batch transaction and run again for each
/// document of it. Preparing SQL costs as much as running these statements, and Dapper prepares anew on
/// every call, so the batch write path binds its parameters here (about twice as fast, see the ingestion
/// section of docs/benchmarks.md). Everything else goes through Dapper.
/// </summary>
internal sealed class DocumentStatements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    /// <summary>Merged profiles this transaction wrote, each with the change sequence it was written under.</summary>
    public List<WrittenProfiles.Written> Written { get; } = [];

    /// <summary>
    /// Starts one document's savepoint, so a document that fails is undone alone (<see cref="RollbackAsync"/>) and the
    /// rest of its batch is kept. Prepared here once: <c>SqliteTransaction.Save</c> parses its SQL on every call.
    /// </summary>
    public Task SaveAsync() => Bind("SAVEPOINT document").ExecuteNonQueryAsync();

    /// <summary>Ends the document's savepoint, keeping its writes in the batch transaction.</summary>
    public Task ReleaseAsync() => Bind("RELEASE document").ExecuteNonQueryAsync();

    /// <summary>Undoes the document's writes since <see cref="SaveAsync"/>; the savepoint stays open until released.</summary>
    public Task RollbackAsync() => Bind("ROLLBACK TO document").ExecuteNonQueryAsync();

    /// <summary>What is stored for a source id: version, content hash and candidate, or null.</summary>
    public async Task<(long Version, string ContentHash, long? CandidateId)?> SourceAsync(string sourceId)
    {
        var command = Bind("SELECT version, content_hash, candidate_id FROM sources WHERE source_id = $source", ("$source", sourceId));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2))
            : null;
    }

    /// <summary>Other sources holding any of the identity keys (a JSON array of [kind, value] pairs), in id order.</summary>
    public async Task<List<string>> SourcesSharingAsync(string keysJson, string sourceId)
    {
        var command = Bind(
            """
            SELECT DISTINCT k.source_id
            FROM json_each($keys) j
            JOIN identity_keys k ON k.kind = json_extract(j.value, '$[0]') AND k.value = json_extract(j.value, '$[1]')
            WHERE k.source_id <> $source
            ORDER BY k.source_id
            """,
            ("$keys", keysJson),
            ("$source", sourceId));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>A source's identity keys, found through its candidate: every key is stored under the candidate of its source.</summary>
    public Task DeleteKeysAsync(string sourceId, long candidateId) =>
        Bind("DELETE FROM identity_keys WHERE candidate_id = $candidate AND source_id = $source", ("$candidate", candidateId), ("$source", sourceId)).ExecuteNonQueryAsync();

    /// <summary>Identity keys (a JSON array of [kind, value] pairs) of a source, under its candidate.</summary>
    public Task InsertKeysAsync(string sourceId, long candidateId, string keysJson) =>
        Bind(
            """
            INSERT OR IGNORE INTO identity_keys (source_id, candidate_id, kind, value)
            SELECT $source, $candidate, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($keys)
            """,
            ("$source", sourceId),
            ("$candidate", candidateId),
            ("$keys", keysJson)).ExecuteNonQueryAsync();

    /// <summary>A new candidate with its profile, and an upsert in the change log; returns its id.</summary>
    public Task<long> InsertCandidateAsync(CandidateProfile profile, string now) => InsertCandidateAsync(profile, ProfileJson.Serialize(profile), now);

    /// <summary>A new candidate with its profile, given also as stored (<paramref name="profileJson"/>), and an upsert in the change log; returns its id.</summary>
    public async Task<long> InsertCandidateAsync(CandidateProfile profile, string profileJson, string now)
    {
        var id = await ScalarAsync(Bind(
            "INSERT INTO candidates (name, profile_json, created_at, updated_at) VALUES ($name, $profile, $now, $now) RETURNING id",
            ("$name", profile.Name),
            ("$profile", profileJson),
            ("$now", now)));
        await AppendUpsertAsync(id, profile, now);
        return id;
    }

    public Task InsertMergeAsync(long candidateId, string sourceId, string reason, string now) =>
        Bind(
            "INSERT INTO merges (candidate_id, source_id, reason, merged_at) VALUES ($candidate, $source, $reason, $now)",
            ("$candidate", candidateId),
            ("$source", sourceId),
            ("$reason", reason),
            ("$now", now)).ExecuteNonQueryAsync();

    /// <summary>A source's latest version; <paramref name="partialReason"/> is set for an accepted document stored as partial.</summary>
    public Task UpsertSourceAsync(IncomingDocument document, string status, string? reason, string? profileJson, string? partialReason, long? candidateId, string receivedAt) =>
        Bind(
            """
            INSERT INTO sources (source_id, candidate_id, version, content_hash, content_type, content, uri, status, rejection_reason, profile_json, partial_reason, received_at)
            VALUES ($source, $candidate, $version, $hash, $type, $content, $uri, $status, $reason, $profile, $partial, $received)
            ON CONFLICT (source_id) DO UPDATE SET
                candidate_id = excluded.candidate_id, version = excluded.version, content_hash = excluded.content_hash,
                content_type = excluded.content_type, content = excluded.content, uri = excluded.uri, status = excluded.status,
                rejection_reason = excluded.rejection_reason, profile_json = excluded.profile_json, partial_reason = excluded.partial_reason,
                received_at = excluded.received_at
            """,
            ("$source", document.SourceId),
            ("$candidate", candidateId),
            ("$version", document.Version),
            ("$hash", document.ContentHash),
            ("$type", document.ContentType),
            ("$content", document.Content),
            ("$uri", document.Uri),
            ("$status", status),
            ("$reason", reason),
            ("$profile", profileJson),
            ("$partial", partialReason),
            ("$received", receivedAt)).ExecuteNonQueryAsync();

    /// <summary>A candidate's merged profile, and an upsert in the change log.</summary>
    public async Task WriteCandidateAsync(long candidateId, CandidateProfile profile, string now)
    {
        await Bind(
            "UPDATE candidates SET name = $name, profile_json = $profile, updated_at = $now WHERE id = $candidate",
            ("$candidate", candidateId),
            ("$name", profile.Name),
            ("$profile", ProfileJson.Serialize(profile)),
            ("$now", now)).ExecuteNonQueryAsync();
        await AppendUpsertAsync(candidateId, profile, now);
    }

    private async Task AppendUpsertAsync(long candidateId, CandidateProfile profile, string now)
    {
        var sequence = await ScalarAsync(Bind(
            "INSERT INTO changes (candidate_id, kind, changed_at) VALUES ($candidate, 'upsert', $now) RETURNING sequence",
            ("$candidate", candidateId),
            ("$now", now)));
        Written.Add(new WrittenProfiles.Written(candidateId, sequence, profile, CandidateStore.ParseTime(now)));
    }

    private static async Task<long> ScalarAsync(SqliteCommand command) =>
        (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("INSERT … RETURNING gave no value."));

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }
    }

    /// <summary>The prepared command for <paramref name="sql"/> (prepared on first use), with these parameter values.</summary>
    private SqliteCommand Bind(string sql, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, _) in values)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            commands.Add(sql, command);
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
        }

        return command;
    }
}
