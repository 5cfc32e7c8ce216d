using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;
using Talent.Profiles.Identity;

namespace Talent.Storage;

/// <summary>
/// People's corrections of identity: a merge or a split is stored as decisions about pairs of sources (never about
/// candidate ids, which re-grouping may change), so it outranks the rules and holds across new versions,
/// re-ingestion, reindex and restarts; each one is audited with who decided.
/// </summary>
public sealed partial class CandidateStore
{
    /// <summary>
    /// Decides that two candidates are one person; returns the id the joined candidate keeps, and a warning for each pair
    /// of their sources whose keys say otherwise (different ORCIDs, different e-mails at one domain): the decision stands,
    /// but the person who made it should know.
    /// </summary>
    public async Task<IdentityCorrection> MergeCandidatesAsync(long first, long second, IdentityActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var warnings = new List<string>();
        var correction = await DecideAsync(actor, async (connection, transaction) =>
        {
            var one = await AcceptedSourcesOfAsync(connection, transaction, first);
            var other = await AcceptedSourcesOfAsync(connection, transaction, second);
            if (first == second || one.Count == 0 || other.Count == 0)
            {
                return (first == second ? "give two different candidates" : $"no candidate with id {(one.Count == 0 ? first : second)}", [], []);
            }

            warnings.AddRange(await KeyConflictsAsync(connection, transaction, one, other));
            var pairs = one.SelectMany(a => other.Select(b => (a, b, true))).ToList();
            return (null, pairs, [first, second]);
        }, "merge", cancellationToken);
        return correction.Succeeded ? correction with { Warnings = warnings } : correction;
    }

    /// <summary>"source A and source B: different ORCIDs" for every pair across the two sides whose keys conflict.</summary>
    private static async Task<List<string>> KeyConflictsAsync(SqliteConnection connection, SqliteTransaction transaction, List<string> one, List<string> other)
    {
        var identities = (await AcceptedIdentitiesAsync(connection, transaction, one.Concat(other))).ToDictionary(i => i.SourceId, StringComparer.Ordinal);
        return [.. one.SelectMany(a => other.Select(b => (A: a, B: b)))
            .Where(p => identities.ContainsKey(p.A) && identities.ContainsKey(p.B))
            .Select(p => IdentityEvidence.StrongKeyConflict(identities[p.A], identities[p.B]) is { } conflict ? $"sources {p.A} and {p.B}: {conflict}; merged as decided" : null)
            .OfType<string>()];
    }

    /// <summary>Decides that <paramref name="sourceIds"/> are one person and the candidate's other sources another.</summary>
    public Task<IdentityCorrection> SplitCandidateAsync(long candidateId, IReadOnlyCollection<string> sourceIds, IdentityActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        ArgumentNullException.ThrowIfNull(actor);
        return DecideAsync(actor, async (connection, transaction) =>
        {
            var all = await AcceptedSourcesOfAsync(connection, transaction, candidateId);
            var apart = sourceIds.Distinct(StringComparer.Ordinal).ToList();
            if (all.Count == 0)
            {
                return ($"no candidate with id {candidateId}", [], []);
            }

            if (apart.Any(string.IsNullOrWhiteSpace))
            {
                return ("a source id must not be empty", [], []);
            }

            if (apart.FirstOrDefault(s => !all.Contains(s, StringComparer.Ordinal)) is { } stranger)
            {
                return ($"source {stranger} is not a source of candidate {candidateId}", [], []);
            }

            var rest = all.Except(apart, StringComparer.Ordinal).ToList();
            if (apart.Count == 0 || rest.Count == 0)
            {
                return ("a split needs some of the candidate's sources, not none or all", [], []);
            }

            // Apart from the rest; each side kept together, so a side held only through the other does not fall apart.
            var pairs = apart.SelectMany(a => rest.Select(r => (a, r, false)))
                .Concat(Together(apart)).Concat(Together(rest)).ToList();
            return (null, pairs, [candidateId]);
        }, "split", cancellationToken);
    }

