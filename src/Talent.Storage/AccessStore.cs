using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talent.Storage;

/// <summary>API keys (stored hashed) and the audit trail of searches and candidate views.</summary>
public sealed class AccessStore(TalentDatabase database, TimeProvider time)
{
    /// <summary>The roles a key can have.</summary>
    public static readonly IReadOnlyList<string> Roles = ["recruiter", "admin"];

    private const string KeyPrefix = "tk_";

    /// <summary>Creates a key with <paramref name="role"/>; the clear key is returned once and never stored.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateKeyAsync(string role, string? name, CancellationToken cancellationToken)
    {
        if (!Roles.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"unknown role '{role}' (recruiter or admin)", nameof(role));
        }

        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var prefix = secret[..(KeyPrefix.Length + 6)];
        var createdAt = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO api_keys (key_hash, prefix, role, name, created_at) VALUES (@hash, @prefix, @role, @name, @createdAt);
            SELECT last_insert_rowid();
            """,
            new { hash = Hash(secret), prefix, role, name, createdAt });
        return (new ApiKey(id, prefix, role, name, createdAt, null), secret);
    }

    /// <summary>Every key, newest first, without secrets.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKey>("SELECT id, prefix, role, name, created_at, revoked_at FROM api_keys ORDER BY id DESC");
        return rows.ToList();
    }

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeKeyAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", new { id, now = Now() }) > 0;
    }

    /// <summary>The live (not revoked) key with this secret, if any.</summary>
    public async Task<ApiKey?> FindLiveKeyAsync(string secret, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKey>(
            "SELECT id, prefix, role, name, created_at, revoked_at FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(secret) });
    }

    /// <summary>Appends audit entries in one transaction.</summary>
    public async Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        foreach (var entry in entries)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO audit (at, key_id, client, action, detail) VALUES (@At, @KeyId, @Client, @Action, @Detail);
                SELECT last_insert_rowid();
                """,
                new { At = entry.At.ToString("O", CultureInfo.InvariantCulture), entry.KeyId, entry.Client, entry.Action, entry.Detail },
                transaction);
            foreach (var candidateId in entry.CandidateIds.Distinct())
            {
                await connection.ExecuteAsync(
                    "INSERT INTO audit_candidates (audit_id, candidate_id) VALUES (@id, @candidateId)", new { id, candidateId }, transaction);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest audit entries first, with the candidates each returned or opened.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AuditRow>(
            """
            SELECT a.id, a.at, a.key_id, k.prefix AS key_prefix, k.role AS key_role, a.client, a.action, a.detail,
                   CAST((SELECT group_concat(candidate_id) FROM audit_candidates c WHERE c.audit_id = a.id) AS TEXT) AS candidate_ids
            FROM audit a LEFT JOIN api_keys k ON k.id = a.key_id
            ORDER BY a.id DESC LIMIT @limit
            """,
            new { limit })).ToList();
        return rows
            .Select(r => new AuditRecord(
                r.Id, r.At, r.KeyId, r.KeyPrefix, r.KeyRole, r.Client, r.Action, r.Detail,
                string.IsNullOrEmpty(r.CandidateIds) ? [] : r.CandidateIds.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Order().ToList()))
            .ToList();
    }

    /// <summary>Erasure: the candidate leaves every stored audit result; that the accesses happened stays.</summary>
    internal static Task<int> EraseFromAuditAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId) =>
        connection.ExecuteAsync("DELETE FROM audit_candidates WHERE candidate_id = @candidateId", new { candidateId }, transaction);

    /// <summary>
    /// Erasure: replaces the text of every audited request that <paramref name="names"/> says names the person (a
    /// search's query string is read URL-decoded too) with <paramref name="replacement"/>; the rows stay. Returns how many.
    /// </summary>
    internal static async Task<int> ScrubAuditTextsAsync(SqliteConnection connection, SqliteTransaction transaction, Func<string, bool> names, string replacement)
    {
        var scrubbed = new List<long>();
        using (var reader = await connection.ExecuteReaderAsync(
            "SELECT id, detail FROM audit WHERE detail IS NOT NULL AND detail <> @replacement", new { replacement }, transaction))
        {
            while (await reader.ReadAsync())
            {
                var detail = reader.GetString(1);
                if (names(detail) || names(UrlDecoded(detail)))
                {
                    scrubbed.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var chunk in scrubbed.Chunk(500))
        {
            await connection.ExecuteAsync("UPDATE audit SET detail = @replacement WHERE id IN @chunk", new { replacement, chunk }, transaction);
        }

        return scrubbed.Count;
    }

    /// <summary>A query string as typed: <c>+</c> is a space, percent escapes decoded (malformed ones kept as they are).</summary>
    private static string UrlDecoded(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    // Settable properties, not a constructor: SQLite reports a column that is NULL in the first row as a blob.
    private sealed class AuditRow
    {
        public long Id { get; init; }

        public string At { get; init; } = "";

        public long? KeyId { get; init; }

        public string? KeyPrefix { get; init; }

        public string? KeyRole { get; init; }

        public string? Client { get; init; }

        public string Action { get; init; } = "";

        public string? Detail { get; init; }

        public string? CandidateIds { get; init; }
    }
}

/// <summary>An API key as listed: never its secret.</summary>
public sealed record ApiKey(long Id, string Prefix, string Role, string? Name, string CreatedAt, string? RevokedAt);

/// <summary>One audited access: who (key, client address), what (action and its detail), and the candidates it showed.</summary>
public sealed record AuditEntry(DateTimeOffset At, long? KeyId, string? Client, string Action, string? Detail, IReadOnlyList<long> CandidateIds);

/// <summary>A stored audit entry.</summary>
public sealed record AuditRecord(long Id, string At, long? KeyId, string? KeyPrefix, string? KeyRole, string? Client, string Action, string? Detail, IReadOnlyList<long> CandidateIds);
