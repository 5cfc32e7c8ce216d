using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// Sources, candidates and the change log in SQLite. Every write that changes a candidate re-derives
/// its merged profile from its sources and appends to the change log in the same transaction.
/// </summary>
public sealed partial class CandidateStore(TalentDatabase database, TimeProvider time)
{
    // Writers in this process take turns here instead of in SQLite's busy handler, which sleeps in
    // growing steps (up to 100 ms) and turns concurrent consumers into a crawl.
    private readonly SemaphoreSlim writeTurn = new(1, 1);

    /// <summary>Profiles the batch writer committed, for the index to take instead of reading them back (<see cref="ChangesSinceAsync"/>).</summary>
    private readonly WrittenProfiles written = new(WrittenProfilesHeld);

    /// <summary>At most this many written profiles are held for the index (a few seconds of ingestion); beyond, it reads them from SQLite.</summary>
    private const int WrittenProfilesHeld = 4096;

    /// <summary>Profiles written and not yet taken by the change-log read.</summary>
    internal int HeldProfiles => written.Count;

    /// <summary>Compares a new document with what is stored for its source id.</summary>
    public async Task<SourceState> CheckSourceAsync(string sourceId, long version, string contentHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<SourceVersionRow>(
            "SELECT version, content_hash FROM sources WHERE source_id = @sourceId", new { sourceId });
        return Compare(stored, version, contentHash);
    }

    /// <summary>Stores an accepted document: resolves who it belongs to, joins candidates it bridges, re-derives them.</summary>
    public async Task<StoreOutcome> StoreAcceptedAsync(IncomingDocument document, ExtractedProfile profile, CancellationToken cancellationToken) =>
        Single(await StoreBatchAsync([new DocumentWrite(document, profile, null)], cancellationToken));

    /// <summary>Records a rejected document with its reason. A source that was accepted before no longer contributes to its candidate.</summary>
    public async Task<StoreOutcome> StoreRejectedAsync(IncomingDocument document, string reason, CancellationToken cancellationToken) =>
        Single(await StoreBatchAsync([new DocumentWrite(document, null, reason)], cancellationToken));

    /// <summary>
    /// Stores documents in order in one transaction, each as <see cref="StoreAcceptedAsync"/> or
    /// <see cref="StoreRejectedAsync"/> would alone: a document sees the ones before it in the batch, so two
    /// documents of one person merge and a duplicate or older version later in the batch is unchanged or
    /// stale. A document whose write fails is rolled back to its savepoint and gets the failure as its
    /// result; the rest of the batch is committed.
    /// </summary>
    public async Task<IReadOnlyList<DocumentWriteResult>> StoreBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new DocumentWriteResult[writes.Count];
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenWriterAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            using var statements = new DocumentStatements(connection, transaction);
            var now = Now();
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var writtenBefore = statements.Written.Count;
                await statements.SaveAsync();
                try
                {
                    var outcome = write.Profile is { } profile
                        ? await AcceptAsync(connection, transaction, statements, write.PreparedFor(profile), now)
                        : await RejectAsync(connection, transaction, statements, write.Document, write.RejectionReason ?? "rejected", now);
                    await statements.ReleaseAsync();
                    results[i] = new DocumentWriteResult(outcome, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // This document's failure is its own result: undo its writes and keep the rest of the batch.
                    await statements.RollbackAsync();
                    await statements.ReleaseAsync();
                    statements.Written.RemoveRange(writtenBefore, statements.Written.Count - writtenBefore);
                    results[i] = new DocumentWriteResult(null, e);
                }
            }

            await RemoveStoredFromInboxAsync(connection, transaction, writes, results);

