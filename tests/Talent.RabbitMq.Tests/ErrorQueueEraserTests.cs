using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Talent.Profiles;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// An erasure's pass over the error queues: it removes the erased person's messages and nothing else, and messages that
/// arrive while it runs are neither lost nor doubled.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ErrorQueueEraserTests(RabbitMqBroker broker)
{
    private const string ErrorQueue = "talent-profile-documents_error";

    private static readonly ErasedPerson Maren = new(
        PersonTraces.Of([new ExtractedProfile { Name = "Maren Osei-Lindgren", Emails = ["maren.osei@erasure.example.org"], Phones = ["+44 161 496 0732"], Homepages = ["https://maren.example.net/"] }]),
        ["web:maren"]);

    [RabbitMqFact]
    public async Task Messages_arriving_during_a_pass_are_kept_once_and_the_persons_are_removed()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await broker.DeclareQueueAsync(vhost, ErrorQueue);
        // 300 messages, every third the person's (by e-mail, phone or source id in turn).
        var before = Enumerable.Range(0, 300).Select(i => Body($"ats:{i}", i % 3 != 0 ? $"someone-{i}@other.example.org" : (i / 3 % 3) switch
        {
            0 => "Write to maren.osei@erasure.example.org",
            1 => "Phone: 0161 496 0732",
            _ => "see the homepage", // only the source id is the person's

        }, sourceOverride: i % 9 == 6 ? "web:maren" : null)).ToList();
        await broker.PublishOverAmqpAsync(vhost, ErrorQueue, before);

        var eraser = new ErrorQueueEraser(
            Options.Create(new BusOptions { Transport = "rabbitmq", RabbitMqUrl = broker.AmqpUrl(vhost) }), NullLogger<ErrorQueueEraser>.Instance);
        var pass = eraser.EraseAsync([Maren], CancellationToken.None);
        var late = Enumerable.Range(0, 100).Select(i => Body($"late:{i}", $"late-{i}@other.example.org")).ToList();
        await broker.PublishOverAmqpAsync(vhost, ErrorQueue, late);
        var result = await pass;

        Assert.Null(result.Failure);
        // The pass reads the depth it found when it began (300, and the late ones already in by then), no more.
        Assert.InRange(result.Examined, 300, 400);
        Assert.Equal(100, result.Removed);
        var left = (await broker.PeekAsync(vhost, ErrorQueue)).Select(m => SourceOf(m.Body)).ToList();
        var expected = Enumerable.Range(0, 300).Where(i => i % 3 != 0).Select(i => $"ats:{i}").Concat(Enumerable.Range(0, 100).Select(i => $"late:{i}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"sourceId":"ats:1","content":"Maren Osei-Lindgren, maren.osei@erasure.example.org"}""", true)]
    [InlineData("""{"message":{"sourceId":"ats:1","content":"tel. \u002B44 161 496 0732"}}""", true)] // a MassTransit envelope, '+' escaped
    [InlineData("""{"message":{"content":"MAREN.OSEI\u0040ERASURE.EXAMPLE.ORG"}}""", true)] // escapes undone, any case
    [InlineData("""{"sourceId":"web:maren","contentType":"application/pdf","content":"JVBERi0xLjcK"}""", true)] // only the source id is theirs
    [InlineData("""{"sourceId":" web:maren ","content":""}""", true)]
    [InlineData("not JSON: call 0161 496 0732", true)]
    [InlineData("""{"content":"see https://maren.example.net/cv"}""", true)]
    [InlineData("""{"sourceId":"web:maren-2","content":"Maren Osei-Lindgren"}""", false)] // a name alone is anybody's
    [InlineData("""{"sourceId":"ats:2","content":"someone@other.example.org, 0161 496 07"}""", false)]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[""", false)]
    public void A_message_is_the_persons_by_source_id_or_contact_detail(string body, bool holds) =>
        Assert.Equal(holds, ErrorQueueEraser.Holds(Encoding.UTF8.GetBytes(body), [Maren]));

    private static byte[] Body(string sourceId, string content, string? sourceOverride = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { message = new { sourceId = sourceOverride ?? sourceId, contentType = "text/markdown", content }, id = sourceId });

    private static string SourceOf(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString() ?? "";
    }
}
