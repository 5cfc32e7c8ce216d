using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Identity;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// Sources, candidates and the change log in SQLite. Every write that changes a candidate re-derives
/// its merged profile from its sources and appends to the change log in the same transaction.
/// </summary>
public sealed class CandidateStore(TalentDatabase database, TimeProvider time)
{
    // Writers in this process take turns here instead of in SQLite's busy handler, which sleeps in
    // growing steps (up to 100 ms) and turns concurrent consumers into a crawl.
    private readonly SemaphoreSlim writeTurn = new(1, 1);

    /// <summary>Compares a new document with what is stored for its source id.</summary>
    public async Task<SourceState> CheckSourceAsync(string sourceId, long version, string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<SourceVersionRow>(
            "SELECT version, content_hash FROM sources WHERE source_id = @sourceId", new { sourceId });
        return Compare(stored, version, contentHash);
    }

    /// <summary>Stores an accepted document: resolves who it belongs to, joins candidates it bridges, re-derives them.</summary>
    public async Task<StoreOutcome> StoreAcceptedAsync(IncomingDocument document, ExtractedProfile profile, CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var previous = await connection.QuerySingleOrDefaultAsync<SourceVersionRow>(
                "SELECT version, content_hash, candidate_id FROM sources WHERE source_id = @SourceId", new { document.SourceId }, transaction);
            var state = Compare(previous, document.Version, document.ContentHash);
            if (state is SourceState.Stale or SourceState.Unchanged)
            {
                return new StoreOutcome(state == SourceState.Stale ? StoreOutcome.Stale : StoreOutcome.Unchanged, previous?.CandidateId, null);
            }

            // The source's own earlier version is not evidence about itself: detach it before resolving.
            await connection.ExecuteAsync("DELETE FROM identity_keys WHERE source_id = @SourceId", new { document.SourceId }, transaction);
            var keys = IdentityResolver.KeysOf(profile);
            var known = await LoadCandidatesSharingAsync(connection, transaction, keys, document.SourceId);
            var decision = IdentityResolver.Resolve(profile, known);
            var now = Now();

            long candidateId;
            var ownCandidate = previous?.CandidateId is { } previousCandidate
                && await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM sources WHERE candidate_id = @previousCandidate AND source_id <> @SourceId AND status = 'accepted'",
                    new { previousCandidate, document.SourceId }, transaction) == 0
                ? previousCandidate
                : (long?)null;
            if (decision.IsNewCandidate && ownCandidate is { } kept)
            {
                // A new version of a candidate's only source keeps the candidate's id.
                candidateId = kept;
            }
            else if (decision.IsNewCandidate)
            {
                candidateId = await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO candidates (name, profile_json, created_at, updated_at) VALUES (NULL, '{}', @now, @now) RETURNING id",
                    new { now }, transaction);
                await RecordMergeAsync(connection, transaction, candidateId, document.SourceId, "new candidate", now);
            }
            else
            {
                candidateId = decision.Matches.Min(m => m.CandidateId);
                foreach (var match in decision.Matches)
                {
                    await RecordMergeAsync(connection, transaction, candidateId, document.SourceId, match.Reason, now);
                }

                foreach (var other in decision.Matches.Select(m => m.CandidateId).Distinct().Where(id => id != candidateId))
                {
                    await JoinCandidateAsync(connection, transaction, other, candidateId, now);
                }
            }

            await UpsertSourceAsync(connection, transaction, document, "accepted", null, ProfileJson.Serialize(profile), candidateId);
            foreach (var key in keys)
            {
                await connection.ExecuteAsync(
                    "INSERT OR IGNORE INTO identity_keys (source_id, candidate_id, kind, value) VALUES (@SourceId, @candidateId, @Kind, @Value)",
                    new { document.SourceId, candidateId, key.Kind, key.Value }, transaction);
            }

            await RederiveAsync(connection, transaction, candidateId, now);
            if (previous?.CandidateId is { } oldCandidate && oldCandidate != candidateId)
            {
                await RederiveAsync(connection, transaction, oldCandidate, now);
            }

            await transaction.CommitAsync(cancellationToken);
            return new StoreOutcome(decision.IsNewCandidate ? StoreOutcome.Accepted : StoreOutcome.Merged, candidateId, decision.IsNewCandidate ? null : string.Join("; ", decision.Matches.Select(m => m.Reason)));
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>Records a rejected document with its reason. A source that was accepted before no longer contributes to its candidate.</summary>
    public async Task<StoreOutcome> StoreRejectedAsync(IncomingDocument document, string reason, CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var previous = await connection.QuerySingleOrDefaultAsync<SourceVersionRow>(
                "SELECT version, content_hash, candidate_id FROM sources WHERE source_id = @SourceId", new { document.SourceId }, transaction);
            var state = Compare(previous, document.Version, document.ContentHash);
            if (state == SourceState.Stale)
            {
                return new StoreOutcome(StoreOutcome.Stale, previous?.CandidateId, null);
            }

            await connection.ExecuteAsync("DELETE FROM identity_keys WHERE source_id = @SourceId", new { document.SourceId }, transaction);
            await UpsertSourceAsync(connection, transaction, document, "rejected", reason, null, null);
            if (previous?.CandidateId is { } oldCandidate)
            {
                await RederiveAsync(connection, transaction, oldCandidate, Now());
            }

            await transaction.CommitAsync(cancellationToken);
            return new StoreOutcome(StoreOutcome.Rejected, null, reason);
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>Erases one source document; its candidate is re-derived from what remains (or removed when nothing does).</summary>
    public async Task<bool> RemoveSourceAsync(string sourceId, CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var candidateId = await connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT candidate_id FROM sources WHERE source_id = @sourceId", new { sourceId }, transaction);
            var removed = await connection.ExecuteAsync("DELETE FROM sources WHERE source_id = @sourceId", new { sourceId }, transaction);
            await connection.ExecuteAsync(
                """
                DELETE FROM merges WHERE source_id = @sourceId;
                DELETE FROM identity_keys WHERE source_id = @sourceId;
                """,
                new { sourceId }, transaction);
            if (candidateId is { } id)
            {
                await RederiveAsync(connection, transaction, id, Now());
                if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidates WHERE id = @id", new { id }, transaction) == 0)
                {
                    // The person's last source is gone: so is the person, from the audit's stored results too.
                    await connection.ExecuteAsync(
                        """
                        DELETE FROM identity_keys WHERE candidate_id = @id;
                        DELETE FROM sources WHERE candidate_id = @id;
                        DELETE FROM merges WHERE candidate_id = @id;
                        """,
                        new { id }, transaction);
                    await AccessStore.EraseFromAuditAsync(connection, transaction, id);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            await TalentDatabase.CheckpointAsync(connection, cancellationToken);
            return removed > 0;
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>Erases a candidate and every source about them, raw documents included.</summary>
    public async Task<bool> RemoveCandidateAsync(long candidateId, CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var exists = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidates WHERE id = @candidateId", new { candidateId }, transaction) > 0;
            if (exists)
            {
                await connection.ExecuteAsync(
                    """
                    DELETE FROM identity_keys WHERE candidate_id = @candidateId;
                    DELETE FROM sources WHERE candidate_id = @candidateId;
                    DELETE FROM merges WHERE candidate_id = @candidateId;
                    """,
                    new { candidateId }, transaction);
                await AccessStore.EraseFromAuditAsync(connection, transaction, candidateId);
                await DeleteCandidateAsync(connection, transaction, candidateId, Now());
            }

            await transaction.CommitAsync(cancellationToken);
            await TalentDatabase.CheckpointAsync(connection, cancellationToken);
            return exists;
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>Changes after <paramref name="sequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CandidateChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ChangeRow>(
            """
            SELECT ch.sequence, ch.candidate_id, ch.kind, ch.changed_at, c.profile_json, c.updated_at
            FROM changes ch LEFT JOIN candidates c ON c.id = ch.candidate_id
            WHERE ch.sequence > @sequence
            ORDER BY ch.sequence
            LIMIT @limit
            """,
            new { sequence, limit });
        return rows.Select(r => r.ProfileJson is null || string.Equals(r.Kind, "delete", StringComparison.Ordinal)
                ? new CandidateChange(r.Sequence, r.CandidateId, "delete", null, ParseTime(r.ChangedAt))
                : new CandidateChange(r.Sequence, r.CandidateId, r.Kind, ProfileJson.Deserialize<CandidateProfile>(r.ProfileJson), ParseTime(r.UpdatedAt ?? r.ChangedAt)))
            .ToList();
    }

    /// <summary>
    /// Every candidate with its merged profile, streamed in id order from one read snapshot without
    /// buffering, so a rebuild runs in constant memory whatever the number of candidates.
    /// </summary>
    public async IAsyncEnumerable<StoredCandidateRow> StreamCandidatesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<CandidateRow>("SELECT id, profile_json, created_at, updated_at FROM candidates ORDER BY id");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new StoredCandidateRow(row.Id, row.ProfileJson, ParseTime(row.UpdatedAt));
        }
    }

    /// <summary>The newest change sequence (0 when nothing changed yet).</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>("SELECT MAX(sequence) FROM changes") ?? 0;
    }

    public async Task<int> CountCandidatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM candidates");
    }

    /// <summary>One candidate with every source and merge reason, or null.</summary>
    public async Task<CandidateDetails?> GetCandidateAsync(long candidateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var candidate = await connection.QuerySingleOrDefaultAsync<CandidateRow>(
            "SELECT id, profile_json, created_at, updated_at FROM candidates WHERE id = @candidateId", new { candidateId });
        if (candidate is null)
        {
            return null;
        }

        var sources = await connection.QueryAsync<SourceRow>(
            """
            SELECT source_id, version, content_type, uri, received_at, profile_json
            FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' ORDER BY received_at, source_id
            """,
            new { candidateId });
        var merges = await connection.QueryAsync<MergeRow>(
            "SELECT source_id, reason, merged_at FROM merges WHERE candidate_id = @candidateId ORDER BY id", new { candidateId });
        return new CandidateDetails(
            candidate.Id,
            ParseTime(candidate.CreatedAt),
            ParseTime(candidate.UpdatedAt),
            ProfileJson.Deserialize<CandidateProfile>(candidate.ProfileJson),
            sources.Select(s => new CandidateSource(s.SourceId, s.Version, s.ContentType, s.Uri, ParseTime(s.ReceivedAt), ProfileJson.Deserialize<ExtractedProfile>(s.ProfileJson ?? "{}"))).ToList(),
            merges.Select(m => new MergeRecord(m.SourceId, m.Reason, ParseTime(m.MergedAt))).ToList());
    }

    /// <summary>Every document whose latest version was rejected, newest first.</summary>
    public async Task<IReadOnlyList<RejectedDocument>> ListRejectedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RejectedRow>(
            """
            SELECT source_id, version, content_type, rejection_reason, received_at
            FROM sources WHERE status = 'rejected' ORDER BY received_at DESC, source_id LIMIT @limit
            """,
            new { limit });
        return rows.Select(r => new RejectedDocument(r.SourceId, r.Version, r.ContentType, r.RejectionReason ?? "", ParseTime(r.ReceivedAt))).ToList();
    }

    private static SourceState Compare(SourceVersionRow? stored, long version, string contentHash) => stored switch
    {
        null => SourceState.New,
        _ when version < stored.Version => SourceState.Stale,
        _ when string.Equals(stored.ContentHash, contentHash, StringComparison.Ordinal) => SourceState.Unchanged,
        _ => SourceState.Changed,
    };

    private static async Task<IReadOnlyList<KnownCandidate>> LoadCandidatesSharingAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<IdentityKey> keys, string sourceId)
    {
        var candidateIds = new SortedSet<long>();
        foreach (var key in keys)
        {
            var ids = await connection.QueryAsync<long>(
                "SELECT DISTINCT candidate_id FROM identity_keys WHERE kind = @Kind AND value = @Value AND source_id <> @sourceId",
                new { key.Kind, key.Value, sourceId }, transaction);
            candidateIds.UnionWith(ids);
        }

        var known = new List<KnownCandidate>();
        foreach (var candidateId in candidateIds)
        {
            var profiles = await connection.QueryAsync<string>(
                "SELECT profile_json FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' AND source_id <> @sourceId ORDER BY source_id",
                new { candidateId, sourceId }, transaction);
            known.Add(new KnownCandidate(candidateId, profiles.Select(ProfileJson.Deserialize<ExtractedProfile>).ToList()));
        }

        return known;
    }

    private static async Task JoinCandidateAsync(SqliteConnection connection, SqliteTransaction transaction, long from, long into, string now)
    {
        await connection.ExecuteAsync(
            """
            UPDATE sources SET candidate_id = @into WHERE candidate_id = @from;
            UPDATE identity_keys SET candidate_id = @into WHERE candidate_id = @from;
            UPDATE merges SET candidate_id = @into WHERE candidate_id = @from;
            """,
            new { from, into }, transaction);
        await DeleteCandidateAsync(connection, transaction, from, now);
    }

    private static async Task UpsertSourceAsync(
        SqliteConnection connection, SqliteTransaction transaction, IncomingDocument document, string status, string? reason, string? profileJson, long? candidateId) =>
        await connection.ExecuteAsync(
            """
            INSERT INTO sources (source_id, candidate_id, version, content_hash, content_type, content, uri, status, rejection_reason, profile_json, received_at)
            VALUES (@SourceId, @candidateId, @Version, @ContentHash, @ContentType, @Content, @Uri, @status, @reason, @profileJson, @receivedAt)
            ON CONFLICT (source_id) DO UPDATE SET
                candidate_id = excluded.candidate_id, version = excluded.version, content_hash = excluded.content_hash,
                content_type = excluded.content_type, content = excluded.content, uri = excluded.uri, status = excluded.status,
                rejection_reason = excluded.rejection_reason, profile_json = excluded.profile_json, received_at = excluded.received_at
            """,
            new
            {
                document.SourceId,
                candidateId,
                document.Version,
                document.ContentHash,
                document.ContentType,
                document.Content,
                document.Uri,
                status,
                reason,
                profileJson,
                receivedAt = Format(document.ReceivedAt),
            },
            transaction);

    private static Task RecordMergeAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId, string sourceId, string reason, string now) =>
        connection.ExecuteAsync(
            "INSERT INTO merges (candidate_id, source_id, reason, merged_at) VALUES (@candidateId, @sourceId, @reason, @now)",
            new { candidateId, sourceId, reason, now }, transaction);

    /// <summary>Rebuilds a candidate's merged profile and facts from its accepted sources; removes the candidate when none remain.</summary>
    private static async Task RederiveAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId, string now)
    {
        var rows = (await connection.QueryAsync<SourceRow>(
            "SELECT source_id, profile_json, received_at FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' ORDER BY received_at, source_id",
            new { candidateId }, transaction)).ToList();
        if (rows.Count == 0)
        {
            await DeleteCandidateAsync(connection, transaction, candidateId, now);
            return;
        }

        var merged = ProfileMerger.Merge(rows.Select(r => new SourceProfile(r.SourceId, ProfileJson.Deserialize<ExtractedProfile>(r.ProfileJson ?? "{}"), ParseTime(r.ReceivedAt))).ToList());
        await connection.ExecuteAsync(
            """
            UPDATE candidates SET name = @Name, profile_json = @profileJson, updated_at = @now WHERE id = @candidateId;
            DELETE FROM publications WHERE candidate_id = @candidateId;
            DELETE FROM skills WHERE candidate_id = @candidateId;
            DELETE FROM topics WHERE candidate_id = @candidateId;
            """,
            new { merged.Name, profileJson = ProfileJson.Serialize(merged), now, candidateId }, transaction);
        foreach (var publication in merged.Publications.Select(p => p.Publication))
        {
            await connection.ExecuteAsync(
                "INSERT INTO publications (candidate_id, title, venue, year, kind, first_author) VALUES (@candidateId, @Title, @Venue, @Year, @kind, @FirstAuthor)",
                new { candidateId, publication.Title, publication.Venue, publication.Year, kind = publication.Kind.ToString(), publication.FirstAuthor }, transaction);
        }

        foreach (var skill in merged.Skills)
        {
            await connection.ExecuteAsync("INSERT OR IGNORE INTO skills (candidate_id, skill) VALUES (@candidateId, @skill)", new { candidateId, skill }, transaction);
        }

        foreach (var topic in merged.Topics)
        {
            await connection.ExecuteAsync("INSERT OR IGNORE INTO topics (candidate_id, topic) VALUES (@candidateId, @topic)", new { candidateId, topic }, transaction);
        }

        await connection.ExecuteAsync(
            "INSERT INTO changes (candidate_id, kind, changed_at) VALUES (@candidateId, 'upsert', @now)", new { candidateId, now }, transaction);
    }

    private static Task DeleteCandidateAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId, string now) =>
        connection.ExecuteAsync(
            """
            DELETE FROM publications WHERE candidate_id = @candidateId;
            DELETE FROM skills WHERE candidate_id = @candidateId;
            DELETE FROM topics WHERE candidate_id = @candidateId;
            DELETE FROM candidates WHERE id = @candidateId;
            INSERT INTO changes (candidate_id, kind, changed_at) VALUES (@candidateId, 'delete', @now);
            """,
            new { candidateId, now }, transaction);

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class SourceVersionRow
    {
        public long Version { get; init; }

        public string ContentHash { get; init; } = "";

        public long? CandidateId { get; init; }
    }

    private sealed class ChangeRow
    {
        public long Sequence { get; init; }

        public long CandidateId { get; init; }

        public string Kind { get; init; } = "";

        public string ChangedAt { get; init; } = "";

        public string? ProfileJson { get; init; }

        public string? UpdatedAt { get; init; }
    }

    private sealed class CandidateRow
    {
        public long Id { get; init; }

        public string ProfileJson { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public string UpdatedAt { get; init; } = "";
    }

    private sealed class SourceRow
    {
        public string SourceId { get; init; } = "";

        public long Version { get; init; }

        public string ContentType { get; init; } = "";

        public string? Uri { get; init; }

        public string ReceivedAt { get; init; } = "";

        public string? ProfileJson { get; init; }
    }

    private sealed class MergeRow
    {
        public string SourceId { get; init; } = "";

        public string Reason { get; init; } = "";

        public string MergedAt { get; init; } = "";
    }

    private sealed class RejectedRow
    {
        public string SourceId { get; init; } = "";

        public long Version { get; init; }

        public string ContentType { get; init; } = "";

        public string? RejectionReason { get; init; }

        public string ReceivedAt { get; init; } = "";
    }
}
