using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>Read replicas: nodes with their own queue on the same exchange, and their own SQLite and index, answer alike.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ReadReplicaTests(RabbitMqBroker broker)
{
    // MassTransit's exchange for the message type; each node's queue is bound to it.
    private const string DocumentExchange = "Talent.Contracts:ProfileDocumentSubmitted";
    private static readonly string[] FirstNames = ["Amara", "Bastian", "Calla", "Dmitri", "Elowen", "Farid", "Greta", "Hiroshi"];
    private static readonly string[] LastNames = ["Abernathy", "Bjornstad", "Castellanos", "Dunleavy", "Esterhazy"];
    private static readonly string[] Venues = ["NeurIPS 2023", "ICLR 2024", "CVPR 2022", "KDD 2021"];

    private static readonly string[] Queries =
    [
        "q=Wombatfresh", "q=Quokkaearly", "q=video%20generation", "q=diffusion%20models", "venue=ICLR", "venue=CVPR&q=diffusion",
        "q=%22Study%20Number%203%22", "topic=video%20generation", "",
    ];

    [RabbitMqFact]
    public async Task Two_nodes_with_their_own_queues_converge_to_identical_search_results_and_erase_alike()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var a = await BrokerTalentHost.StartAsync(broker, vhost, settings: Node("a"));
        await using var b = await BrokerTalentHost.StartAsync(broker, vhost, settings: Node("b"));
        var people = FirstNames.SelectMany(f => LastNames.Select(l => $"{f} {l}")).ToList(); // 40 people
        var random = new Random(20261123);

        // Published once, by a producer without MassTransit, to the exchange: a CV in two versions (with duplicates),
        // and for every other person a homepage that shares the CV's address, so the nodes have merges to agree on.
        var messages = new List<byte[]>();
        for (var i = 0; i < people.Count; i++)
        {
            messages.Add(Body($"ats:{i}", 1, Cv(people[i], i, "Quokkaearly")));
            messages.Add(Body($"ats:{i}", 2, Cv(people[i], i, "Wombatfresh")));
            if (random.NextDouble() < 0.3)
            {
                messages.Add(Body($"ats:{i}", 2, Cv(people[i], i, "Wombatfresh")));
            }

            if (i % 2 == 0)
            {
                messages.Add(Body($"web:{i}", 1, $"# Homepage\n\nContact: {Email(people[i])}\n\n## Publications\n\n- **Homepage Paper {i} on Diffusion Models** {people[i]}, Ada Other **{Venues[(i + 1) % Venues.Length]}**\n"));
            }
        }

        await broker.PublishToExchangeAsync(vhost, DocumentExchange, "", messages);

        foreach (var node in new[] { a, b })
        {
            await BrokerTalentHost.WaitUntilAsync(async () => await node.SearchTotalAsync("Wombatfresh") == people.Count && await node.SearchTotalAsync("Homepage") == people.Count / 2, "every document on every node");
        }

        foreach (var queue in new[] { "talent-profile-documents-a", "talent-profile-documents-b" })
        {
            await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, queue) == 0, queue + " to drain");
        }

        await a.WaitForIndexAsync();
        await b.WaitForIndexAsync();
        Assert.Equal(people.Count, await a.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
        await AssertSameAnswersAsync(a, b);

        // Erasure through one node's API reaches every node: it is published by source id, which both nodes share.
        var erased = await IdOfAsync(a, people[0]);
        using (var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/candidates/{erased}"))
        using (var response = await a.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        foreach (var node in new[] { a, b })
        {
            await BrokerTalentHost.WaitUntilAsync(async () => await node.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None) == people.Count - 1, "the erasure on every node");
            await node.WaitForIndexAsync();
            Assert.Equal(0, await node.SearchTotalAsync($"\"{people[0]}\""));
        }

        await AssertSameAnswersAsync(a, b);

        // A removal by candidate id would erase whoever has that id on each node: replicas refuse it to the error queue.
        var byId = await IdOfAsync(b, people[1]);
        await a.Get<MassTransit.IPublishEndpoint>().Publish(new Contracts.CandidateRemovalRequested { CandidateId = byId });
        foreach (var queue in new[] { "CandidateRemovalRequested-a_error", "CandidateRemovalRequested-b_error" })
        {
            await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, queue) == 1, "the refused removal in " + queue);
        }

        Assert.Equal(people.Count - 1, await a.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
        Assert.Equal(people.Count - 1, await b.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
        Assert.NotNull(await b.Get<CandidateStore>().GetCandidateAsync(byId, CancellationToken.None));
    }

    /// <summary>Same totals, same people, same facets, and each person's profile the same on both nodes (ids are each node's own).</summary>
    private static async Task AssertSameAnswersAsync(BrokerTalentHost a, BrokerTalentHost b)
    {
        foreach (var query in Queries)
        {
            var (left, right) = (await SearchAsync(a, query), await SearchAsync(b, query));
            Assert.Equal(left.GetProperty("total").GetInt32(), right.GetProperty("total").GetInt32());
            Assert.Equal(Names(left), Names(right));
            Assert.Equal(left.GetProperty("facets").GetRawText(), right.GetProperty("facets").GetRawText());
        }

        var everyone = await SearchAsync(a, "");
        foreach (var name in Names(everyone))
        {
            var (left, right) = (await ProfileAsync(a, name), await ProfileAsync(b, name));
            Assert.Equal(left, right);
        }
    }

    private static async Task<JsonElement> SearchAsync(BrokerTalentHost node, string query) =>
        await node.Client.GetFromJsonAsync<JsonElement>("/api/search?size=100&" + query);

    private static List<string> Names(JsonElement response) =>
        [.. response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString() ?? "").Order(StringComparer.Ordinal)];

    private static async Task<long> IdOfAsync(BrokerTalentHost node, string name)
    {
        var response = await SearchAsync(node, "q=" + Uri.EscapeDataString($"\"{name}\""));
        return response.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }

    /// <summary>A person's merged profile and source ids, without what each node numbers or times itself.</summary>
    private static async Task<string> ProfileAsync(BrokerTalentHost node, string name)
    {
        var candidate = await node.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{await IdOfAsync(node, name)}");
        var sources = candidate.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("sourceId").GetString()).Order(StringComparer.Ordinal);
        return candidate.GetProperty("profile").GetRawText() + " | " + string.Join(", ", sources);
    }

    /// <summary>A node's settings; the comparison sends hundreds of requests a second, beyond the default rate limit.</summary>
    private static Dictionary<string, string?> Node(string name) => new()
    {
        ["Talent:Bus:Node"] = name,
        ["Talent:Access:BurstLimit"] = "100000",
        ["Talent:Access:RequestsPerSecond"] = "100000",
    };

    private static string Email(string name) => $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org";

    private static string Cv(string name, int i, string marker) =>
        Cvs.Markdown(name, Email(name), $"{marker} Diffusion Study Number {i}", Venues[i % Venues.Length]);

    private static byte[] Body(string sourceId, long version, string content) =>
        JsonSerializer.SerializeToUtf8Bytes(new { sourceId, version, contentType = "text/markdown", content });
}