    /// <summary>Every link among a candidate's sources with its reason, every decision about them, and flagged sources.</summary>
    public async Task<CandidateIdentity?> GetIdentityAsync(long candidateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sources = (await connection.QueryAsync<string>(
            "SELECT source_id FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' ORDER BY source_id", new { candidateId })).ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        var ids = JsonSerializer.Serialize(sources);
        var links = await connection.QueryAsync<(string SourceA, string SourceB, long Strength, string Reason)>(
            """
            SELECT source_a, source_b, strength, reason FROM identity_links
            WHERE source_a IN (SELECT value FROM json_each(@ids)) OR source_b IN (SELECT value FROM json_each(@ids))
            ORDER BY source_a, source_b
            """,
            new { ids });
        var decisions = await connection.QueryAsync<(string SourceA, string SourceB, bool Together, string DecidedBy, string DecidedAt)>(
            """
            SELECT source_a, source_b, together, decided_by, decided_at FROM identity_decisions
            WHERE source_a IN (SELECT value FROM json_each(@ids)) OR source_b IN (SELECT value FROM json_each(@ids))
            ORDER BY id
            """,
            new { ids });
        var flagged = await connection.QueryAsync<(string SourceId, string Reason)>(
            "SELECT source_id, reason FROM identity_flags WHERE source_id IN (SELECT value FROM json_each(@ids)) ORDER BY source_id", new { ids });
        var inside = sources.ToHashSet(StringComparer.Ordinal);
        // A later decision about the same two sources replaces an earlier one (the rules read the latest only).
        var latest = decisions.Select((d, i) => (Pair: Pair(d.SourceA, d.SourceB), Index: i)).GroupBy(d => d.Pair).Select(g => g.Max(d => d.Index)).ToHashSet();
        return new CandidateIdentity(
            candidateId,
            sources,
            links.Select(l => new CandidateLink(l.SourceA, l.SourceB, l.Reason, ((LinkStrength)l.Strength).ToString().ToLowerInvariant(), inside.Contains(l.SourceA) && inside.Contains(l.SourceB), null, null))
                .Concat(decisions.Select((d, i) => new CandidateLink(
                    d.SourceA, d.SourceB, d.Together ? "a person decided: same person" : "a person decided: not the same person", "manual",
                    inside.Contains(d.SourceA) && inside.Contains(d.SourceB), d.DecidedBy, ParseTime(d.DecidedAt))
                { Superseded = !latest.Contains(i) }))
                .ToList(),
            flagged.Select(f => new FlaggedSource(f.SourceId, f.Reason)).ToList());
    }

    /// <summary>Sources flagged for review (a page whose keys point at several people links to none), most recent first.</summary>
    public async Task<IReadOnlyList<FlaggedForReview>> ListFlaggedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string SourceId, long CandidateId, string Reason)>(
            """
            SELECT f.source_id, s.candidate_id, f.reason
            FROM identity_flags f JOIN sources s ON s.source_id = f.source_id
            ORDER BY s.rowid DESC LIMIT @limit
            """,
            new { limit });
        return rows.Select(r => new FlaggedForReview(r.SourceId, r.CandidateId, r.Reason)).ToList();
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static IEnumerable<(string, string, bool)> Together(List<string> side) =>
        side.SelectMany((a, i) => side.Skip(i + 1).Select(b => (a, b, true)));

    /// <summary>
    /// Records a decision taken on another node (a read replica fed the same documents), unless this node holds it
    /// already; returns the candidates its sources now have here, or null when it was held already.
    /// </summary>
    public async Task<IdentityCorrection?> RecordDecisionAsync(PersonDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenWriterAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var held = await connection.ExecuteScalarAsync<long?>(
                "SELECT 1 FROM identity_decisions WHERE decision_id = @id LIMIT 1", new { id = decision.Id.ToString() }, transaction);
            if (held is not null)
            {
                return null;
            }

            var actor = new IdentityActor(decision.DecidedBy, null, "another node");
            var result = await WriteDecisionAsync(connection, transaction, decision, actor, []);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writeTurn.Release();
        }
    }

    private async Task<IdentityCorrection> DecideAsync(
        IdentityActor actor,
        Func<SqliteConnection, SqliteTransaction, Task<(string? Error, List<(string A, string B, bool Together)> Pairs, long[] Candidates)>> decide,
        string action,
        CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenWriterAsync(cancellationToken);
            await using var transaction = TalentDatabase.BeginWrite(connection);
            var (error, pairs, candidates) = await decide(connection, transaction);
            if (error is not null)
            {
                return new IdentityCorrection(error, []);
            }

            var decision = new PersonDecision(
                Guid.NewGuid(), action, [.. pairs.Select(p => new DecidedPair(p.A, p.B, p.Together))], actor.Name, time.GetUtcNow());
            var result = await WriteDecisionAsync(connection, transaction, decision, actor, candidates);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writeTurn.Release();
        }
    }

    /// <summary>Stores the decision's pairs, re-groups their sources and audits it; <paramref name="candidates"/> are the ids it was asked about.</summary>
    private async Task<IdentityCorrection> WriteDecisionAsync(
        SqliteConnection connection, SqliteTransaction transaction, PersonDecision decision, IdentityActor actor, long[] candidates)
    {
        var now = Now();
        var decidedAt = Format(decision.DecidedAt);
        var id = decision.Id.ToString();
        await connection.ExecuteAsync(
            "INSERT INTO identity_decisions (source_a, source_b, together, decided_by, decided_at, decision_id) VALUES (@SourceA, @SourceB, @Together, @DecidedBy, @decidedAt, @id)",
            decision.Pairs.Select(p => new { p.SourceA, p.SourceB, p.Together, decision.DecidedBy, decidedAt, id }), transaction);
        using var statements = new DocumentStatements(connection, transaction);
        var seeds = decision.Pairs.SelectMany(p => new[] { p.SourceA, p.SourceB }).Distinct(StringComparer.Ordinal).ToList();
        // A split's pairs keep apart the sources split off (first) from those that stay (second): the id stays with the latter.
        var staying = decision.Action == "split" ? decision.Pairs.Where(p => !p.Together).Select(p => p.SourceB).ToHashSet(StringComparer.Ordinal) : null;
        var placed = await RegroupAsync(connection, transaction, statements, seeds, null, now, staying);
        var result = seeds.Select(s => placed.CandidateOf.GetValueOrDefault(s)).Where(c => c > 0).Distinct().Order().ToList();
        var asked = candidates.Length > 0 ? $"of candidate(s) {string.Join(", ", candidates)} " : "taken on another node ";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"identity {decision.Action} {asked}by {decision.DecidedBy}: now candidate(s) {string.Join(", ", result)}");
        var auditId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO audit (at, key_id, client, action, detail) VALUES (@at, @KeyId, @Client, @action, @detail) RETURNING id",
            new { at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), actor.KeyId, actor.Client, action = "identity " + decision.Action, detail },
            transaction);
        await connection.ExecuteAsync(
            "INSERT OR IGNORE INTO audit_candidates (audit_id, candidate_id) VALUES (@auditId, @candidateId)",
            result.Concat(candidates).Distinct().Select(candidateId => new { auditId, candidateId }), transaction);
        return new IdentityCorrection(null, result) { Decision = decision };
    }

    private static async Task<List<string>> AcceptedSourcesOfAsync(SqliteConnection connection, SqliteTransaction transaction, long candidateId) =>
        (await connection.QueryAsync<string>(
            "SELECT source_id FROM sources WHERE candidate_id = @candidateId AND status = 'accepted' ORDER BY source_id", new { candidateId }, transaction)).ToList();
}

