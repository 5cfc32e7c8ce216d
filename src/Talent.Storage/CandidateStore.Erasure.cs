using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles;

namespace Talent.Storage;

/// <summary>
/// Erasure. A person's data is everything stored under their candidate (accepted sources with raw content, identity
/// keys, merges, their ids in audited results) and, found by what their sources say about them:
/// <list type="bullet">
/// <item>rejected documents that share an e-mail address, phone number or homepage with one of their sources (a CV
/// rejected as unreadable still holds their contact details), or that once were a source of theirs (a later version
/// of one of their documents was rejected: the merge log still names it);</item>
/// <item>the text of audited requests (a search's query string, a match's description) that holds their e-mail,
/// phone or homepage, or every word of their name: the text is replaced, the record that the access happened stays;</item>
/// <item>sources flagged for review (a page whose e-mails or addresses point at several people, linked to nobody) that
/// hold one of their contact details, deleted like rejected documents;</item>
/// <item>their shortlist entries, and shortlist notes (on anyone's entry) that name them the same way, replaced.</item>
/// </list>
/// A name alone never makes a rejected document theirs (as it never merges two sources). Erasure runs with
/// <c>secure_delete</c> (erased rows are zeroed, not just unlinked), truncates the write-ahead log after it, and
/// stores a report of what it removed, by place and count, without personal data.
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>What replaces an audited text that named an erased person.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>Erases one source document; its candidate is re-derived from what remains (or removed when nothing does).</summary>
    public async Task<bool> RemoveSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        (await EraseSourceAsync(sourceId, cancellationToken)).Found;

    /// <summary>Erases a candidate and every source about them, raw documents included.</summary>
    public async Task<bool> RemoveCandidateAsync(long candidateId, CancellationToken cancellationToken) =>
        (await EraseCandidateAsync(candidateId, cancellationToken)).Found;

    /// <summary>
    /// Erases one source document (in any state) with the rejected documents and audited texts that share its
    /// contact details; when it was its candidate's last accepted source, the person goes with it.
    /// </summary>
    public Task<ErasureReport> EraseSourceAsync(string sourceId, CancellationToken cancellationToken) =>
        EraseAsync("source", async (connection, transaction, now) =>
        {
            var found = await connection.QuerySingleOrDefaultAsync<ErasedSourceRow>(
                "SELECT candidate_id, status, profile_json FROM sources WHERE source_id = @sourceId", new { sourceId }, transaction);
            if (found is null)
            {
                return null;
            }

            var traces = PersonTraces.Of(found.ProfileJson is null ? [] : [ProfileJson.Deserialize<ExtractedProfile>(found.ProfileJson)]);
            var flagged = new List<string>();
            var counts = new ErasureCounts
            {
                Traces = traces,
                FlaggedSources = await DeleteFlaggedSharingAsync(connection, transaction, traces, sourceId, flagged, now),
                IdentityKeys = await connection.ExecuteAsync(
                    "DELETE FROM identity_keys WHERE candidate_id = @CandidateId AND source_id = @sourceId", new { found.CandidateId, sourceId }, transaction),
                Merges = await connection.ExecuteAsync("DELETE FROM merges WHERE source_id = @sourceId", new { sourceId }, transaction),
            };
            await connection.ExecuteAsync("DELETE FROM sources WHERE source_id = @sourceId", new { sourceId }, transaction);
            var linked = await ForgetIdentityAsync(connection, transaction, [sourceId]);
            counts.Count(found.Status);
            counts.SourceIds.Add(sourceId);
            counts.SourceIds.AddRange(flagged);
            counts.RejectedSources += await DeleteRejectedSharingAsync(connection, transaction, traces, counts.SourceIds);
            if (found.CandidateId is { } id)
            {
                var listed = await ShortlistStore.CountEntriesAsync(connection, transaction, id);
                using var statements = new DocumentStatements(connection, transaction);
                var moved = await RegroupAfterRemovalAsync(connection, transaction, statements, linked, id, now);
                if (!await CandidateExistsAsync(connection, transaction, id))
                {
                    // The person's last source is gone: so is the person, from the audit and shortlists too.
                    counts.Add(await ErasePersonTracesAsync(connection, transaction, id, traces));
                    // Deleted with the candidate row, unless the re-grouping handed them to the candidate that took the
                    // person's other sources: those entries are still there, under that candidate.
                    counts.ShortlistEntries += (int)listed - moved.GetValueOrDefault(id);
                    counts.CandidateRemoved = true;
                    return (id, counts);
                }
            }

            // The person (if any) stays: only texts holding this document's contact details go.
            counts.AuditTexts += await AccessStore.ScrubAuditTextsAsync(connection, transaction, traces.SharesContact, ErasedText);
            counts.ShortlistNotes += await ShortlistStore.ScrubNotesAsync(connection, transaction, traces.SharesContact, ErasedText);
            return (found.CandidateId, counts);
        }, cancellationToken);

    /// <summary>Erases a candidate, every source about them and every trace of them (see the type's summary).</summary>
    public Task<ErasureReport> EraseCandidateAsync(long candidateId, CancellationToken cancellationToken) =>
        EraseAsync("candidate", async (connection, transaction, now) =>
        {
            if (!await CandidateExistsAsync(connection, transaction, candidateId))
            {
                return null;
            }

            var profiles = await connection.QueryAsync<string>(
                "SELECT profile_json FROM sources WHERE candidate_id = @candidateId AND profile_json IS NOT NULL", new { candidateId }, transaction);
            var traces = PersonTraces.Of(profiles.Select(ProfileJson.Deserialize<ExtractedProfile>));
            var counts = new ErasureCounts { Traces = traces };
            counts.FlaggedSources = await DeleteFlaggedSharingAsync(connection, transaction, traces, null, counts.SourceIds, now);
            counts.RejectedSources = await DeleteRejectedSharingAsync(connection, transaction, traces, counts.SourceIds);
            var sourceIds = (await connection.QueryAsync<string>(
                "SELECT source_id FROM sources WHERE candidate_id = @candidateId", new { candidateId }, transaction)).ToList();
            var linked = await ForgetIdentityAsync(connection, transaction, sourceIds);
            counts.Add(await ErasePersonTracesAsync(connection, transaction, candidateId, traces));
            await DeleteCandidateAsync(connection, transaction, candidateId, now);
            using (var statements = new DocumentStatements(connection, transaction))
            {
                await RegroupAfterRemovalAsync(connection, transaction, statements, linked, null, now);
            }

            counts.CandidateRemoved = true;
            return (candidateId, counts);
        }, cancellationToken);

    /// <summary>Whether a source document of this id is stored (in any state): after an erasure, the person's are not.</summary>
    public async Task<bool> HoldsSourceAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sources WHERE source_id = @sourceId", new { sourceId }) > 0;
    }

    /// <summary>Records where the worker looked in the message broker for these erasures and what it removed there.</summary>
    public async Task RecordBrokerErasureAsync(
        IReadOnlyCollection<long> erasureIds, string broker, int examined, int removed, string? failure, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE erasures SET broker = @broker, broker_examined = @examined, broker_removed = @removed, broker_failure = @failure WHERE id IN @erasureIds",
            new { broker, examined, removed, failure, erasureIds });
    }

    /// <summary>The erasures recorded for a candidate id, oldest first.</summary>
    public async Task<IReadOnlyList<ErasureReport>> ErasureReportsAsync(long candidateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ErasureRow>(
            "SELECT * FROM erasures WHERE candidate_id = @candidateId ORDER BY id", new { candidateId });
        return rows.Select(r => r.ToReport()).ToList();
    }

    private async Task<ErasureReport> EraseAsync(
        string scope, Func<SqliteConnection, SqliteTransaction, string, Task<(long? CandidateId, ErasureCounts Counts)?>> erase, CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var erasedAt = time.GetUtcNow();
            long id;
            ErasureReport report;
            ErasedPerson erased;
            await using (var transaction = TalentDatabase.BeginWrite(connection))
            {
                if (await erase(connection, transaction, Format(erasedAt)) is not { } done)
                {
                    return ErasureReport.NotFound(scope);
                }

                report = done.Counts.ToReport(0, scope, done.CandidateId, erasedAt);
                erased = done.Counts.Erased();
                id = await connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO erasures (erased_at, scope, candidate_id, accepted_sources, rejected_sources, identity_keys, merges, audit_results, audit_texts, candidate_removed, shortlist_entries, shortlist_notes, flagged_sources)
                    VALUES (@ErasedAt, @Scope, @CandidateId, @AcceptedSources, @RejectedSources, @IdentityKeys, @Merges, @AuditResults, @AuditTexts, @CandidateRemoved, @ShortlistEntries, @ShortlistNotes, @FlaggedSources);
                    SELECT last_insert_rowid();
                    """,
                    new ErasureRow
                    {
                        ErasedAt = Format(erasedAt),
                        Scope = scope,
                        CandidateId = report.CandidateId,
                        AcceptedSources = report.AcceptedSources,
                        RejectedSources = report.RejectedSources,
                        IdentityKeys = report.IdentityKeys,
                        Merges = report.Merges,
                        AuditResults = report.AuditResults,
                        AuditTexts = report.AuditTexts,
                        CandidateRemoved = report.CandidateRemoved,
                        ShortlistEntries = report.ShortlistEntries,
                        ShortlistNotes = report.ShortlistNotes,
                        FlaggedSources = report.FlaggedSources,
                    },
                    transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO erasure_pending (erasure_id, person) VALUES (@id, @person)", new { id, person = erased.Serialize() }, transaction);
                await transaction.CommitAsync(cancellationToken);
            }

            // The erased rows are zeroed in the database pages; the log's older images of those pages go now.
            var truncated = await TalentDatabase.CheckpointAsync(connection, cancellationToken);
            await connection.ExecuteAsync("UPDATE erasures SET log_truncated = @truncated WHERE id = @id", new { truncated, id });
            return report with { Id = id, LogTruncated = truncated, Erased = erased };
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>
    /// The person behind <paramref name="candidateId"/> is gone: their remaining sources, the rejected documents that
    /// were once theirs, identity keys, merges, their ids in audited results and audited texts that name them.
    /// </summary>
    private static async Task<ErasureCounts> ErasePersonTracesAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId, PersonTraces traces)
    {
        var erased = await connection.QueryAsync<string>(
            """
            SELECT source_id FROM sources WHERE candidate_id = @candidateId
               OR (status = 'rejected' AND source_id IN (SELECT source_id FROM merges WHERE candidate_id = @candidateId))
            """,
            new { candidateId }, transaction);
        var lineage = await connection.ExecuteAsync(
            "DELETE FROM sources WHERE status = 'rejected' AND source_id IN (SELECT source_id FROM merges WHERE candidate_id = @candidateId)",
            new { candidateId }, transaction);
        var counts = new ErasureCounts
        {
            RejectedSources = lineage,
            AcceptedSources = await connection.ExecuteAsync("DELETE FROM sources WHERE candidate_id = @candidateId", new { candidateId }, transaction),
            IdentityKeys = await connection.ExecuteAsync("DELETE FROM identity_keys WHERE candidate_id = @candidateId", new { candidateId }, transaction),
            Merges = await connection.ExecuteAsync("DELETE FROM merges WHERE candidate_id = @candidateId", new { candidateId }, transaction),
            AuditResults = await AccessStore.EraseFromAuditAsync(connection, transaction, candidateId),
            AuditTexts = await AccessStore.ScrubAuditTextsAsync(connection, transaction, traces.Mentions, ErasedText),
            ShortlistEntries = await ShortlistStore.EraseEntriesAsync(connection, transaction, candidateId),
            ShortlistNotes = await ShortlistStore.ScrubNotesAsync(connection, transaction, traces.Mentions, ErasedText),
        };
        counts.SourceIds.AddRange(erased);
        return counts;
    }

    /// <summary>Counts of one erasure, gathered as it goes.</summary>
    private sealed class ErasureCounts
    {
        public int AcceptedSources { get; set; }

        public int RejectedSources { get; set; }

        public int IdentityKeys { get; set; }

        public int Merges { get; set; }

        public int AuditResults { get; set; }

        public int AuditTexts { get; set; }

        public int ShortlistEntries { get; set; }

        public int ShortlistNotes { get; set; }

        public bool CandidateRemoved { get; set; }

        public int FlaggedSources { get; set; }

        /// <summary>The ids of the source documents deleted, to find the person's messages outside SQLite.</summary>
        public List<string> SourceIds { get; } = [];

        public PersonTraces? Traces { get; set; }

        public ErasedPerson Erased() => new(Traces ?? new PersonTraces(), SourceIds);

        public void Count(string status)
        {
            if (string.Equals(status, "accepted", StringComparison.Ordinal))
            {
                AcceptedSources++;
            }
            else
            {
                RejectedSources++;
            }
        }

        public void Add(ErasureCounts other)
        {
            AcceptedSources += other.AcceptedSources;
            RejectedSources += other.RejectedSources;
            IdentityKeys += other.IdentityKeys;
            Merges += other.Merges;
            AuditResults += other.AuditResults;
            AuditTexts += other.AuditTexts;
            ShortlistEntries += other.ShortlistEntries;
            ShortlistNotes += other.ShortlistNotes;
            FlaggedSources += other.FlaggedSources;
            SourceIds.AddRange(other.SourceIds);
        }

        public ErasureReport ToReport(long id, string scope, long? candidateId, DateTimeOffset erasedAt) =>
            new(id, scope, candidateId, erasedAt, true, AcceptedSources, RejectedSources, IdentityKeys, Merges, AuditResults, AuditTexts, CandidateRemoved, null, null)
            {
                ShortlistEntries = ShortlistEntries,
                ShortlistNotes = ShortlistNotes,
                FlaggedSources = FlaggedSources,
            };
    }

    private sealed class ErasedSourceRow
    {
        public long? CandidateId { get; init; }

        public string Status { get; init; } = "";

        public string? ProfileJson { get; init; }
    }

    private sealed class ErasureRow
    {
        public long Id { get; init; }

        public string ErasedAt { get; init; } = "";

        public string Scope { get; init; } = "";

        public long? CandidateId { get; init; }

        public int AcceptedSources { get; init; }

        public int RejectedSources { get; init; }

        public int IdentityKeys { get; init; }

        public int Merges { get; init; }

        public int AuditResults { get; init; }

        public int AuditTexts { get; init; }

        public bool CandidateRemoved { get; init; }

        public bool? LogTruncated { get; init; }

        public int? IndexPurged { get; init; }

        public string? Broker { get; init; }

        public int? BrokerExamined { get; init; }

        public int? BrokerRemoved { get; init; }

        public string? BrokerFailure { get; init; }

        public int ShortlistEntries { get; init; }

        public int ShortlistNotes { get; init; }

        public int FlaggedSources { get; init; }

        public ErasureReport ToReport() =>
            new(Id, Scope, CandidateId, ParseTime(ErasedAt), true, AcceptedSources, RejectedSources, IdentityKeys, Merges, AuditResults, AuditTexts, CandidateRemoved, LogTruncated, IndexPurged, Broker, BrokerExamined, BrokerRemoved, BrokerFailure)
            {
                ShortlistEntries = ShortlistEntries,
                ShortlistNotes = ShortlistNotes,
                FlaggedSources = FlaggedSources,
            };
    }
}
