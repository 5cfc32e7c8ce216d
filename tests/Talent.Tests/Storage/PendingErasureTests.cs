using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>
/// An erasure's work outside SQLite (the broker's error queues, the index files) is recorded as pending in the
/// erasure's own transaction, finished by a worker that starts after one stopped half way, and leaves nothing of the
/// person behind once done.
/// </summary>
public sealed class PendingErasureTests
{
    private const string Email = "ottilie.brandvold@pending.example.org";
    private const string Phone = "+47 22 55 01 93";
    private const string PhoneDigits = "22550193";

    [Fact]
    public async Task An_erasure_stays_pending_until_its_broker_pass_and_index_purge_are_done()
    {
        using var directory = new TempDirectory();
        var (_, store, candidateId) = await StoredAsync(directory.Path);

        var report = await store.EraseCandidateAsync(candidateId, CancellationToken.None);

        // Who was erased is kept only as long as the work outside SQLite needs it to find their messages.
        var pending = Assert.Single(await store.PendingErasuresAsync(CancellationToken.None));
        Assert.Equal(report.Id, pending.ErasureId);
        Assert.True(pending.Person.IsSourceId("cv"));
        Assert.True(pending.Person.SharesContact($"{{\"content\":\"write to {Email.ToUpperInvariant()}\"}}"));
        Assert.True(pending.Person.SharesContact("call 22 55 01 93"));
        Assert.False(pending.Person.SharesContact("someone.else@pending.example.org"));

        // A broker pass that failed is tried again later: the erasure stays pending.
        await store.RecordBrokerErasureAsync([report.Id], "rabbitmq: q_error", 3, 0, "BrokerUnreachableException: down", CancellationToken.None);
        await store.RecordIndexPurgeAsync([report.Id], 1, CancellationToken.None);
        Assert.Single(await store.PendingErasuresAsync(CancellationToken.None));
        Assert.NotEmpty(DataFolderScan.FilesHolding(directory.Path, [Email]));

        await store.RecordBrokerErasureAsync([report.Id], "rabbitmq: q_error", 3, 1, null, CancellationToken.None);
        await store.RecordIndexPurgeAsync([report.Id], 1, CancellationToken.None);
        Assert.Empty(await store.PendingErasuresAsync(CancellationToken.None));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Empty(DataFolderScan.FilesHolding(directory.Path, [Email, PhoneDigits, "Brandvold"]));
    }

    [Fact]
    public async Task A_report_says_the_index_is_purged_only_once_the_pending_row_is_out_of_the_database_file()
    {
        using var directory = new TempDirectory();
        var (database, store, candidateId) = await StoredAsync(directory.Path);
        var report = await store.EraseCandidateAsync(candidateId, CancellationToken.None);
        await store.RecordBrokerErasureAsync([report.Id], "rabbitmq: q_error", 3, 1, null, CancellationToken.None);

        // A reader still on the snapshot before the pending row's deletion (a search under way) holds the checkpoint
        // back: the row's zeroed page waits in the log while the database file still holds the row.
        await using var reader = await database.OpenAsync(CancellationToken.None);
        await using var snapshot = reader.BeginTransaction(deferred: true);
        Assert.Equal(1, await reader.ExecuteScalarAsync<long>("SELECT count(*) FROM erasure_pending", transaction: snapshot));
        var recording = Task.Run(() => store.RecordIndexPurgeAsync([report.Id], 1, CancellationToken.None));
        await WaitUntilAsync(async () => (await store.PendingErasuresAsync(CancellationToken.None)).Count == 0);
        Assert.NotEmpty(DataFolderScan.FilesHolding(directory.Path, [Email]));
        Assert.Null(Assert.Single(await store.ErasureReportsAsync(candidateId, CancellationToken.None)).IndexPurged);

        // The reader moves on: the checkpoint copies the zeroed page, and only then does the report say the erasure is complete.
        await snapshot.RollbackAsync();
        await recording.WaitAsync(TestWait.Limit);
        var done = Assert.Single(await store.ErasureReportsAsync(candidateId, CancellationToken.None));
        Assert.Equal((1, true), (done.IndexPurged, done.LogTruncated));
        Assert.Empty(DataFolderScan.FilesHolding(directory.Path, [Email, PhoneDigits, "Brandvold"]));
    }

