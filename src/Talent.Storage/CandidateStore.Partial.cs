using Dapper;

namespace Talent.Storage;

/// <summary>
/// Documents stored as partial: readable text that states none of the profile facts (no name, contact, education,
/// experience, publications or skills) is kept with its opening text instead of being rejected, so it is searchable,
/// and listed here so an operator can see which documents were not really read.
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>Every document whose latest version was stored as partial, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PartialDocument>> ListPartialAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PartialRow>(
            new CommandDefinition(
                """
                SELECT source_id, version, content_type, partial_reason, received_at, candidate_id
                FROM sources WHERE partial_reason IS NOT NULL ORDER BY received_at DESC, source_id LIMIT @limit
                """,
                new { limit },
                cancellationToken: cancellationToken));
        return rows.Select(r => new PartialDocument(r.SourceId, r.Version, r.ContentType, r.PartialReason, ParseTime(r.ReceivedAt), r.CandidateId)).ToList();
    }

    /// <summary>How many documents are stored as partial now.</summary>
    public async Task<int> CountPartialAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition("SELECT COUNT(*) FROM sources WHERE partial_reason IS NOT NULL", cancellationToken: cancellationToken));
    }

    private sealed class PartialRow
    {
        public string SourceId { get; init; } = "";

        public long Version { get; init; }

        public string ContentType { get; init; } = "";

        public string PartialReason { get; init; } = "";

        public string ReceivedAt { get; init; } = "";

        public long? CandidateId { get; init; }
    }
}

/// <summary>A document stored as partial: why, and the candidate it belongs to (found by the text it was stored with).</summary>
public sealed record PartialDocument(string SourceId, long Version, string ContentType, string Reason, DateTimeOffset ReceivedAt, long? CandidateId);
