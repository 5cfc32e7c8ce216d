using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>SQLite source of truth: versions, identity, re-derivation, erasure and the change log, on real database files.</summary>
public sealed class CandidateStoreTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private TalentDatabase database = null!; // set in InitializeAsync
    private CandidateStore store = null!; // set in InitializeAsync

    public async Task InitializeAsync()
    {
        database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        store = new CandidateStore(database, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The migrations shipped (their numbers need not be contiguous: each branch of work is given its own).</summary>
    private static int MigrationCount =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "Talent.Storage", "Migrations"), "*.sql").Length;

    /// <summary>Statements every ingest runs while re-grouping identity: each reaches its rows through an index, so an ingest does not slow down as the database grows.</summary>
    [Theory]
    [InlineData("DELETE FROM merges WHERE source_id IN (SELECT value FROM json_each('[\"s\"]'))", "merges")]
    [InlineData("DELETE FROM merges WHERE source_id = 's'", "merges")]
    [InlineData("SELECT source_a FROM identity_links WHERE source_b IN (SELECT value FROM json_each('[\"s\"]'))", "identity_links")]
    [InlineData("DELETE FROM identity_flags WHERE source_id IN (SELECT value FROM json_each('[\"s\"]'))", "identity_flags")]
    [InlineData("SELECT source_id FROM sources WHERE candidate_id = 1 AND status = 'accepted'", "sources")]
    [InlineData("DELETE FROM identity_keys WHERE candidate_id = 0 AND source_id = 's'", "identity_keys")]
    [InlineData(
        """
        UPDATE identity_keys SET candidate_id = 2
        WHERE candidate_id IN (SELECT coalesce(candidate_id, 0) FROM sources WHERE source_id IN (SELECT value FROM json_each('["s"]')))
            AND source_id IN (SELECT value FROM json_each('["s"]'))
        """,
        "identity_keys")]
    public async Task Identity_statements_reach_their_rows_through_an_index(string statement, string table)
    {
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var plan = string.Join('\n', (await connection.QueryAsync("EXPLAIN QUERY PLAN " + statement)).Select(row => (string)row.detail));
        Assert.DoesNotContain("SCAN " + table, plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH " + table, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_are_recorded_once_and_the_database_is_in_WAL_mode_with_2_KB_pages()
    {
        Assert.Equal(TalentDatabase.LatestVersion, await database.MigrateAsync(NullLogger.Instance, CancellationToken.None));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(MigrationCount, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2048, await connection.ExecuteScalarAsync<int>("PRAGMA page_size"));
    }

    [Fact]
    public async Task A_database_created_with_4_KB_pages_keeps_them_and_checkpoints_at_the_same_128_MB_of_log()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "old.db");
        using (var created = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            created.Open();
            created.Execute("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);");
        }

        var old = new TalentDatabase(path);
        await using var connection = await old.OpenAsync(CancellationToken.None);
        Assert.Equal(4096, await connection.ExecuteScalarAsync<int>("PRAGMA page_size"));
        Assert.Equal(32768, await connection.ExecuteScalarAsync<int>("PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public async Task Connections_reused_from_the_pool_keep_their_settings()
    {
        // Settings are applied once per SQLite connection: a connection the pool hands out again must still have them.
        for (var use = 0; use < 3; use++)
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            Assert.Equal(30000, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA secure_delete"));
            Assert.Equal(2, await connection.ExecuteScalarAsync<int>("PRAGMA temp_store")); // memory
            Assert.Equal(65536, await connection.ExecuteScalarAsync<int>("PRAGMA wal_autocheckpoint"));
        }

        for (var use = 0; use < 2; use++)
        {
            await using var writer = await database.OpenWriterAsync(CancellationToken.None);
            Assert.Equal(-65536, await writer.ExecuteScalarAsync<int>("PRAGMA cache_size"));
            Assert.Equal(1, await writer.ExecuteScalarAsync<int>("PRAGMA secure_delete"));
        }

        using var blocking = database.Open();
        Assert.Equal(30000, blocking.ExecuteScalar<int>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Processes_migrating_one_new_database_at_once_apply_each_migration_once()
    {
        using var fresh = new TempDirectory();
        var path = Path.Combine(fresh.Path, "talent.db");
        // A worker and a query service started together on one data folder, each with its own connection.
        var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new TalentDatabase(path).MigrateAsync(NullLogger.Instance, CancellationToken.None))));

        Assert.All(versions, v => Assert.Equal(TalentDatabase.LatestVersion, v));
        await using var connection = await new TalentDatabase(path).OpenAsync(CancellationToken.None);
        Assert.Equal(MigrationCount, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_database_of_schema_3_keeps_its_identity_keys_through_the_upgrade()
    {
        using var older = new TempDirectory();
        var path = Path.Combine(older.Path, "talent.db");
        var old = new TalentDatabase(path);
        Assert.Equal(3, await old.MigrateAsync(NullLogger.Instance, 3, CancellationToken.None));
        await using (var connection = await old.OpenAsync(CancellationToken.None))
        {
            // What schema 3 held for one person: the candidate, its source, its keys and its facts.
            await connection.ExecuteAsync(
                """
                INSERT INTO candidates (id, name, profile_json, created_at, updated_at) VALUES (7, 'Ana Lima', '{"name":"Ana Lima","emails":["ana@example.org"]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                INSERT INTO sources (source_id, candidate_id, version, content_hash, content_type, content, status, profile_json, received_at)
                VALUES ('cv', 7, 1, 'h1', 'text/markdown', 'text', 'accepted', '{"name":"Ana Lima","emails":["ana@example.org"]}', '2026-01-01T00:00:00Z');
                INSERT INTO identity_keys (source_id, candidate_id, kind, value) VALUES ('cv', 7, 'email', 'ana@example.org'), ('cv', 7, 'name', 'ana lima');
                INSERT INTO skills (candidate_id, skill) VALUES (7, 'PyTorch');
                """);
        }

        Assert.Equal(TalentDatabase.LatestVersion, await old.MigrateAsync(NullLogger.Instance, CancellationToken.None));
        var upgraded = new CandidateStore(old, TimeProvider.System);
        var homepage = await upgraded.StoreAcceptedAsync(Document("homepage", 1, "h2"), Person(null, "ana@example.org"), CancellationToken.None);

        Assert.Equal((StoreOutcome.Merged, 7L), (homepage.Outcome, homepage.CandidateId!.Value)); // found through the migrated e-mail key
        Assert.True(await upgraded.RemoveSourceAsync("cv", CancellationToken.None));
        await using (var connection = await old.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(["homepage"], await connection.QueryAsync<string>("SELECT DISTINCT source_id FROM identity_keys"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('publications', 'skills', 'topics')"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Same_content_is_unchanged_and_an_older_version_is_stale()
    {
        var first = await store.StoreAcceptedAsync(Document("cv-1", 5, "hash-a"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        Assert.Equal(StoreOutcome.Accepted, first.Outcome);

        Assert.Equal(SourceState.Unchanged, await store.CheckSourceAsync("cv-1", 6, "hash-a", CancellationToken.None));
        Assert.Equal(SourceState.Stale, await store.CheckSourceAsync("cv-1", 4, "hash-b", CancellationToken.None));
        Assert.Equal(SourceState.Changed, await store.CheckSourceAsync("cv-1", 6, "hash-b", CancellationToken.None));
        Assert.Equal(SourceState.New, await store.CheckSourceAsync("cv-2", 1, "hash-a", CancellationToken.None));

        var stale = await store.StoreAcceptedAsync(Document("cv-1", 4, "hash-b"), Person("Someone Else", "else@example.org"), CancellationToken.None);
        Assert.Equal(StoreOutcome.Stale, stale.Outcome);
        var details = await store.GetCandidateAsync(first.CandidateId!.Value, CancellationToken.None);
        Assert.Equal("Ana Lima", details!.Profile.Name);
    }

    [Fact]
    public async Task Sources_sharing_an_email_become_one_candidate_with_the_reason_recorded()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var homepage = await store.StoreAcceptedAsync(Document("homepage", 1, "h2"), Person(null, "ANA@example.org"), CancellationToken.None);
        var other = await store.StoreAcceptedAsync(Document("other", 1, "h3"), Person("Ana Lima", "a.lima@elsewhere.org"), CancellationToken.None);

        Assert.Equal(StoreOutcome.Merged, homepage.Outcome);
        Assert.Equal(cv.CandidateId, homepage.CandidateId);
        Assert.NotEqual(cv.CandidateId, other.CandidateId); // same name alone is not the same person
        var details = await store.GetCandidateAsync(cv.CandidateId!.Value, CancellationToken.None);
        Assert.Equal(["cv", "homepage"], details!.Sources.Select(s => s.SourceId));
        Assert.Contains(details.Merges, m => m.SourceId == "homepage" && m.Reason.Contains("e-mail", StringComparison.Ordinal));
        Assert.Equal(2, await store.CountCandidatesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Removing_sources_rederives_then_deletes_the_candidate_and_logs_each_change()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1"), Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic"), CancellationToken.None);
        await store.StoreAcceptedAsync(Document("homepage", 1, "h2"), Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale"), CancellationToken.None);
        var id = cv.CandidateId!.Value;
        Assert.Equal(2, (await store.GetCandidateAsync(id, CancellationToken.None))!.Profile.Publications.Count);

        Assert.True(await store.RemoveSourceAsync("homepage", CancellationToken.None));
        var remaining = await store.GetCandidateAsync(id, CancellationToken.None);
        Assert.Equal(["Graph Neural Networks for Traffic"], remaining!.Profile.Publications.Select(p => p.Publication.Title));

        var before = await store.LastSequenceAsync(CancellationToken.None);
        Assert.True(await store.RemoveSourceAsync("cv", CancellationToken.None));
        Assert.Null(await store.GetCandidateAsync(id, CancellationToken.None));
        var changes = await store.ChangesSinceAsync(before, 10, CancellationToken.None);
        Assert.Single(changes);
        Assert.True(changes[0].IsDelete);
        Assert.Equal(id, changes[0].CandidateId);
    }

    [Fact]
    public async Task Identity_keys_follow_their_source_through_merges_new_versions_and_rejections()
    {
        // Keys are moved and deleted through the candidate their source is under, so that must always be the source's own.
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var homepage = await store.StoreAcceptedAsync(Document("homepage", 1, "h2"), Person(null, "ana@example.org") with { Emails = ["ana@example.org", "ana@lab.example.org"] }, CancellationToken.None);
        Assert.Equal(cv.CandidateId, homepage.CandidateId);
        await AssertKeysUnderTheirSourcesCandidateAsync();

        var moved = await store.StoreAcceptedAsync(Document("homepage", 2, "h3"), Person(null, "bo@example.org"), CancellationToken.None);
        Assert.NotEqual(cv.CandidateId, moved.CandidateId);
        await AssertKeysUnderTheirSourcesCandidateAsync();

        await store.StoreRejectedAsync(Document("homepage", 3, "h4"), "document is empty", CancellationToken.None);
        await store.StoreAcceptedAsync(Document("homepage", 4, "h5"), Person(null, "ana@lab.example.org") with { Emails = ["ana@lab.example.org", "ana@example.org"] }, CancellationToken.None);
        await AssertKeysUnderTheirSourcesCandidateAsync();

        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_keys WHERE value = 'bo@example.org'"));
        Assert.Equal(["ana@example.org", "ana@lab.example.org"], await connection.QueryAsync<string>("SELECT value FROM identity_keys WHERE source_id = 'homepage' AND kind = 'email' ORDER BY value"));
        var later = await store.StoreAcceptedAsync(Document("talk", 1, "h6"), Person(null, "ana@lab.example.org"), CancellationToken.None);
        Assert.Equal(cv.CandidateId, later.CandidateId);
    }

    private async Task AssertKeysUnderTheirSourcesCandidateAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_keys") > 0);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM identity_keys k JOIN sources s ON s.source_id = k.source_id WHERE k.candidate_id <> coalesce(s.candidate_id, 0)"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM identity_keys k WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.source_id = k.source_id AND s.status = 'accepted')"));
    }

    [Fact]
    public async Task A_removed_source_takes_its_identity_keys_so_its_address_no_longer_joins_the_candidate()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var homepage = await store.StoreAcceptedAsync(Document("homepage", 1, "h2"), Person("Ana Lima", "ana@example.org") with { Emails = ["ana@example.org", "ana.lima@lab.example.org"] }, CancellationToken.None);
        Assert.Equal(cv.CandidateId, homepage.CandidateId);

        Assert.True(await store.RemoveSourceAsync("homepage", CancellationToken.None));
        var later = await store.StoreAcceptedAsync(Document("talk", 1, "h3"), Person(null, "ana.lima@lab.example.org"), CancellationToken.None);

        Assert.Equal(StoreOutcome.Accepted, later.Outcome);
        Assert.NotEqual(cv.CandidateId, later.CandidateId);
    }

    [Fact]
    public async Task Removing_the_last_source_erases_the_person_everywhere_the_candidate_erasure_does()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1", "raw text naming ana@example.org"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var id = cv.CandidateId!.Value;
        var access = new AccessStore(database, TimeProvider.System);
        await access.AppendAuditAsync([new AuditEntry(DateTimeOffset.UtcNow, null, "127.0.0.1", "search", "?q=lima", [id])], CancellationToken.None);

        Assert.True(await store.RemoveSourceAsync("cv", CancellationToken.None));

        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sources"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_keys"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM candidates"));
        var entry = Assert.Single(await access.ReadAuditAsync(10, CancellationToken.None));
        Assert.Empty(entry.CandidateIds); // the access is still on record, the person is not
    }

    [Fact]
    public async Task Erasing_a_candidate_removes_raw_documents_and_every_source()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1", "raw text naming ana@example.org"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        Assert.True(await store.RemoveCandidateAsync(cv.CandidateId!.Value, CancellationToken.None));
        Assert.False(await store.RemoveCandidateAsync(cv.CandidateId!.Value, CancellationToken.None));

        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sources"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_keys"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM candidates"));
    }

    [Fact]
    public async Task A_rejected_document_is_listed_with_its_reason_and_stops_contributing()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1, "h1"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var rejected = await store.StoreRejectedAsync(Document("cv", 2, "h2"), "document is empty", CancellationToken.None);

        Assert.Equal(StoreOutcome.Rejected, rejected.Outcome);
        var listed = Assert.Single(await store.ListRejectedAsync(10, CancellationToken.None));
        Assert.Equal(("cv", 2L, "document is empty"), (listed.SourceId, listed.Version, listed.Reason));
        Assert.Null(await store.GetCandidateAsync(cv.CandidateId!.Value, CancellationToken.None));
    }

    [Fact]
    public async Task Changes_are_read_in_sequence_order_with_the_current_profile()
    {
        var a = await store.StoreAcceptedAsync(Document("a", 1, "h1"), Person("Ana Lima", "ana@example.org"), CancellationToken.None);
        var b = await store.StoreAcceptedAsync(Document("b", 1, "h2"), Person("Bo Chen", "bo@example.org"), CancellationToken.None);

        var changes = await store.ChangesSinceAsync(0, 100, CancellationToken.None);

        Assert.Equal([a.CandidateId!.Value, b.CandidateId!.Value], changes.Select(c => c.CandidateId));
        Assert.True(changes[0].Sequence < changes[1].Sequence);
        Assert.Equal("Bo Chen", changes[1].Profile!.Name);
        Assert.Equal(changes[1].Sequence, await store.LastSequenceAsync(CancellationToken.None));
        Assert.Single(await store.ChangesSinceAsync(changes[0].Sequence, 100, CancellationToken.None));
    }

    private static IncomingDocument Document(string sourceId, long version, string hash, string content = "text") =>
        new(sourceId, version, "text/markdown", content, null, hash, DateTimeOffset.UtcNow);

    private static ExtractedProfile Person(string? name, string email, string? paper = null) => new()
    {
        Name = name,
        Emails = [email.ToLowerInvariant()],
        Publications = paper is null ? [] : [new Publication { Title = paper, Venue = "KDD", Year = 2022, Kind = PublicationKind.Conference }],
    };
}
