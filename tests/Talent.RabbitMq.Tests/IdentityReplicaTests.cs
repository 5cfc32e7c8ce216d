using System.Text.Json;
using Talent.Storage;
using Talent.Tests.Identity;

namespace Talent.RabbitMq.Tests;

/// <summary>Two read replicas fed the same co-author network in different orders reach the same people (issue 17).</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class IdentityReplicaTests(RabbitMqBroker broker)
{
    [RabbitMqFact]
    public async Task Replicas_fed_a_coauthor_network_in_different_orders_group_it_into_the_same_people()
    {
        var network = new CoauthorNetwork(seed: 1717);
        var vhost = await broker.CreateVirtualHostAsync();
        await using var a = await BrokerTalentHost.StartAsync(broker, vhost, settings: new Dictionary<string, string?> { ["Talent:Bus:Node"] = "a" });
        await using var b = await BrokerTalentHost.StartAsync(broker, vhost, settings: new Dictionary<string, string?> { ["Talent:Bus:Node"] = "b" });
        var random = new Random(17);
        var bodies = network.Documents.Select(d => JsonSerializer.SerializeToUtf8Bytes(new { sourceId = d.SourceId, version = 1, contentType = "text/markdown", content = d.Markdown })).ToList();

        // Each node's own queue, each in its own random order.
        await broker.PublishOverAmqpAsync(vhost, "talent-profile-documents-a", bodies.OrderBy(_ => random.Next()).ToList());
        await broker.PublishOverAmqpAsync(vhost, "talent-profile-documents-b", bodies.OrderBy(_ => random.Next()).ToList());
        foreach (var node in new[] { a, b })
        {
            await BrokerTalentHost.WaitUntilAsync(
                async () => await node.Get<CandidateStore>().CountSourcesAsync(CancellationToken.None) == bodies.Count, "every document on every node");
            await node.WaitForIndexAsync();
        }

        var truth = CoauthorNetworkTruth(network);
        Assert.Equal(network.People, await a.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
        Assert.Equal(truth, Grouping(a));
        Assert.Equal(truth, Grouping(b));
    }

    private static List<string> Grouping(BrokerTalentHost node) =>
        node.Get<CandidateStore>().StreamCandidates(CancellationToken.None)
            .Select(c => string.Join(' ', c.ReadProfile().SourceIds.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> CoauthorNetworkTruth(CoauthorNetwork network) =>
        network.Documents.GroupBy(d => d.Person).Select(g => string.Join(' ', g.Select(d => d.SourceId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
}
