using System.Diagnostics;
using System.Text.Json;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>A worker killed with SIGKILL in the middle of a stream loses nothing and applies nothing twice.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class CrashRecoveryTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";
    private const int Documents = 10_000;

    [RabbitMqFact]
    public async Task Ten_thousand_documents_survive_a_kill_9_of_the_worker()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        string[] worker = ["--data", data, "--transport", "rabbitmq", "--rabbitmq", broker.AmqpUrl(vhost), "worker"];
        var store = new CandidateStore(new TalentDatabase(Path.Combine(data, "talent.db")), TimeProvider.System);
        var first = SplitProcessTests.Start(worker, drain: true);
        Process? second = null;
        try
        {
            await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, Queue) is not null, "the worker's queue");
            // About one in ten documents is sent twice, as at-least-once producers do.
            var bodies = Enumerable.Range(0, Documents).SelectMany(i => i % 10 == 3 ? [Body(i), Body(i)] : new[] { Body(i) });
            var publishing = broker.PublishOverAmqpAsync(vhost, Queue, bodies);

            await BrokerTalentHost.WaitUntilAsync(async () => await CountAsync(store) >= Documents / 10, "the first worker to store a tenth");
            first.Kill(); // SIGKILL: no graceful stop, unacknowledged messages go back to the queue
            await first.WaitForExitAsync();
            var beforeRestart = await CountAsync(store);
            await publishing;
            Assert.InRange(beforeRestart, Documents / 10, Documents - 1);

            second = SplitProcessTests.Start(worker, drain: true);
            var stored = 0;
            try
            {
                await BrokerTalentHost.WaitUntilAsync(
                    async () =>
                    {
                        Assert.False(second.HasExited, "the restarted worker exited: " + SplitProcessTests.OutputOf(second));
                        stored = await CountAsync(store);
                        return stored == Documents;
                    },
                    "every document in SQLite");
            }
            catch (Xunit.Sdk.FailException)
            {
                // Say where it stood: how far SQLite got, what the queues hold and what the worker last wrote.
                Assert.Fail($"{stored} of {Documents} candidates stored; queue {await broker.QueueDepthAsync(vhost, Queue)}, error queue {await broker.QueueDepthAsync(vhost, Queue + "_error")}; worker: {SplitProcessTests.OutputOf(second)}");
            }

            await BrokerTalentHost.WaitUntilAsync(async () => await IndexedAsync(data) == Documents, "every candidate in the index");

            Assert.Empty(await store.ListRejectedAsync(10, CancellationToken.None));
            Assert.True(await broker.QueueDepthAsync(vhost, Queue + "_error") is null or 0);
            Assert.Equal(0, await broker.QueueDepthAsync(vhost, Queue));
        }
        finally
        {
            SplitProcessTests.Stop(first);
            first.Dispose();
            if (second is not null)
            {
                SplitProcessTests.Stop(second);
                second.Dispose();
            }

            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A process that just exited may still hold a file for a moment.
            }
        }
    }

    private static async Task<int> CountAsync(CandidateStore store)
    {
        try
        {
            return await store.CountCandidatesAsync(CancellationToken.None);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Not created or not migrated yet.
            return 0;
        }
    }

    /// <summary>Candidates in the index, as <c>talent search</c> (read-only) sees them.</summary>
    private static async Task<int> IndexedAsync(string data)
    {
        using var process = SplitProcessTests.Start(["--data", data, "search", "--json", "--top", "1"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stderr;
        var output = await stdout;
        return process.ExitCode == 0 ? JsonDocument.Parse(output).RootElement.GetProperty("total").GetInt32() : -1;
    }

    private static byte[] Body(int i)
    {
        var name = $"{First[i % First.Length]} {Last[i / First.Length]}";
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            sourceId = $"crash:{i:D5}",
            version = 1,
            contentType = "text/markdown",
            content = Cvs.Markdown(name, $"person{i}@example.org", $"Study {i} of Efficient Video Transformers"),
        });
    }

    private static readonly string[] First = Enumerable.Range(0, 100).Select(i => Syllables(i, 7) + "a").ToArray();
    private static readonly string[] Last = Enumerable.Range(0, 100).Select(i => Syllables(i, 13) + "son").ToArray();

    /// <summary>Distinct pronounceable names: two syllables chosen by the number.</summary>
    private static string Syllables(int i, int salt)
    {
        string[] parts = ["ka", "lo", "mi", "ra", "te", "vo", "zu", "ne", "si", "da"];
        var a = parts[(i + salt) % 10];
        var b = parts[i / 10 % 10];
        return char.ToUpperInvariant(a[0]) + a[1..] + b + parts[(i * salt) % 10];
    }
}
