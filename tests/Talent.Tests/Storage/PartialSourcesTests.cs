using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>Sources stored as partial: listed newest first within a limit, current versions only, and found in databases stored before the list existed.</summary>
public sealed class PartialSourcesTests : IDisposable
{
    private const string Reason = "nothing but prose";

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Partial_sources_are_listed_newest_first_within_the_limit_and_only_while_current()
    {
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        var store = new CandidateStore(database, TimeProvider.System);
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (sourceId, day) in new[] { ("notes-a", 1), ("notes-b", 3), ("notes-c", 2) })
        {
            var outcome = await store.StoreAcceptedAsync(Document(sourceId, 1, start.AddDays(day)), Prose(sourceId), CancellationToken.None);
            stored[sourceId] = outcome.CandidateId!.Value; // an accepted document has a candidate
        }

        await store.StoreAcceptedAsync(Document("cv", 1, start.AddDays(4)), new ExtractedProfile { Name = "Ilse Marwick", Emails = ["ilse@example.org"] }, CancellationToken.None);

        var all = await store.ListPartialAsync(10, CancellationToken.None);
        Assert.Equal(["notes-b", "notes-c", "notes-a"], all.Select(d => d.SourceId));
        Assert.All(all, d => Assert.Equal((Reason, stored[d.SourceId], 1L), (d.Reason, d.CandidateId!.Value, d.Version)));
        Assert.Equal(["notes-b", "notes-c"], (await store.ListPartialAsync(2, CancellationToken.None)).Select(d => d.SourceId));
        Assert.Equal(3, await store.CountPartialAsync(CancellationToken.None));

        await store.StoreAcceptedAsync(Document("notes-b", 2, start.AddDays(5)), new ExtractedProfile { Name = "Ilse Marwick", Headline = "notes-b" }, CancellationToken.None);
        await store.StoreRejectedAsync(Document("notes-c", 2, start.AddDays(5)), "unreadable", CancellationToken.None);
        await store.StoreAcceptedAsync(Document("notes-a", 2, start.AddDays(5)), Prose("notes-a, again"), CancellationToken.None);

        var current = Assert.Single(await store.ListPartialAsync(10, CancellationToken.None));
        Assert.Equal(("notes-a", 2L, start.AddDays(5)), (current.SourceId, current.Version, current.ReceivedAt));
        Assert.Equal(1, await store.CountPartialAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Partial_sources_stored_before_schema_12_are_listed_after_the_upgrade()
    {
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        Assert.Equal(11, await database.MigrateAsync(NullLogger.Instance, 11, CancellationToken.None));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // What schema 11 held: the reason only inside each accepted source's profile; a rejected source has no profile.
            await connection.ExecuteAsync(
                """
                INSERT INTO candidates (id, name, profile_json, created_at, updated_at) VALUES
                    (4, NULL, '{"headline":"walks"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                    (5, 'Ana Lima', '{"name":"Ana Lima"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                INSERT INTO sources (source_id, candidate_id, version, content_hash, content_type, content, status, rejection_reason, profile_json, received_at) VALUES
                    ('walks', 4, 3, 'h1', 'text/plain', 'text', 'accepted', NULL, '{"headline":"walks","partial":"only prose"}', '2026-01-02T00:00:00Z'),
                    ('cv', 5, 1, 'h2', 'text/markdown', 'text', 'accepted', NULL, '{"name":"Ana Lima","headline":"wrote \"partial\": it is not"}', '2026-01-03T00:00:00Z'),
                    ('blank', NULL, 1, 'h3', 'text/markdown', ' ', 'rejected', 'empty', NULL, '2026-01-04T00:00:00Z');
                """);
        }

        Assert.Equal(TalentDatabase.LatestVersion, await database.MigrateAsync(NullLogger.Instance, CancellationToken.None));
        var listed = Assert.Single(await new CandidateStore(database, TimeProvider.System).ListPartialAsync(10, CancellationToken.None));
        Assert.Equal(new PartialDocument("walks", 3, "text/plain", "only prose", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), 4), listed);
    }

    private static IncomingDocument Document(string sourceId, long version, DateTimeOffset receivedAt) =>
        new(sourceId, version, "text/plain", "text of " + sourceId + " " + version.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"{sourceId}-{version}", receivedAt);

    private static ExtractedProfile Prose(string text) => new() { Headline = text, Partial = Reason };
}
