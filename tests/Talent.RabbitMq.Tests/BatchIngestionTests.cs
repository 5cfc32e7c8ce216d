using System.Text;
using System.Text.Json;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// A burst of messages is consumed in batches (one SQLite transaction each): a person's two documents in
/// the burst merge, duplicates and stale versions change nothing, and poison messages inside a batch are
/// rejected on their own while every other document of it is stored.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BatchIngestionTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";
    private const string ErrorQueue = "talent-profile-documents_error";
    private const int People = 60;

    [RabbitMqFact]
    public async Task A_burst_with_a_second_document_a_duplicate_a_stale_version_and_poison_stores_every_good_document()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);
        var bodies = new List<byte[]>();
        for (var i = 0; i < People; i++)
        {
            bodies.Add(Body($"burst:{i}", i == 6 ? 2 : 1, Person(i, i == 6 ? "Freshmarker" : "Plainmarker")));
            if (i == 0)
            {
                // The same person's homepage, right behind the CV: same e-mail, another source.
                bodies.Add(Body("burst:0-homepage", 1, Cvs.Markdown(Name(0), Email(0), "Homepagemarker Diffusion Study")));
            }
        }

        bodies.Insert(10, Body("burst:5", 1, Person(5, "Plainmarker")));
        bodies.Insert(20, Body("poison:word", 1, "# A Word file", contentType: "application/msword"));
        bodies.Insert(30, Body("poison:blank", 1, "   \n  "));
        bodies.Insert(40, Encoding.UTF8.GetBytes("this is not JSON {"));
        bodies.Add(Body("burst:6", 1, Person(6, "Stalemarker")));
        await broker.PublishOverAmqpAsync(vhost, Queue, bodies);

        var store = host.Get<CandidateStore>();
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, ErrorQueue) == 3, "three poison messages in the error queue");
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, Queue) == 0, "the document queue to drain");
        await BrokerTalentHost.WaitUntilAsync(async () => await store.CountSourcesAsync(CancellationToken.None) == People + 3, "every good document and the two readable poison ones stored");
        await host.WaitForIndexAsync();

        Assert.Equal(People, await store.CountCandidatesAsync(CancellationToken.None));
        Assert.Equal(People, host.Get<LiveIndex>().Current.Count);
        Assert.Equal(People - 1, await host.SearchTotalAsync("Plainmarker"));
        Assert.Equal(1, await host.SearchTotalAsync("Freshmarker"));
        Assert.Equal(0, await host.SearchTotalAsync("Stalemarker"));
        Assert.Equal(1, await host.SearchTotalAsync("Homepagemarker"));
        Assert.Equal(SourceState.Unchanged, await store.CheckSourceAsync("burst:6", 2, Hash(Person(6, "Freshmarker")), CancellationToken.None));

        using var found = JsonDocument.Parse(await host.Client.GetStringAsync("/api/search?q=Homepagemarker"));
        var candidateId = found.RootElement.GetProperty("results")[0].GetProperty("id").GetInt64();
        var merged = await store.GetCandidateAsync(candidateId, CancellationToken.None);
        Assert.Equal(["burst:0", "burst:0-homepage"], merged!.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));

        var rejected = (await host.RejectedAsync()).ToDictionary(r => r.GetProperty("sourceId").GetString()!, r => r.GetProperty("reason").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["poison:blank", "poison:word"], rejected.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("binary Word document (.doc) is not read", rejected["poison:word"], StringComparison.Ordinal);
        Assert.Contains("empty", rejected["poison:blank"], StringComparison.Ordinal);
    }

    private static string Name(int i) => $"{First[i % First.Length]} {Last[i / First.Length]}";

    private static string Email(int i) => $"burst.person{i}@example.org";

    private static string Person(int i, string marker) => Cvs.Markdown(Name(i), Email(i), $"{marker} Video Transformer Study {i}");

    private static byte[] Body(string sourceId, long version, string content, string contentType = "text/markdown") =>
        JsonSerializer.SerializeToUtf8Bytes(new { sourceId, version, contentType, content });

    // As DocumentIngestion hashes: content type, newline, content.
    private static string Hash(string content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("text/markdown\n" + content)));

    private static readonly string[] First = ["Aurelio", "Berenike", "Casimir", "Desdemona", "Evander", "Fenella", "Gideon", "Hyacinth", "Ignatius", "Jessamine"];
    private static readonly string[] Last = ["Quartermaine", "Rosenkrantz", "Silverthorne", "Tregothnan", "Underwood", "Vandermeer"];
}