    [Fact]
    public async Task A_worker_stopped_after_the_database_erasure_finishes_it_when_it_starts_again()
    {
        using var data = new TempDirectory();
        // The worker's first step only (SQLite), as when it stops before the broker pass and the index purge.
        var candidateId = await StoppedWorkerAsync(data.Path, async (first, id) => await first.Get<CandidateStore>().EraseCandidateAsync(id, CancellationToken.None));

        // The resumer's run ends after the pending row is deleted and the log emptied behind it (the row's deletion
        // alone is not the end: the database file holds the row until the checkpoint copies the zeroed page).
        await using var second = await RestartedWorkerAsync(data.Path);
        var store = second.Get<CandidateStore>();
        Assert.Empty(await store.PendingErasuresAsync(CancellationToken.None));

        var report = Assert.Single(await store.ErasureReportsAsync(candidateId, CancellationToken.None));
        Assert.Equal(ErasureReport.NoBroker, report.Broker);
        Assert.NotNull(report.IndexPurged);
        Assert.Empty(DataFolderScan.FilesHolding(data.Path, [Email, PhoneDigits]));
    }

    [Fact]
    public async Task A_worker_stopped_between_the_end_of_an_erasure_and_its_reports_last_entry_completes_the_report_when_it_starts_again()
    {
        using var data = new TempDirectory();
        // The erasure, its broker pass and the end of its pending work, but not the report's last entry (the index purge).
        var candidateId = await StoppedWorkerAsync(data.Path, async (first, id) =>
        {
            var store = first.Get<CandidateStore>();
            var erased = await store.EraseCandidateAsync(id, CancellationToken.None);
            await store.RecordBrokerErasureAsync([erased.Id], ErasureReport.NoBroker, 0, 0, null, CancellationToken.None);
            await using var connection = await first.Get<TalentDatabase>().OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("DELETE FROM erasure_pending");
        });

        await using var second = await RestartedWorkerAsync(data.Path);

        var report = Assert.Single(await second.Get<CandidateStore>().ErasureReportsAsync(candidateId, CancellationToken.None));
        Assert.NotNull(report.IndexPurged);
    }

    /// <summary>A data folder holding Ottilie Brandvold's CV, through the store alone.</summary>
    private static async Task<(TalentDatabase Database, CandidateStore Store, long CandidateId)> StoredAsync(string directory)
    {
        var database = new TalentDatabase(Path.Combine(directory, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        var store = new CandidateStore(database, TimeProvider.System);
        var cv = await store.StoreAcceptedAsync(
            new IncomingDocument("cv", 1, "text/markdown", $"# Ottilie Brandvold\n{Email} · {Phone}", null, "hash-cv", DateTimeOffset.UtcNow),
            new ExtractedProfile { Name = "Ottilie Brandvold", Emails = [Email], Phones = [Phone] },
            CancellationToken.None);
        return (database, store, cv.CandidateId!.Value);
    }

    private static Dictionary<string, string?> Settings(string data) => new()
    {
        ["Talent:Data:Directory"] = data,
        ["Talent:Index:Directory"] = Path.Combine(data, "indexes"),
    };

    /// <summary>A worker that ingests Ottilie Brandvold's CV, does <paramref name="partOfAnErasure"/> and stops; her candidate id.</summary>
    private static async Task<long> StoppedWorkerAsync(string data, Func<TalentTestHost, long, Task> partOfAnErasure)
    {
        await using var first = await TalentTestHost.StartAsync(Settings(data));
        var processed = await first.SubmitAsync("cv:ottilie", "text/markdown", $"# Ottilie Brandvold\n\n{Email} · {Phone}\n\n## Skills\n\nRust, Kafka\n");
        var candidateId = processed.CandidateId!.Value;
        await first.WaitForIndexAsync();
        await partOfAnErasure(first, candidateId);
        await first.WaitForIndexAsync();
        return candidateId;
    }

    /// <summary>A worker started again on the folder, once its resumer of unfinished erasures has run.</summary>
    private static async Task<TalentTestHost> RestartedWorkerAsync(string data)
    {
        var host = await TalentTestHost.StartAsync(Settings(data));
        var resumer = host.Get<IEnumerable<IHostedService>>().OfType<PendingErasureResumer>().Single();
        await resumer.ExecuteTask!.WaitAsync(TestWait.Limit);
        return host;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = TestWait.Token();
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("timed out waiting for the pending row's deletion");
            }

            await Task.Delay(100);
        }
    }
}
