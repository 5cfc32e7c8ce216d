using System.Text;
using System.Text.Json;

namespace Talent.RabbitMq.Tests;

/// <summary>A message without the JSON content type is handled: read as plain JSON, or listed as rejected with its reason.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ContentTypeTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";

    [RabbitMqFact]
    public async Task A_message_without_a_content_type_is_ingested_and_one_with_a_foreign_type_is_listed_as_rejected()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);

        await broker.PublishOverAmqpAsync(vhost, Queue, Body("ct:none", "Ottoline Vasquez-Brennan", "ottoline@example.org"), contentType: null);
        await broker.PublishOverAmqpAsync(vhost, Queue, Body("ct:plain", "Leopold Haverkamp-Osei", "leopold@example.org"), contentType: "text/plain");

        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Vasquez") == 1, "the document without a content type");
        await BrokerTalentHost.WaitUntilAsync(
            async () => await host.SearchTotalAsync("Haverkamp") == 1 || (await host.RejectedAsync()).Any(r => r.GetProperty("sourceId").GetString() == "ct:plain"),
            "the document with a text/plain message content type, ingested or listed as rejected");
        if (await host.SearchTotalAsync("Haverkamp") == 0)
        {
            var reason = (await host.RejectedAsync()).Single(r => r.GetProperty("sourceId").GetString() == "ct:plain").GetProperty("reason").GetString();
            Assert.Contains("content type", reason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await host.RejectedAsync(), r => r.GetProperty("sourceId").GetString() == "ct:none");
    }

    private static byte[] Body(string sourceId, string name, string email) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { sourceId, version = 1, contentType = "text/markdown", content = Cvs.Markdown(name, email, "Content Types Considered Harmful") }));
}
