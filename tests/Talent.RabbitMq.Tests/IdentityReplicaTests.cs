using System.Net.Http.Json;
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

    [RabbitMqFact]
    public async Task A_merge_and_a_split_decided_on_one_replica_hold_on_the_other()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var a = await BrokerTalentHost.StartAsync(broker, vhost, settings: new Dictionary<string, string?> { ["Talent:Bus:Node"] = "a" });
        await using var b = await BrokerTalentHost.StartAsync(broker, vhost, settings: new Dictionary<string, string?> { ["Talent:Bus:Node"] = "b" });
        // Two documents the rules keep apart (other names, other addresses) that a person knows are one researcher's.
        var bodies = new[]
        {
            JsonSerializer.SerializeToUtf8Bytes(new { sourceId = "cv:ana", version = 1, contentType = "text/markdown", content = Cvs.Markdown("Ana Lima", "ana@example.org", "Sparse Attention Kernels") }),
            JsonSerializer.SerializeToUtf8Bytes(new { sourceId = "web:a-lima", version = 1, contentType = "text/markdown", content = Cvs.Markdown("Ana Lima-Santos", "lima@lab.example.net", "Graph Partitioning at Scale") }),
        };
        foreach (var (node, queue) in new[] { (a, "talent-profile-documents-a"), (b, "talent-profile-documents-b") })
        {
            await broker.PublishOverAmqpAsync(vhost, queue, bodies);
            await BrokerTalentHost.WaitUntilAsync(async () => await node.Get<CandidateStore>().CountSourcesAsync(CancellationToken.None) == 2, "both documents on " + queue);
        }

        Assert.Equal(["cv:ana", "web:a-lima"], Grouping(a));
        Assert.Equal(["cv:ana", "web:a-lima"], Grouping(b));

        // Merged on node a over HTTP: node b records the decision and joins the two as well.
        var ids = a.Get<CandidateStore>().StreamCandidates(CancellationToken.None).Select(c => c.Id).ToList();
        using (var merge = await a.Client.PostAsJsonAsync($"/api/candidates/{ids[0]}/merge", new { with = ids[1] }))
        {
            Assert.True(merge.IsSuccessStatusCode, await merge.Content.ReadAsStringAsync());
        }

        await BrokerTalentHost.WaitUntilAsync(() => Task.FromResult(Grouping(b).Count == 1), "the merge on node b");
        Assert.Equal(["cv:ana web:a-lima"], Grouping(a));
        Assert.Equal(["cv:ana web:a-lima"], Grouping(b));
        var identity = await b.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{b.Get<CandidateStore>().StreamCandidates(CancellationToken.None).Single().Id}/identity");
        var decided = identity.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("strength").GetString() == "manual").ToList();
        Assert.Single(decided);
        Assert.False(string.IsNullOrEmpty(decided[0].GetProperty("decidedBy").GetString()));

        // Split again on node b: node a follows, and holds each decision once (its own merge was not recorded twice).
        var joined = b.Get<CandidateStore>().StreamCandidates(CancellationToken.None).Single().Id;
        using (var split = await b.Client.PostAsJsonAsync($"/api/candidates/{joined}/split", new { sources = new[] { "web:a-lima" } }))
        {
            Assert.True(split.IsSuccessStatusCode, await split.Content.ReadAsStringAsync());
        }

        await BrokerTalentHost.WaitUntilAsync(() => Task.FromResult(Grouping(a).Count == 2), "the split on node a");
        Assert.Equal(["cv:ana", "web:a-lima"], Grouping(a));
        Assert.Equal(["cv:ana", "web:a-lima"], Grouping(b));
        foreach (var node in new[] { a, b })
        {
            var candidate = node.Get<CandidateStore>().StreamCandidates(CancellationToken.None).First().Id;
            var links = (await node.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{candidate}/identity")).GetProperty("links");
            Assert.Equal(2, links.EnumerateArray().Count(l => l.GetProperty("strength").GetString() == "manual")); // the merge, then the split
        }
    }

    private static List<string> Grouping(BrokerTalentHost node) =>
        node.Get<CandidateStore>().StreamCandidates(CancellationToken.None)
            .Select(c => string.Join(' ', c.ReadProfile().SourceIds.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> CoauthorNetworkTruth(CoauthorNetwork network) =>
        network.Documents.GroupBy(d => d.Person).Select(g => string.Join(' ', g.Select(d => d.SourceId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
}
