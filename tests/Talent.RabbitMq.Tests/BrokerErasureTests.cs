using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Talent.Server.Access;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// Erasure over RabbitMQ reaches the broker too: after a person is erased, their e-mail address and phone number are in
/// no file of the data folder (SQLite, its log, the index) and in no message of any queue, while everybody else's
/// messages in the error queue are still there, unchanged.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BrokerErasureTests(RabbitMqBroker broker)
{
    private const string Queue = "talent-profile-documents";
    private const string ErrorQueue = Queue + "_error";
    private const string Name = "Maren Osei-Lindgren";
    private const string Email = "maren.osei@erasure.example.org";
    private const string Phone = "+44 161 496 0732";

    /// <summary>The person's e-mail and phone as they may be written or stored (UTF-8 and UTF-16 in files).</summary>
    private static readonly string[] Needles = [Email, Email.ToUpperInvariant(), Phone, "161 496 0732", "441614960732", "01614960732"];

    [RabbitMqFact]
    public async Task Erasing_a_person_removes_their_messages_from_the_error_queue_and_every_file()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        await using var host = await BrokerTalentHost.StartAsync(broker, vhost);

        // The person's CV and homepage (merged by the shared address), published by a producer without MassTransit.
        await PublishAsync(vhost, "ats:maren", 1, "text/markdown", $"# {Name}\n\n{Email} · {Phone}\n\n## Publications\n\n- **Sparse Retrieval for Clinical Notes** {Name}, Ada Other **ACL 2024**\n");
        await PublishAsync(vhost, "web:maren", 1, "text/markdown", $"# {Name}\n\nContact: {Email}\n\n## Research interests\n\nClinical language models.\n");
        await BrokerTalentHost.WaitUntilAsync(async () => await host.SearchTotalAsync("Sparse") == 1, "the CV");
        var found = await host.Client.GetFromJsonAsync<JsonElement>("/api/search?q=Sparse");
        var id = Assert.Single(found.GetProperty("results").EnumerateArray()).GetProperty("id").GetInt64();
        var store = host.Get<CandidateStore>();
        await BrokerTalentHost.WaitUntilAsync(async () => (await store.GetCandidateAsync(id, CancellationToken.None))?.Sources.Count == 2, "the homepage merged with the CV");

        // Rejected documents that reach the error queue: a newer homepage that is no PDF (base64: nothing readable, only
        // its source id is the person's), a broken JSON resume, and a message that is not JSON at all; two of somebody else.
        await PublishAsync(vhost, "web:maren", 2, "application/pdf", Convert.ToBase64String(Encoding.UTF8.GetBytes($"not a PDF {Email} {Phone}")));
        await PublishAsync(vhost, "ats:maren-json", 1, "application/json", $"{{ \"basics\": {{ \"name\": \"{Name}\", \"email\": \"{Email}\", \"phone\": \"{Phone}\" ");
        await broker.PublishRawAsync(vhost, Queue, $"CV of {Name} <{Email}>, {Phone}: not JSON");
        await PublishAsync(vhost, "ats:other-json", 1, "application/json", "{ \"basics\": { \"name\": \"Bertram Achterberg\", \"email\": \"bertram@other.example.org\" ");
        await broker.PublishRawAsync(vhost, Queue, "bertram@other.example.org: not JSON either");
        await BrokerTalentHost.WaitUntilAsync(async () => await broker.QueueDepthAsync(vhost, ErrorQueue) == 5, "five messages in the error queue");
        Assert.Equal(3, (await host.RejectedAsync()).Count); // the two JSON resumes and the newer homepage

        // Recruiters look the person up by name, e-mail and phone.
        foreach (var query in new[] { Name, Email, Phone })
        {
            using var response = await host.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Get<AuditTrail>().FlushAsync(CancellationToken.None);
        await host.WaitForIndexAsync();
        var directory = host.Get<Microsoft.Extensions.Options.IOptions<Talent.Server.Configuration.DataOptions>>().Value.Directory;
        Assert.NotEmpty(FilesHolding(directory)); // the scans find the person while they are stored
        Assert.Equal(2, (await MessagesHoldingAsync(vhost)).Count);

        using (var response = await host.Client.DeleteAsync($"/api/candidates/{id}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // One removal per source: the person is gone with the last one, and each removal reaches the broker and the index.
        await BrokerTalentHost.WaitUntilAsync(
            async () => (await store.ErasureReportsAsync(id, CancellationToken.None)) is { Count: > 0 } reports
                && reports.Any(r => r.CandidateRemoved) && reports.All(r => r.Broker is not null && r.IndexPurged is not null),
            "every source's erasure to reach the broker and the index files");

        // A failed broker pass leaves its erasure pending (the row naming the person stays for the next start): say so first.
        Assert.All(await store.ErasureReportsAsync(id, CancellationToken.None), r => Assert.Null(r.BrokerFailure));
        Assert.Empty(FilesHolding(directory));
        Assert.Empty(await MessagesHoldingAsync(vhost));
        var left = await broker.PeekAsync(vhost, ErrorQueue);
        Assert.Equal(2, left.Count);
        Assert.All(left, m => Assert.Contains("bertram@other.example.org", Encoding.UTF8.GetString(m.Body), StringComparison.Ordinal));
        Assert.Contains(left, m => m.Headers.Contains("Talent-Rejected-Reason", StringComparison.Ordinal)); // put back with its headers
        Assert.Equal(["ats:other-json"], (await host.RejectedAsync()).Select(r => r.GetProperty("sourceId").GetString()));

        var reports = await store.ErasureReportsAsync(id, CancellationToken.None);
        // One pass per removal (the API removes a candidate source by source): the five messages read at least once, three removed.
        Assert.True(reports.Sum(r => r.BrokerExamined ?? 0) >= 5);
        Assert.Equal(3, reports.Sum(r => r.BrokerRemoved ?? 0));
        Assert.All(reports, r => Assert.Null(r.BrokerFailure));

        var (exit, stdout, stderr) = await SplitProcessTests.RunAsync(["--data", directory, "admin", "erasure-report", id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("the broker's error queues", stdout, StringComparison.Ordinal);
        Assert.Contains($"rabbitmq: {ErrorQueue}, {Queue}_skipped, CandidateRemovalRequested_error: {reports.Sum(r => r.BrokerExamined ?? 0)} messages read, 3 removed", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Osei", stdout, StringComparison.OrdinalIgnoreCase);
    }

    private Task PublishAsync(string vhost, string sourceId, long version, string contentType, string content) =>
        broker.PublishRawAsync(vhost, Queue, JsonSerializer.Serialize(new { sourceId, version, contentType, content }));

    /// <summary>"queue: body" of every message, in every queue of the virtual host, that holds the person's e-mail or phone.</summary>
    private async Task<List<string>> MessagesHoldingAsync(string vhost)
    {
        var holding = new List<string>();
        foreach (var queue in await broker.QueuesAsync(vhost))
        {
            foreach (var (body, headers) in await broker.PeekAsync(vhost, queue))
            {
                var text = Encoding.UTF8.GetString(body) + headers;
                if (Array.Exists(Needles, n => text.Contains(n, StringComparison.Ordinal)))
                {
                    holding.Add(queue + ": " + text);
                }
            }
        }

        return holding;
    }

    private static List<string> FilesHolding(string directory) => Talent.Tests.Storage.DataFolderScan.FilesHolding(directory, Needles);
}