            // Handed over before the commit, so an index reading right after it finds them; taken back if it fails.
            written.Add(statements.Written);
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                written.Remove(statements.Written);
                throw;
            }

            return results;
        }
        finally
        {
            writeTurn.Release();
        }
    }

    private static StoreOutcome Single(IReadOnlyList<DocumentWriteResult> results)
    {
        if (results[0].Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return results[0].Outcome!; // a result without a failure has an outcome
    }

    private static async Task<StoreOutcome> AcceptAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, PreparedProfile prepared, string now)
    {
        var document = prepared.Document;
        var previous = await PreviousAsync(statements, document.SourceId);
        var state = Compare(previous, document.Version, document.ContentHash);
        if (state is SourceState.Stale or SourceState.Unchanged)
        {
            return new StoreOutcome(state == SourceState.Stale ? StoreOutcome.Stale : StoreOutcome.Unchanged, previous?.CandidateId, null);
        }

        // The source's own earlier version is not evidence about itself: it is detached before the new one is placed.
        return await PlaceAcceptedAsync(connection, transaction, statements, prepared, previous?.CandidateId, previous is not null, now);
    }

    private static async Task<StoreOutcome> RejectAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, IncomingDocument document, string reason, string now)
    {
        var previous = await PreviousAsync(statements, document.SourceId);
        var state = Compare(previous, document.Version, document.ContentHash);
        if (state == SourceState.Stale)
        {
            return new StoreOutcome(StoreOutcome.Stale, previous?.CandidateId, null);
        }

        await statements.UpsertSourceAsync(document, "rejected", reason, null, null, null, Format(document.ReceivedAt));
        if (previous is not null)
        {
            await RemoveFromIdentityAsync(connection, transaction, statements, document.SourceId, previous.CandidateId, now);
        }

        return new StoreOutcome(StoreOutcome.Rejected, null, reason);
    }

    /// <summary>The newest change sequence (0 when nothing changed yet).</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>("SELECT MAX(sequence) FROM changes") ?? 0;
    }

    /// <summary>Source documents stored, accepted and rejected.</summary>
    public async Task<int> CountSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sources");
    }

    /// <summary>Source documents received, those whose latest version was rejected, and those stored as partial, in one read.</summary>
    public async Task<SourceCounts> CountSourcesByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<SourceCounts>(new CommandDefinition(
            """
            SELECT COUNT(*) AS Received, COALESCE(SUM(status = 'rejected'), 0) AS Rejected, COALESCE(SUM(partial_reason IS NOT NULL), 0) AS Partial
            FROM sources
            """,
            cancellationToken: cancellationToken));
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
        // One snapshot: a candidate without a profile of its own is merged from the sources read with it.
        await using var read = connection.BeginTransaction(deferred: true);
        var candidate = await connection.QuerySingleOrDefaultAsync<CandidateRow>(
            "SELECT id, profile_json, created_at, updated_at FROM candidates WHERE id = @candidateId", new { candidateId }, read);
        if (candidate is null)
        {
            return null;
        }

        var sources = await connection.QueryAsync<SourceRow>(
            """
            SELECT source_id, version, content_type, uri, received_at, profile_json
            FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' ORDER BY received_at, source_id
            """,
            new { candidateId }, read);
        var merges = await connection.QueryAsync<MergeRow>(
            "SELECT source_id, reason, merged_at FROM merges WHERE candidate_id = @candidateId ORDER BY id", new { candidateId }, read);
        var stored = sources.Select(s => new CandidateSource(s.SourceId, s.Version, s.ContentType, s.Uri, ParseTime(s.ReceivedAt), ProfileJson.Deserialize<ExtractedProfile>(s.ProfileJson ?? "{}"))).ToList();
        return new CandidateDetails(
            candidate.Id,
            ParseTime(candidate.CreatedAt),
            ParseTime(candidate.UpdatedAt),
            // A candidate without a profile of its own is the merge of the sources just read (see CandidateProfiles).
            CandidateProfiles.IsDerived(candidate.ProfileJson)
                ? ProfileMerger.Merge(stored.Select(s => new SourceProfile(s.SourceId, s.Profile, s.ReceivedAt)).ToList())
                : ProfileJson.Deserialize<CandidateProfile>(candidate.ProfileJson),
            stored,
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

    private static async Task<SourceVersionRow?> PreviousAsync(DocumentStatements statements, string sourceId) =>
        await statements.SourceAsync(sourceId) is { } row
            ? new SourceVersionRow { Version = row.Version, ContentHash = row.ContentHash, CandidateId = row.CandidateId }
            : null;

    /// <summary>Rebuilds a candidate's merged profile from its accepted sources; removes the candidate when none remain.</summary>
    private static async Task RederiveAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentStatements statements, long candidateId, string now)
    {
        var sources = (await CandidateProfiles.SourcesOfAsync(connection, [candidateId], transaction)).GetValueOrDefault(candidateId);
        if (sources is null)
        {
            await DeleteCandidateAsync(connection, transaction, candidateId, now);
            return;
        }

        await statements.WriteCandidateAsync(candidateId, CandidateProfiles.Merge(sources), now);
    }

    private static async Task<bool> CandidateExistsAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidates WHERE id = @candidateId", new { candidateId }, transaction) > 0;

    private static Task DeleteCandidateAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId, string now) =>
        connection.ExecuteAsync(
            """
            DELETE FROM candidates WHERE id = @candidateId;
            INSERT INTO changes (candidate_id, kind, changed_at) VALUES (@candidateId, 'delete', @now);
            """,
            new { candidateId, now }, transaction);

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class SourceVersionRow
    {
        public long Version { get; init; }

        public string ContentHash { get; init; } = "";

        public long? CandidateId { get; init; }
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
