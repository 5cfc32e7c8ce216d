using System.Text.Json;
using Dapper;

namespace Talent.Storage;

/// <summary>What the index reads: the change log with the profiles it wrote, and every candidate for a rebuild.</summary>
public sealed partial class CandidateStore
{
    /// <summary>
    /// Changes after <paramref name="sequence"/>, oldest first, at most <paramref name="limit"/>. An upsert carries the
    /// profile its change wrote when the batch writer of this process still holds it, else the candidate's current
    /// profile from SQLite (as new or newer: a later change of the candidate follows in the log); a change whose
    /// candidate is gone is a delete.
    /// </summary>
    public async Task<IReadOnlyList<CandidateChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken)
    {
        if (written.Count > WrittenProfilesHeld / 2)
        {
            written.Forget(sequence); // the caller has applied everything up to here
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ChangeRow>(
            """
            SELECT ch.sequence, ch.candidate_id, ch.kind, ch.changed_at, c.id IS NOT NULL AS present
            FROM changes ch LEFT JOIN candidates c ON c.id = ch.candidate_id
            WHERE ch.sequence > @sequence
            ORDER BY ch.sequence
            LIMIT @limit
            """,
            new { sequence, limit })).ToList();

        var changes = new CandidateChange[rows.Count];
        var unread = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.Present || string.Equals(row.Kind, "delete", StringComparison.Ordinal))
            {
                written.TryTake(row.CandidateId, row.Sequence, out _); // an erased person's profile is not kept in memory either
                changes[i] = new CandidateChange(row.Sequence, row.CandidateId, "delete", null, ParseTime(row.ChangedAt));
            }
            else if (written.TryTake(row.CandidateId, row.Sequence, out var profile))
            {
                changes[i] = new CandidateChange(row.Sequence, row.CandidateId, row.Kind, profile.Profile, profile.UpdatedAt);
            }
            else
            {
                unread.Add(i);
            }
        }

        if (unread.Count > 0)
        {
            var ids = unread.Select(i => rows[i].CandidateId).Distinct().ToList();
            // One snapshot for the candidates and the sources a candidate without a profile of its own is merged from.
            await using var read = connection.BeginTransaction(deferred: true);
            var current = (await connection.QueryAsync<CandidateRow>(
                    "SELECT id, profile_json, updated_at FROM candidates WHERE id IN (SELECT value FROM json_each(@ids))",
                    new { ids = JsonSerializer.Serialize(ids) }, read))
                .ToDictionary(c => c.Id);
            var sources = await CandidateProfiles.SourcesOfAsync(
                connection, current.Values.Where(c => CandidateProfiles.IsDerived(c.ProfileJson)).Select(c => c.Id).ToList(), read);
            foreach (var i in unread)
            {
                var row = rows[i];
                changes[i] = current.TryGetValue(row.CandidateId, out var candidate)
                    ? new CandidateChange(row.Sequence, row.CandidateId, row.Kind, CandidateProfiles.Read(candidate.Id, candidate.ProfileJson, sources), ParseTime(candidate.UpdatedAt))
                    : new CandidateChange(row.Sequence, row.CandidateId, "delete", null, ParseTime(row.ChangedAt)); // erased since the first read
            }
        }

        return changes;
    }

    /// <summary>
    /// Every candidate with its merged profile, streamed in id order from one read snapshot without buffering, so a
    /// rebuild runs in constant memory whatever the number of candidates. Synchronous: a rebuild reads on a thread of its
    /// own, so that its long read holds no thread of the pool that serves requests. With <paramref name="vectorKeys"/>, each
    /// row also says which sentence vectors are stored for the candidate.
    /// </summary>
    public IEnumerable<StoredCandidateRow> StreamCandidates(CancellationToken cancellationToken, bool vectorKeys = false)
    {
        using var connection = database.Open();
        // A candidate without a profile of its own comes with its accepted sources, one row each (see CandidateProfiles).
        var rows = connection.Query<StreamedRow>(
            $"""
            SELECT c.id AS Id, c.profile_json AS ProfileJson, c.updated_at AS UpdatedAt,
                   s.source_id AS SourceId, s.profile_json AS SourceJson, s.received_at AS ReceivedAt
                   {(vectorKeys ? ", v.profile_key AS ProfileKey, v.publication_keys AS PublicationKeys" : "")}
            FROM candidates c LEFT JOIN sources s ON c.profile_json = '' AND s.candidate_id = c.id AND s.status = 'accepted'
            {(vectorKeys ? "LEFT JOIN candidate_vectors v ON v.candidate_id = c.id" : "")}
            ORDER BY c.id
            """,
            buffered: false);
        StoredCandidateRow? pending = null;
        List<StoredSource> sources = [];
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pending is not null && pending.Id != row.Id)
            {
                yield return pending with { Sources = sources };
                sources = [];
            }

            pending = new StoredCandidateRow(row.Id, row.ProfileJson, ParseTime(row.UpdatedAt))
            {
                Vectors = row.PublicationKeys is null ? null : new StoredVectorKeys(row.ProfileKey, row.PublicationKeys),
            };
            if (row.SourceId is not null)
            {
                sources.Add(new StoredSource(row.Id, row.SourceId, row.SourceJson, row.ReceivedAt ?? ""));
            }
        }

        if (pending is not null)
        {
            yield return pending with { Sources = sources };
        }
    }

    private sealed class ChangeRow
    {
        public long Sequence { get; init; }

        public long CandidateId { get; init; }

        public string Kind { get; init; } = "";

        public string ChangedAt { get; init; } = "";

        public bool Present { get; init; }
    }

    private sealed class StreamedRow
    {
        public long Id { get; init; }

        public string ProfileJson { get; init; } = "";

        public string UpdatedAt { get; init; } = "";

        public string? SourceId { get; init; }

        public string? SourceJson { get; init; }

        public string? ReceivedAt { get; init; }

        public string? ProfileKey { get; init; }

        public string? PublicationKeys { get; init; }
    }
}
