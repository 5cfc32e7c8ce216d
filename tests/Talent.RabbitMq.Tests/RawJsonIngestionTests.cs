using System.Text.Json;
using MassTransit;
using Talent.Contracts;

namespace Talent.RabbitMq.Tests;

/// <summary>A producer without MassTransit publishes plain JSON to the document queue.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RawJsonIngestionTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";

    [RabbitMqFact]
    public async Task Plain_json_published_through_the_management_api_becomes_searchable()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);
        var body = JsonSerializer.Serialize(new
        {
            sourceId = "ats:4711",
            version = 3,
            contentType = "text/markdown",
            content = Cvs.Markdown("Quirinus Zabriskie", "quirinus@example.org", "Pyramid Flux Broadcasting for Video Diffusion"),
        });

        await broker.PublishRawAsync(vhost, Queue, body);

        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Zabriskie") == 1, "the raw JSON document to become searchable");
        var details = await host.Client.GetStringAsync("/api/search?q=Zabriskie");
        Assert.Contains("Quirinus Zabriskie", details, StringComparison.Ordinal);
    }

    /// <summary>A PDF from a producer without MassTransit: its bytes in base64 in <c>content</c>, over RabbitMQ's own client.</summary>
    [RabbitMqFact]
    public async Task A_pdf_published_as_plain_json_by_another_producer_is_ingested()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            sourceId = "ats:pdf-1",
            version = 1,
            contentType = "application/pdf",
            content = Convert.ToBase64String(PrintedCv("Ludovica Abernathy-Szabo", "ludovica@example.org")),
        });

        await broker.PublishOverAmqpAsync(vhost, Queue, body);

        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Abernathy") == 1, "the PDF to become searchable");
        var found = await host.Client.GetStringAsync("/api/search?q=Abernathy");
        Assert.Contains("Ludovica Abernathy-Szabo", found, StringComparison.Ordinal);
        Assert.Equal(1, await host.SearchTotalAsync("Yale"));
        Assert.Empty(await host.RejectedAsync());
    }

    private static byte[] PrintedCv(string name, string email)
    {
        using var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.HelveticaBold);
        var page = builder.AddPage(595, 842);
        page.AddText(name, 22, new UglyToad.PdfPig.Core.PdfPoint(60, 780), bold);
        page.AddText(email, 10, new UglyToad.PdfPig.Core.PdfPoint(60, 750), regular);
        page.AddText("Education", 13, new UglyToad.PdfPig.Core.PdfPoint(60, 710), bold);
        page.AddText("Ph.D. in Mathematics, Yale University, 2015 - 2020", 10, new UglyToad.PdfPig.Core.PdfPoint(60, 690), regular);
        return builder.Build();
    }

    [RabbitMqFact]
    public async Task MassTransit_requests_over_the_broker_still_get_their_outcome()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);
        var client = host.Get<IRequestClient<ProfileDocumentSubmitted>>();

        var accepted = await client.GetResponse<ProfileDocumentProcessed>(new ProfileDocumentSubmitted
        {
            SourceId = "mt:1",
            Version = 1,
            ContentType = "text/markdown",
            Content = Cvs.Markdown("Ottoline Vasquez-Brennan", "ottoline@example.org", "Latent Motion Priors"),
        });
        var rejected = await client.GetResponse<ProfileDocumentProcessed>(new ProfileDocumentSubmitted
        {
            SourceId = "mt:2",
            Version = 1,
            ContentType = "application/pdf",
            Content = "%PDF-1.4",
        });

        Assert.Equal("accepted", accepted.Message.Outcome);
        Assert.Equal("rejected", rejected.Message.Outcome);
        Assert.Contains("base64", rejected.Message.Reason, StringComparison.Ordinal);
        await host.WaitForIndexAsync();
        Assert.Equal(1, await host.SearchTotalAsync("Vasquez"));
        // The requester was told; a rejection only published (nobody to tell) goes to the error queue.
        await host.Get<IPublishEndpoint>().Publish(new ProfileDocumentSubmitted
        {
            SourceId = "mt:3",
            Version = 1,
            ContentType = "text/markdown",
            Content = "",
        });
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, Queue + "_error") == 1, "the published rejection in the error queue");
        var rejections = await host.RejectedAsync();
        Assert.Equal(new[] { "mt:2", "mt:3" }, rejections.Select(r => r.GetProperty("sourceId").GetString() ?? "").Order(StringComparer.Ordinal).ToArray());
    }
}