/// <summary>Who made an identity decision: a name for the record, and the API key and client address when over HTTP.</summary>
public sealed record IdentityActor(string Name, long? KeyId = null, string? Client = null);

/// <summary>The outcome of a merge or split: an error a person can act on, or the candidate ids the sources now have.</summary>
public sealed record IdentityCorrection(string? Error, IReadOnlyList<long> CandidateIds)
{
    public bool Succeeded => Error is null;

    /// <summary>What the rules would have said against a merge that was made anyway (different ORCIDs, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The decision as stored, for other nodes (read replicas) to record; null when refused.</summary>
    [JsonIgnore]
    public PersonDecision? Decision { get; init; }
}

/// <summary>A merge or split as stored: pairs of sources, who decided and when, under an id of its own.</summary>
public sealed record PersonDecision(Guid Id, string Action, IReadOnlyList<DecidedPair> Pairs, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>Two sources and whether a person decided they are the same person.</summary>
public sealed record DecidedPair(string SourceA, string SourceB, bool Together);

/// <summary>Why a candidate's sources are together: every link (rules and people's decisions) and every flagged source.</summary>
public sealed record CandidateIdentity(long CandidateId, IReadOnlyList<string> SourceIds, IReadOnlyList<CandidateLink> Links, IReadOnlyList<FlaggedSource> Flagged);

/// <summary>
/// A link between two sources: its reason, its strength (<c>weak</c>, <c>publications</c>, <c>strong</c>, <c>manual</c>),
/// whether both sources are in this candidate, and who decided it and when (null for a rule's link).
/// </summary>
public sealed record CandidateLink(string SourceA, string SourceB, string Reason, string Strength, bool Inside, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    /// <summary>A person's decision that a later decision about the same two sources replaced (kept for the record).</summary>
    public bool Superseded { get; init; }
}

/// <summary>A source linked to nobody, for review, with the reason.</summary>
public sealed record FlaggedSource(string SourceId, string Reason);

/// <summary>A source flagged for review, the candidate it stands alone in, and why.</summary>
public sealed record FlaggedForReview(string SourceId, long CandidateId, string Reason);
