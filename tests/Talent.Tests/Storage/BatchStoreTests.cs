using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>Documents stored together in one transaction behave as if stored one after another, and one failure stays its own.</summary>
public sealed class BatchStoreTests : IAsyncLifetime
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
        SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_documents_of_one_person_in_one_batch_become_one_candidate()
    {
        var results = await store.StoreBatchAsync(
            [
                Accepted("cv", 1, "h1", Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic")),
                Accepted("other", 1, "h2", Person("Bo Chen", "bo@example.org")),
                Accepted("homepage", 1, "h3", Person("Ana Lima", "ANA@example.org", "Sparse Attention at Scale")),
            ],
            CancellationToken.None);

        Assert.Equal([StoreOutcome.Accepted, StoreOutcome.Accepted, StoreOutcome.Merged], results.Select(r => r.Outcome!.Outcome));
        Assert.Equal(results[0].Outcome!.CandidateId, results[2].Outcome!.CandidateId);
        Assert.Contains("e-mail", results[2].Outcome!.Reason, StringComparison.Ordinal);
        var ana = await store.GetCandidateAsync(results[0].Outcome!.CandidateId!.Value, CancellationToken.None);
        Assert.Equal(["cv", "homepage"], ana!.Sources.Select(s => s.SourceId));
        Assert.Equal(["Graph Neural Networks for Traffic", "Sparse Attention at Scale"], ana.Profile.Publications.Select(p => p.Publication.Title).Order(StringComparer.Ordinal));
        Assert.Equal(2, await store.CountCandidatesAsync(CancellationToken.None));
        await AssertFactsAsync(ana.Id, publications: 2);
    }

    [Fact]
    public async Task A_duplicate_and_an_older_version_later_in_the_batch_are_unchanged_and_stale()
    {
        var results = await store.StoreBatchAsync(
            [
                Accepted("cv", 2, "h2", Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale")),
                Accepted("cv", 2, "h2", Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale")),
                Accepted("cv", 1, "h1", Person("Ana Lima", "ana@example.org", "An Early Draft Title")),
                Rejected("cv", 1, "h0", "document is empty"),
            ],
            CancellationToken.None);

        Assert.Equal([StoreOutcome.Accepted, StoreOutcome.Unchanged, StoreOutcome.Stale, StoreOutcome.Stale], results.Select(r => r.Outcome!.Outcome));
        Assert.Equal(SourceState.Unchanged, await store.CheckSourceAsync("cv", 2, "h2", CancellationToken.None));
        var ana = await store.GetCandidateAsync(results[0].Outcome!.CandidateId!.Value, CancellationToken.None);
        Assert.Equal(["Sparse Attention at Scale"], ana!.Profile.Publications.Select(p => p.Publication.Title));
        Assert.Empty(await store.ListRejectedAsync(10, CancellationToken.None));
        Assert.Single(await store.ChangesSinceAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_document_that_fails_in_a_batch_is_undone_alone_and_the_rest_is_stored()
    {
        // A content hash the schema refuses (NOT NULL) fails this one document after its candidate row was written.
        var broken = new DocumentWrite(new IncomingDocument("broken", 1, "text/markdown", "text", null, null!, DateTimeOffset.UtcNow), Person("Cy Broken", "cy@example.org"), null);
        var results = await store.StoreBatchAsync(
            [
                Accepted("a", 1, "h1", Person("Ana Lima", "ana@example.org")),
                broken,
                Accepted("b", 1, "h2", Person("Bo Chen", "bo@example.org")),
                Rejected("c", 1, "h3", "unsupported contentType"),
            ],
            CancellationToken.None);

        Assert.IsType<SqliteException>(results[1].Failure);
        Assert.Null(results[1].Outcome);
        Assert.Equal([StoreOutcome.Accepted, StoreOutcome.Accepted, StoreOutcome.Rejected], new[] { results[0], results[2], results[3] }.Select(r => r.Outcome!.Outcome));
        Assert.Equal(2, await store.CountCandidatesAsync(CancellationToken.None));
        Assert.Equal(3, await store.CountSourcesAsync(CancellationToken.None));
        Assert.Equal(2, (await store.ChangesSinceAsync(0, 10, CancellationToken.None)).Count);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_keys WHERE value = 'cy@example.org'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM merges WHERE source_id = 'broken'"));
        Assert.Equal("unsupported contentType", Assert.Single(await store.ListRejectedAsync(10, CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task A_new_version_in_a_later_batch_replaces_the_facts_of_its_candidate()
    {
        var first = await store.StoreBatchAsync([Accepted("cv", 1, "h1", Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic", "PyTorch"))], CancellationToken.None);
        var second = await store.StoreBatchAsync([Accepted("cv", 2, "h2", Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale", "JAX"))], CancellationToken.None);

        Assert.Equal(StoreOutcome.Accepted, second[0].Outcome!.Outcome);
        var id = first[0].Outcome!.CandidateId!.Value;
        Assert.Equal(id, second[0].Outcome!.CandidateId); // a new version of a candidate's only source keeps the id
        var profile = (await store.GetCandidateAsync(id, CancellationToken.None))!.Profile;
        Assert.Equal(["Sparse Attention at Scale"], profile.Publications.Select(p => p.Publication.Title));
        Assert.Equal(["JAX"], profile.Skills);
        Assert.True(Assert.Single(profile.Publications).Publication.FirstAuthor);
        var changes = await store.ChangesSinceAsync(0, 10, CancellationToken.None);
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(["Sparse Attention at Scale"], c.Profile!.Publications.Select(p => p.Publication.Title))); // each change reads the current state
    }

    [Fact]
    public async Task The_index_reads_the_same_changes_from_the_writer_as_from_SQLite()
    {
        await store.StoreBatchAsync(
            [
                Accepted("cv", 1, "h1", Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic")),
                Accepted("other", 1, "h2", Person("Bo Chen", "bo@example.org", "Sparse Attention at Scale")),
            ],
            CancellationToken.None);
        await store.StoreBatchAsync(
            [
                Accepted("homepage", 1, "h3", Person("Ana Lima", "ana@example.org", "Learning to Route")), // merges: Ana is written again
                Accepted("other", 2, "h4", Person("Bo Chen", "bo@example.org", "Dense Retrieval Revisited")),
            ],
            CancellationToken.None);

        // This store wrote them and hands its profiles over; another store over the same file has only SQLite.
        Assert.Equal(2, store.HeldProfiles); // each candidate's last write
        var fromSqlite = await new CandidateStore(database, TimeProvider.System).ChangesSinceAsync(0, 100, CancellationToken.None);
        var fromWriter = await store.ChangesSinceAsync(0, 100, CancellationToken.None);
        Assert.Equal(0, store.HeldProfiles); // both taken

        Assert.Equal(4, fromWriter.Count);
        Assert.Equal(Shape(fromSqlite), Shape(fromWriter));
        Assert.Equal(["Dense Retrieval Revisited"], fromWriter[^1].Profile!.Publications.Select(p => p.Publication.Title));
        Assert.Equal(Shape(fromWriter), Shape(await store.ChangesSinceAsync(0, 100, CancellationToken.None))); // taken once, then read from SQLite

        static List<string> Shape(IEnumerable<CandidateChange> changes) =>
            changes.Select(c => $"{c.Sequence} {c.CandidateId} {c.Kind} {c.UpdatedAt:O} {(c.Profile is null ? "-" : ProfileJson.Serialize(c.Profile))}").ToList();
    }

    [Fact]
    public async Task An_erased_candidate_is_a_delete_for_the_index_and_its_profile_is_not_kept_in_memory()
    {
        var stored = await store.StoreBatchAsync([Accepted("cv", 1, "h1", Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale"))], CancellationToken.None);
        Assert.Equal(1, store.HeldProfiles);

        Assert.True(await store.RemoveCandidateAsync(stored[0].Outcome!.CandidateId!.Value, CancellationToken.None));
        var changes = await store.ChangesSinceAsync(0, 10, CancellationToken.None);

        Assert.All(changes, c => Assert.True(c.IsDelete));
        Assert.All(changes, c => Assert.Null(c.Profile));
        Assert.Equal(0, store.HeldProfiles);
    }

    private async Task AssertFactsAsync(long candidateId, int publications)
    {
        var stored = (await store.GetCandidateAsync(candidateId, CancellationToken.None))!.Profile.Publications.Select(p => p.Publication).ToList();
        Assert.Equal(publications, stored.Count);
        Assert.All(stored, p => Assert.Equal(("KDD", (int?)2022, PublicationKind.Conference), (p.Venue, p.Year, p.Kind)));
    }

    private static DocumentWrite Accepted(string sourceId, long version, string hash, ExtractedProfile profile) =>
        new(new IncomingDocument(sourceId, version, "text/markdown", "text", null, hash, DateTimeOffset.UtcNow), profile, null);

    private static DocumentWrite Rejected(string sourceId, long version, string hash, string reason) =>
        new(new IncomingDocument(sourceId, version, "text/markdown", "", null, hash, DateTimeOffset.UtcNow), null, reason);

    private static ExtractedProfile Person(string? name, string email, string? paper = null, string? skill = null) => new()
    {
        Name = name,
        Emails = [email.ToLowerInvariant()],
        Publications = paper is null ? [] : [new Publication { Title = paper, Venue = "KDD", Year = 2022, Kind = PublicationKind.Conference, FirstAuthor = true }],
        Skills = skill is null ? [] : [skill],
    };
}
