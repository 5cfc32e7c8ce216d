using System.Text.Json;
using Talent.Server;

namespace Talent.RabbitMq.Tests;

/// <summary><c>talent worker</c> and <c>talent serve --role query</c> as separate hosts over one data folder.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class SplitRolesTests(RabbitMqBroker broker)
{
    [RabbitMqFact]
    public async Task Query_service_reads_what_a_separate_worker_writes_without_taking_the_index_lock()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        var data = BrokerTalentHost.NewDataDirectory();
        // The query service starts first: if it took the index writer's lock, the worker could not start.
        await using var query = await BrokerTalentHost.StartAsync(broker, vhost, TalentRoles.Query, data);
        await using var worker = await BrokerTalentHost.StartAsync(broker, vhost, TalentRoles.Worker, data);

        // A document submitted to the query service's HTTP API travels through the broker to the worker.
        using var submitted = await query.Client.PostAsync("/api/documents", JsonContent(new
        {
            sourceId = "split:1",
            version = 1,
            contentType = "text/markdown",
            content = Cvs.Markdown("Evangelina Thorsdottir", "evangelina@example.org", "Temporal Consistency in Generated Video"),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, submitted.StatusCode);
        await broker.PublishRawAsync(vhost, "talent-profile-documents", JsonSerializer.Serialize(new
        {
            sourceId = "split:2",
            version = 1,
            contentType = "text/markdown",
            content = Cvs.Markdown("Bartholomew Nakagawa-Reyes", "bartholomew@example.org", "Sequence Parallel Training at Scale"),
        }));

        await BrokerTalentHost.WaitUntilAsync(async () => await query.SearchTotalAsync("Thorsdottir") == 1, "the query service to see the first document");
        await BrokerTalentHost.WaitUntilAsync(async () => await query.SearchTotalAsync("Nakagawa") == 1, "the query service to see the second document");
        Assert.Equal(1, await worker.SearchTotalAsync("Thorsdottir"));
        // The queues the README documents.
        Assert.NotNull(await broker.QueueDepthAsync(vhost, "talent-profile-documents"));
        Assert.NotNull(await broker.QueueDepthAsync(vhost, "CandidateRemovalRequested"));
        using var ready = await query.Client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
