using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>Which rejected documents and audited texts are a person's, on real database files.</summary>
public sealed class ErasureRuleTests : IAsyncLifetime
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

    [Fact]
    public async Task A_rejected_later_version_of_one_of_the_persons_documents_goes_with_the_person()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1), Person("Ines Valderrama-Holt", "ines@rule.example.org"), CancellationToken.None);
        var homepage = await store.StoreAcceptedAsync(Document("homepage", 1), Person("Ines Valderrama-Holt", "ines@rule.example.org"), CancellationToken.None);
        // Version 2 of the homepage is unreadable: rejected, no longer the candidate's source, but once it was.
        await store.StoreRejectedAsync(Document("homepage", 2, "unreadable bytes"), "document looks binary", CancellationToken.None);
        await store.StoreRejectedAsync(Document("someone-else", 1, "else@other.example.org"), "document looks binary", CancellationToken.None);
        Assert.Equal(cv.CandidateId, homepage.CandidateId);

        var report = await store.EraseCandidateAsync(cv.CandidateId!.Value, CancellationToken.None);

        Assert.Equal((1, 1, true), (report.AcceptedSources, report.RejectedSources, report.CandidateRemoved));
        Assert.Equal(["someone-else"], (await store.ListRejectedAsync(10, CancellationToken.None)).Select(r => r.SourceId));
    }

    [Fact]
    public async Task Removing_one_source_of_a_person_who_keeps_others_scrubs_its_contact_details_but_not_their_name()
    {
        var cv = await store.StoreAcceptedAsync(Document("cv", 1), Person("Ines Valderrama-Holt", "ines@rule.example.org") with { Phones = ["+34 91 555 0147"] }, CancellationToken.None);
        await store.StoreAcceptedAsync(Document("homepage", 1), Person("Ines Valderrama-Holt", "ines@rule.example.org", "Paper"), CancellationToken.None);
        await store.StoreRejectedAsync(Document("fax-cover", 1, "call 91 555 0147"), "no profile facts found", CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO audit (at, action, detail) VALUES ('2026-01-01', 'search', '?q=%2B34+91+555+0147'), ('2026-01-01', 'search', '?q=Ines+Valderrama-Holt')");
        }

        var report = await store.EraseSourceAsync("cv", CancellationToken.None);

        Assert.Equal((1, 1, 1, false), (report.AcceptedSources, report.RejectedSources, report.AuditTexts, report.CandidateRemoved));
        Assert.Empty(await store.ListRejectedAsync(10, CancellationToken.None));
        var audit = await new AccessStore(database, TimeProvider.System).ReadAuditAsync(10, CancellationToken.None);
        Assert.Equal([CandidateStore.ErasedText, "?q=Ines+Valderrama-Holt"], audit.OrderBy(a => a.Id).Select(a => a.Detail));
        Assert.NotNull(await store.GetCandidateAsync(cv.CandidateId!.Value, CancellationToken.None));
    }

    private static IncomingDocument Document(string sourceId, long version, string content = "text") =>
        new(sourceId, version, "text/markdown", content, null, sourceId + version + content, DateTimeOffset.UtcNow);

    private static ExtractedProfile Person(string name, string email, string? paper = null) => new()
    {
        Name = name,
        Emails = [email],
        Publications = paper is null ? [] : [new Publication { Title = paper }],
    };
}
