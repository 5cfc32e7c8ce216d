using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talent.Storage;

/// <summary>
/// Shortlists: named lists of candidates with tags and a note per candidate, shared by everyone who may read candidates.
/// They live in SQLite only (never in the index). Every change is checked against <see cref="ShortlistRules"/> and
/// audited in its own transaction: who, from where, which list and which candidates (ids only: never a list name, tag or
/// note, which may say anything). A candidate's entries follow a merge to the surviving candidate and go with an
/// erasure (see <c>ShortlistStore.Identity.cs</c>).
/// </summary>
public sealed partial class ShortlistStore(TalentDatabase database, TimeProvider time)
{
    /// <summary>Every shortlist, by name.</summary>
    public async Task<IReadOnlyList<Shortlist>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ShortlistRow>(new CommandDefinition(ListSql + " ORDER BY s.name COLLATE NOCASE, s.id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToShortlist()).ToList();
    }

    /// <summary>One shortlist, or null.</summary>
    public async Task<Shortlist?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await FindAsync(connection, null, id))?.ToShortlist();
    }

    /// <summary>Creates a shortlist named <paramref name="name"/> owned by <paramref name="actor"/>.</summary>
    public Task<ShortlistResult<Shortlist>> CreateAsync(string? name, ShortlistActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (cleaned, error) = ShortlistRules.CheckName(name);
        if (cleaned is null)
        {
            return Task.FromResult(ShortlistResult<Shortlist>.Invalid("name", error!)); // no name: there is an error
        }

        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM shortlists", transaction: transaction) >= ShortlistRules.MaxShortlists)
            {
                return ShortlistResult<Shortlist>.Invalid("name", $"there are {ShortlistRules.MaxShortlists} shortlists already, the limit; delete one first");
            }

            if (await NameTakenAsync(connection, transaction, cleaned, null))
            {
                return ShortlistResult<Shortlist>.Invalid("name", $"a shortlist named '{cleaned}' exists already");
            }

            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO shortlists (name, owner, owner_key_id, created_at) VALUES (@cleaned, @Name, @KeyId, @now) RETURNING id",
                new { cleaned, actor.Name, actor.KeyId, now }, transaction);
            await AuditAsync(connection, transaction, actor, "shortlist create", Describe(id), [], now);
            return new ShortlistResult<Shortlist>(new Shortlist(id, cleaned, actor.Name, CandidateStore.ParseTime(now), 0));
        }, cancellationToken);
    }

    /// <summary>Gives a shortlist another name.</summary>
    public Task<ShortlistResult<Shortlist>> RenameAsync(long id, string? name, ShortlistActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (cleaned, error) = ShortlistRules.CheckName(name);
        if (cleaned is null)
        {
            return Task.FromResult(ShortlistResult<Shortlist>.Invalid("name", error!)); // no name: there is an error
        }

        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await FindAsync(connection, transaction, id) is not { } found)
            {
                return NoShortlist<Shortlist>(id);
            }

            if (await NameTakenAsync(connection, transaction, cleaned, id))
            {
                return ShortlistResult<Shortlist>.Invalid("name", $"a shortlist named '{cleaned}' exists already");
            }

            await connection.ExecuteAsync("UPDATE shortlists SET name = @cleaned WHERE id = @id", new { cleaned, id }, transaction);
            await AuditAsync(connection, transaction, actor, "shortlist rename", Describe(id), [], now);
            return new ShortlistResult<Shortlist>(found.ToShortlist() with { Name = cleaned });
        }, cancellationToken);
    }

    /// <summary>Deletes a shortlist and its entries.</summary>
    public Task<ShortlistResult<Shortlist>> DeleteAsync(long id, ShortlistActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await FindAsync(connection, transaction, id) is not { } found)
            {
                return NoShortlist<Shortlist>(id);
            }

            var candidates = (await connection.QueryAsync<long>(
                "SELECT candidate_id FROM shortlist_entries WHERE shortlist_id = @id", new { id }, transaction)).ToList();
            await connection.ExecuteAsync("DELETE FROM shortlists WHERE id = @id", new { id }, transaction); // entries cascade
            await AuditAsync(connection, transaction, actor, "shortlist delete", Describe(id), candidates, now);
            return new ShortlistResult<Shortlist>(found.ToShortlist());
        }, cancellationToken);
    }

    /// <summary>
    /// Puts a candidate on a shortlist with these tags and note, or changes the tags and note of one already on it (the
    /// entry keeps who added it and when).
    /// </summary>
    public Task<ShortlistResult<ShortlistEntry>> PutEntryAsync(
        long id, long candidateId, IEnumerable<string?>? tags, string? note, ShortlistActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (cleanTags, tagError) = ShortlistRules.CheckTags(tags);
        var (cleanNote, noteError) = ShortlistRules.CheckNote(note);
        if (cleanTags is null)
        {
            return Task.FromResult(ShortlistResult<ShortlistEntry>.Invalid("tags", tagError!)); // no tags: there is an error
        }

        if (noteError is not null)
        {
            return Task.FromResult(ShortlistResult<ShortlistEntry>.Invalid("note", noteError));
        }

        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await FindAsync(connection, transaction, id) is not { } list)
            {
                return NoShortlist<ShortlistEntry>(id);
            }

            var names = (await connection.QueryAsync<string?>("SELECT name FROM candidates WHERE id = @candidateId", new { candidateId }, transaction)).ToList();
            if (names.Count == 0)
            {
                return ShortlistResult<ShortlistEntry>.Missing("candidateId", $"no candidate with id {candidateId}");
            }

            var existing = await connection.QuerySingleOrDefaultAsync<EntryRow>(
                EntrySql + " WHERE e.shortlist_id = @id AND e.candidate_id = @candidateId", new { id, candidateId }, transaction);
            if (existing is null && list.Entries >= ShortlistRules.MaxEntries)
            {
                return ShortlistResult<ShortlistEntry>.Invalid("candidateId", $"the shortlist holds {ShortlistRules.MaxEntries} candidates, the limit; remove one first");
            }

            var tagsJson = JsonSerializer.Serialize(cleanTags);
            await connection.ExecuteAsync(
                """
                INSERT INTO shortlist_entries (shortlist_id, candidate_id, tags, note, added_by, added_at) VALUES (@id, @candidateId, @tagsJson, @cleanNote, @Name, @now)
                ON CONFLICT (shortlist_id, candidate_id) DO UPDATE SET tags = excluded.tags, note = excluded.note
                """,
                new { id, candidateId, tagsJson, cleanNote, actor.Name, now }, transaction);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{Describe(id)}: {cleanTags.Count} tag(s){(cleanNote is null ? "" : ", a note")}");
            await AuditAsync(connection, transaction, actor, existing is null ? "shortlist add" : "shortlist change", detail, [candidateId], now);
            return new ShortlistResult<ShortlistEntry>(new ShortlistEntry(
                candidateId, names[0], cleanTags, cleanNote, existing?.AddedBy ?? actor.Name, CandidateStore.ParseTime(existing?.AddedAt ?? now)));
        }, cancellationToken);
    }

    /// <summary>Takes a candidate off a shortlist.</summary>
    public Task<ShortlistResult<bool>> RemoveEntryAsync(long id, long candidateId, ShortlistActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(async (connection, transaction, now) =>
        {
            if (await FindAsync(connection, transaction, id) is null)
            {
                return NoShortlist<bool>(id);
            }

            if (await connection.ExecuteAsync(
                "DELETE FROM shortlist_entries WHERE shortlist_id = @id AND candidate_id = @candidateId", new { id, candidateId }, transaction) == 0)
            {
                return ShortlistResult<bool>.Missing("candidateId", $"candidate {candidateId} is not on shortlist {id}");
            }

            await AuditAsync(connection, transaction, actor, "shortlist remove", Describe(id), [candidateId], now);
            return new ShortlistResult<bool>(true);
        }, cancellationToken);
    }

    /// <summary>The candidates of a shortlist in the order they were added, only those tagged <paramref name="tag"/> when given; null for an unknown list.</summary>
    public async Task<IReadOnlyList<ShortlistEntry>?> EntriesAsync(long id, string? tag, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await FindAsync(connection, null, id) is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            EntrySql + """
             WHERE e.shortlist_id = @id AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = @tag))
            ORDER BY e.added_at, e.candidate_id
            """,
            new { id, tag },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The tags of a shortlist with how many of its candidates carry each, most used first.</summary>
    public async Task<IReadOnlyList<TagCount>> TagsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Value, long Count)>(new CommandDefinition(
            "SELECT t.value, count(*) FROM shortlist_entries e, json_each(e.tags) t WHERE e.shortlist_id = @id GROUP BY t.value ORDER BY count(*) DESC, t.value",
            new { id },
            cancellationToken: cancellationToken));
        return rows.Select(r => new TagCount(r.Value, (int)r.Count)).ToList();
    }

    /// <summary>The shortlists a candidate is on, with the entry's tags and note there.</summary>
    public async Task<IReadOnlyList<ShortlistMembership>> OfCandidateAsync(long candidateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ShortlistId, string Name, string Tags, string? Note)>(new CommandDefinition(
            """
            SELECT s.id, s.name, e.tags, e.note FROM shortlist_entries e JOIN shortlists s ON s.id = e.shortlist_id
            WHERE e.candidate_id = @candidateId ORDER BY s.name COLLATE NOCASE, s.id
            """,
            new { candidateId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ShortlistMembership(r.ShortlistId, r.Name, TagsOf(r.Tags), r.Note)).ToList();
    }

    /// <summary>How a change names its list in the audit trail: by id (a name may say anything).</summary>
    private static string Describe(long id) => string.Create(CultureInfo.InvariantCulture, $"shortlist {id}");

    private static ShortlistResult<T> NoShortlist<T>(long id) =>
        ShortlistResult<T>.Missing("id", string.Create(CultureInfo.InvariantCulture, $"no shortlist with id {id}"));

    private static async Task<bool> NameTakenAsync(SqliteConnection connection, SqliteTransaction transaction, string name, long? except) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM shortlists WHERE name = @name COLLATE NOCASE AND id IS NOT @except", new { name, except }, transaction) > 0;

    private static Task<ShortlistRow?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, long id) =>
        connection.QuerySingleOrDefaultAsync<ShortlistRow>(ListSql + " WHERE s.id = @id", new { id }, transaction);

    private const string ListSql =
        """
        SELECT s.id, s.name, s.owner, s.created_at, (SELECT count(*) FROM shortlist_entries e WHERE e.shortlist_id = s.id) AS entries
        FROM shortlists s
        """;

    private const string EntrySql =
        """
        SELECT e.candidate_id, c.name, e.tags, e.note, e.added_by, e.added_at
        FROM shortlist_entries e JOIN candidates c ON c.id = e.candidate_id
        """;

    /// <summary>One change in one write transaction: it takes the write lock at once, so checks and writes cannot race another process.</summary>
    private async Task<ShortlistResult<T>> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, string, Task<ShortlistResult<T>>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TalentDatabase.BeginWrite(connection);
        var result = await change(connection, transaction, Now());
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>The audit entry of a change, in the change's transaction: it is recorded exactly when the change is.</summary>
    private static async Task AuditAsync(
        SqliteConnection connection, SqliteTransaction transaction, ShortlistActor actor, string action, string detail, IReadOnlyCollection<long> candidateIds, string now)
    {
        var auditId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO audit (at, key_id, client, action, detail) VALUES (@now, @KeyId, @Client, @action, @detail) RETURNING id",
            new { now, actor.KeyId, actor.Client, action, detail }, transaction);
        await connection.ExecuteAsync(
            "INSERT OR IGNORE INTO audit_candidates (audit_id, candidate_id) VALUES (@auditId, @candidateId)",
            candidateIds.Distinct().Select(candidateId => new { auditId, candidateId }), transaction);
    }

    private static IReadOnlyList<string> TagsOf(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    // Settable properties, not a constructor: SQLite reports a column that is NULL in the first row as a blob.
    private sealed class ShortlistRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Owner { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public long Entries { get; init; }

        public Shortlist ToShortlist() => new(Id, Name, Owner, CandidateStore.ParseTime(CreatedAt), (int)Entries);
    }

    private sealed class EntryRow
    {
        public long CandidateId { get; init; }

        public string? Name { get; init; }

        public string Tags { get; init; } = "[]";

        public string? Note { get; init; }

        public string AddedBy { get; init; } = "";

        public string AddedAt { get; init; } = "";

        public ShortlistEntry ToEntry() => new(CandidateId, Name, TagsOf(Tags), Note, AddedBy, CandidateStore.ParseTime(AddedAt));
    }
}
