using System.Globalization;
using System.Text.Json;
using Dapper;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>A candidate's vector keys: their own words' text key and (title, text key) per publication.</summary>
public sealed record CandidateVectorKeys(long CandidateId, string? ProfileKey, IReadOnlyList<(string Title, string Key)> Publications);

/// <summary>
/// The embedding backlog and the stored sentence vectors (migration 0009). Workers share the backlog through
/// leases: <see cref="ClaimAsync"/> hands each worker different candidates, and rows of a worker that stopped
/// are claimed again when their lease runs out.
/// </summary>
public sealed class EmbeddingStore(TalentDatabase database, TimeProvider time)
{
    /// <summary>Adds candidates to the backlog (again: a candidate already waiting keeps its place and loses its lease).</summary>
    public async Task EnqueueAsync(IReadOnlyCollection<long> candidateIds, CancellationToken cancellationToken)
    {
        if (candidateIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        await connection.ExecuteAsync(
            """
            INSERT INTO embedding_backlog (candidate_id, enqueued_at) SELECT value, @now FROM json_each(@ids) WHERE true
            ON CONFLICT (candidate_id) DO UPDATE SET claimed_until = NULL
            """,
            new { ids = JsonSerializer.Serialize(candidateIds), now = Now() },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Enqueues every candidate that has no vectors and is not waiting already (after a crash, or on first start).</summary>
    public async Task<int> EnqueueMissingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        var added = await connection.ExecuteAsync(
            """
            INSERT INTO embedding_backlog (candidate_id, enqueued_at)
            SELECT c.id, @now FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM candidate_vectors v WHERE v.candidate_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM embedding_backlog b WHERE b.candidate_id = c.id)
            """,
            new { now = Now() },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Claims up to <paramref name="limit"/> waiting candidates for <paramref name="lease"/>, oldest first.</summary>
    public async Task<IReadOnlyList<long>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        var now = time.GetUtcNow();
        var ids = (await connection.QueryAsync<long>(
            """
            UPDATE embedding_backlog SET claimed_until = @until
            WHERE candidate_id IN (
                SELECT candidate_id FROM embedding_backlog
                WHERE claimed_until IS NULL OR claimed_until < @now
                ORDER BY enqueued_at, candidate_id LIMIT @limit)
            RETURNING candidate_id
            """,
            new { until = Format(now + lease), now = Format(now), limit },
            transaction)).ToList();
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>
    /// Extends the lease of claimed candidates still on the backlog by <paramref name="lease"/> from now: a batch that
    /// takes long to embed (candidates with many papers) stays its worker's instead of being claimed again meanwhile.
    /// </summary>
    public async Task RenewAsync(IReadOnlyCollection<long> candidateIds, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        await connection.ExecuteAsync(
            "UPDATE embedding_backlog SET claimed_until = @until WHERE candidate_id IN (SELECT value FROM json_each(@ids)) AND claimed_until IS NOT NULL",
            new { ids = JsonSerializer.Serialize(candidateIds), until = Format(time.GetUtcNow() + lease) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gives claimed candidates back to the backlog before their lease ends (work stopped before their batch was stored).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> candidateIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        await connection.ExecuteAsync(
            "UPDATE embedding_backlog SET claimed_until = NULL WHERE candidate_id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(candidateIds) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The merged profiles of the candidates, those still present (read in one snapshot, see <see cref="CandidateProfiles"/>).</summary>
    public async Task<IReadOnlyList<(long Id, CandidateProfile Profile)>> ProfilesAsync(IReadOnlyCollection<long> candidateIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var read = connection.BeginTransaction(deferred: true);
        var rows = (await connection.QueryAsync<(long Id, string ProfileJson)>(
            "SELECT id, profile_json FROM candidates WHERE id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(candidateIds) }, read)).ToList();
        var sources = await CandidateProfiles.SourcesOfAsync(connection, rows.Where(r => CandidateProfiles.IsDerived(r.ProfileJson)).Select(r => r.Id).ToList(), read);
        return rows.Select(r => (r.Id, CandidateProfiles.Read(r.Id, r.ProfileJson, sources))).ToList();
    }

    /// <summary>The keys among <paramref name="keys"/> that have a vector already.</summary>
    public async Task<HashSet<string>> KnownKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var known = await connection.QueryAsync<string>(
            "SELECT text_key FROM text_vectors WHERE text_key IN (SELECT value FROM json_each(@keys))",
            new { keys = JsonSerializer.Serialize(keys) });
        return known.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Writes new text vectors and the candidates' keys, and takes the candidates off the backlog, in one transaction.</summary>
    public async Task SaveAsync(string model, IReadOnlyDictionary<string, byte[]> vectors, IReadOnlyList<CandidateVectorKeys> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(candidates);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        foreach (var (key, vector) in vectors)
        {
            await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO text_vectors (text_key, model, vector) VALUES (@key, @model, @vector)",
                new { key, model, vector },
                transaction);
        }

        var now = Now();
        foreach (var candidate in candidates)
        {
            var keys = JsonSerializer.Serialize(candidate.Publications.Select(p => new[] { p.Title, p.Key }));
            await connection.ExecuteAsync(
                """
                INSERT INTO candidate_vectors (candidate_id, model, profile_key, publication_keys, embedded_at)
                VALUES (@id, @model, @profileKey, @keys, @now)
                ON CONFLICT (candidate_id) DO UPDATE SET model = excluded.model, profile_key = excluded.profile_key,
                    publication_keys = excluded.publication_keys, embedded_at = excluded.embedded_at
                """,
                new { id = candidate.CandidateId, model, profileKey = candidate.ProfileKey, keys, now },
                transaction);
        }

        // A candidate stored again while embedding was enqueued again (lease cleared): it stays for the next batch.
        await connection.ExecuteAsync(
            "DELETE FROM embedding_backlog WHERE candidate_id IN (SELECT value FROM json_each(@ids)) AND claimed_until IS NOT NULL",
            new { ids = JsonSerializer.Serialize(candidates.Select(c => c.CandidateId)) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Takes candidates that no longer exist off the backlog.</summary>
    public async Task ForgetAsync(IReadOnlyCollection<long> candidateIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "DELETE FROM embedding_backlog WHERE candidate_id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(candidateIds) });
    }

    /// <summary>A candidate's vectors: their own words' vector and their publications' by title; null when not computed yet.</summary>
    public StoredVectors? Find(long candidateId) =>
        FindMany([candidateId]).TryGetValue(candidateId, out var found) ? found : null;

    /// <summary>
    /// When the candidates' vectors were last written (those that have vectors), one small indexed read: a reader that
    /// keeps vectors between requests asks it to know which it kept are still the stored ones.
    /// </summary>
    public IReadOnlyDictionary<long, string> EmbeddedAt(IReadOnlyCollection<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        if (candidateIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        using var connection = database.Open();
        return connection.Query<(long CandidateId, string EmbeddedAt)>(
            "SELECT candidate_id, embedded_at FROM candidate_vectors WHERE candidate_id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(candidateIds) })
            .ToDictionary(r => r.CandidateId, r => r.EmbeddedAt);
    }

    /// <summary>
    /// The vectors of several candidates in two statements (their keys, then every vector those keys name), as
    /// <see cref="Find"/> gives them one by one; candidates whose vectors are not computed yet are absent. A match
    /// re-ranks a couple of hundred candidates, and a read per candidate added a fifth to its time.
    /// </summary>
    public IReadOnlyDictionary<long, StoredVectors> FindMany(IReadOnlyCollection<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var found = new Dictionary<long, StoredVectors>();
        if (candidateIds.Count == 0)
        {
            return found;
        }

        using var connection = database.Open();
        using var read = connection.BeginTransaction(deferred: true);
        var rows = connection.Query<(long CandidateId, string? ProfileKey, string Keys, string EmbeddedAt)>(
            "SELECT candidate_id, profile_key, publication_keys, embedded_at FROM candidate_vectors WHERE candidate_id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(candidateIds) },
            read)
            .Select(r => (r.CandidateId, r.ProfileKey, Pairs: JsonSerializer.Deserialize<string[][]>(r.Keys) ?? [], r.EmbeddedAt))
            .ToList();
        var wanted = rows.SelectMany(r => r.Pairs.Where(p => p.Length == 2).Select(p => p[1]).Append(r.ProfileKey ?? "")).Distinct(StringComparer.Ordinal).ToList();
        var vectors = connection.Query<(string Key, byte[] Vector)>(
            "SELECT text_key, vector FROM text_vectors WHERE text_key IN (SELECT value FROM json_each(@keys))",
            new { keys = JsonSerializer.Serialize(wanted) },
            read).ToDictionary(v => v.Key, v => v.Vector, StringComparer.Ordinal);
        foreach (var (candidateId, profileKey, pairs, embeddedAt) in rows)
        {
            float[]? profile = profileKey is { } key && vectors.TryGetValue(key, out var bytes) ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray() : null;
            var publications = pairs.Where(p => p.Length == 2 && vectors.ContainsKey(p[1])).Select(p => (p[0], vectors[p[1]])).ToList();
            found[candidateId] = new StoredVectors(profile, publications, embeddedAt);
        }

        return found;
    }

    /// <summary>Whether any candidate has vectors (one indexed row read).</summary>
    public bool AnyStored()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM candidate_vectors)") == 1;
    }

    /// <summary>Candidates waiting, and candidates with vectors.</summary>
    public async Task<(long Waiting, long Embedded)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var waiting = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM embedding_backlog");
        var embedded = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidate_vectors");
        return (waiting, embedded);
    }

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}

/// <summary>
/// A candidate's stored vectors: their own words' vector, their publications' vectors by title (as bytes), and when
/// they were written (a new embedding of the candidate writes a new time).
/// </summary>
public sealed record StoredVectors(float[]? Profile, IReadOnlyList<(string Title, byte[] Vector)> Publications, string EmbeddedAt);
