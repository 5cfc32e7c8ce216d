using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>At-least-once delivery over the broker: duplicates change nothing, stale versions never win.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class IdempotencyTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";
    private static readonly string[] FirstNames = ["Amara", "Bastian", "Calla", "Dmitri", "Elowen", "Farid", "Greta", "Hiroshi", "Ines", "Jarrah", "Kalinda", "Lorcan", "Mireille", "Nnamdi", "Oksana", "Pavlo", "Quilla", "Rasmus", "Saoirse", "Tobiah"];
    private static readonly string[] LastNames = ["Abernathy", "Bjornstad", "Castellanos", "Dunleavy", "Esterhazy", "Fairclough", "Gallardo", "Hallstrom", "Iwasaki", "Jankowski", "Kowalczyk", "Lindqvist", "Montgomery", "Nakashima", "Okafor"];

    [RabbitMqFact]
    public async Task Duplicates_and_stale_versions_over_the_broker_leave_one_current_candidate_per_person()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);
        var people = FirstNames.SelectMany(f => LastNames.Select(l => $"{f} {l}")).ToList(); // 300 people
        var random = new Random(20261122);

        // Per source the publish order is v1, v2, then duplicates of v2 (~20%) and stale v1 rewrites (~5%);
        // sources are interleaved, and the worker consumes with several messages in flight.
        var perSource = people.Select((name, i) =>
        {
            var messages = new List<byte[]> { Body(i, 1, Content(name, i, "Quokkaearly")), Body(i, 2, Content(name, i, "Wombatfresh")) };
            if (random.NextDouble() < 0.20)
            {
                messages.Add(Body(i, 2, Content(name, i, "Wombatfresh")));
            }

            if (random.NextDouble() < 0.05)
            {
                messages.Add(Body(i, 1, Content(name, i, "Quokkastale")));
            }

            return new Queue<byte[]>(messages);
        }).ToList();
        var ordered = new List<byte[]>();
        while (perSource.Any(q => q.Count > 0))
        {
            var pending = perSource.Where(q => q.Count > 0).ToList();
            ordered.Add(pending[random.Next(pending.Count)].Dequeue());
        }

        Assert.InRange(ordered.Count, 600 + 40, 600 + 100);
        await broker.PublishOverAmqpAsync(vhost, Queue, ordered);

        var store = host.Get<CandidateStore>();
        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Wombatfresh") == people.Count, "every second version to be searchable");
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, Queue) == 0, "the document queue to drain");
        await host.WaitForIndexAsync();

        Assert.Equal(people.Count, await store.CountCandidatesAsync(CancellationToken.None));
        Assert.Equal(people.Count, host.Get<LiveIndex>().Current.Count);
        Assert.Equal(0, await host.SearchTotalAsync("Quokkastale"));
        Assert.Equal(0, await host.SearchTotalAsync("Quokkaearly"));
        for (var i = 0; i < people.Count; i++)
        {
            var state = await store.CheckSourceAsync(SourceId(i), 2, Hash(Content(people[i], i, "Wombatfresh")), CancellationToken.None);
            Assert.Equal(SourceState.Unchanged, state);
        }

        // MassTransit declares the error queue with the first fault: none means none faulted.
        Assert.True(await broker.QueueDepthAsync(vhost, Queue + "_error") is null or 0);
        Assert.Empty(await host.RejectedAsync());
    }

    private static string SourceId(int i) => $"ats:{i:D4}";

    private static string Content(string name, int i, string marker) =>
        Cvs.Markdown(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org", $"{marker} Diffusion Study Number {i}");

    private static byte[] Body(int i, long version, string content) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        sourceId = SourceId(i),
        version,
        contentType = "text/markdown",
        content,
    });

    // As DocumentIngestion hashes: content type, newline, content.
    private static string Hash(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("text/markdown\n" + content)));
}
