using System.Text.Json;

namespace Talent.RabbitMq.Tests;

/// <summary>Messages that can never be processed end in the error queue; the worker keeps consuming.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class MalformedMessageTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";
    private const string ErrorQueue = "talent-profile-documents_error";

    [RabbitMqFact]
    public async Task Malformed_messages_go_to_the_error_queue_and_a_good_document_after_them_is_ingested()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);

        await broker.PublishRawAsync(vhost, Queue, "this is not JSON {");
        await broker.PublishRawAsync(vhost, Queue, """{"sourceId":"bad:version","version":"abc","contentType":"text/markdown","content":"# Someone"}""");
        await broker.PublishRawAsync(vhost, Queue, """{"sourceId":"bad:no-content","version":1,"contentType":"text/markdown"}""");
        await broker.PublishOverAmqpAsync(vhost, Queue, JsonSerializer.SerializeToUtf8Bytes(new
        {
            sourceId = "bad:huge",
            version = 1,
            contentType = "text/markdown",
            content = Cvs.Markdown("Huge Person", "huge@example.org", "Enormous Paper") + new string('x', 20 * 1024 * 1024),
        }));
        await broker.PublishRawAsync(vhost, Queue, JsonSerializer.Serialize(new
        {
            sourceId = "good:after",
            version = 1,
            contentType = "text/markdown",
            content = Cvs.Markdown("Philippa Okonkwo-Lindqvist", "philippa@example.org", "Sparse Attention for Long Video"),
        }));

        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Okonkwo") == 1, "the good document after the malformed ones");
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, ErrorQueue) == 4, "four messages in the error queue");

        var rejected = (await host.RejectedAsync()).ToDictionary(r => r.GetProperty("sourceId").GetString()!, r => r.GetProperty("reason").GetString()!, StringComparer.Ordinal);
        Assert.Contains("unreadable message", rejected["bad:version"], StringComparison.Ordinal);
        Assert.Contains("missing content", rejected["bad:no-content"], StringComparison.Ordinal);
        Assert.Contains("MB limit", rejected["bad:huge"], StringComparison.Ordinal);
        Assert.DoesNotContain("good:after", rejected.Keys);
        Assert.Equal(0, await host.SearchTotalAsync("Enormous"));
        Assert.Equal(4, await broker.QueueDepthAsync(vhost, ErrorQueue));
        Assert.Equal(0, await broker.QueueDepthAsync(vhost, Queue));
    }
}
