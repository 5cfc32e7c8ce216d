using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Server.Demo;

/// <summary>With <c>--demo</c>, publishes the bundled sample profiles through the bus on a first start (empty database).</summary>
public sealed class DemoLoader(
    IOptions<DemoOptions> options,
    CandidateStore store,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DemoLoader> logger) : IHostedService
{
    private const string Prefix = "Talent.Server.Demo.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await store.CountCandidatesAsync(cancellationToken) > 0)
        {
            return;
        }

        var documents = Documents();
        Log.DemoLoading(logger, documents.Count);
        var publish = (IPublishEndpoint)services.GetService(typeof(IPublishEndpoint))!; // registered by AddMassTransit
        foreach (var (name, content) in documents)
        {
            await publish.Publish(
                new ProfileDocumentSubmitted
                {
                    SourceId = "demo:" + name,
                    Version = 1,
                    ContentType = DocumentIngestion.ContentTypeForFile(name),
                    Content = content,
                    SubmittedAt = time.GetUtcNow(),
                },
                cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The bundled sample documents: file name and text.</summary>
    public static IReadOnlyList<(string Name, string Content)> Documents()
    {
        var assembly = typeof(DemoLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!; // listed just above
                using var reader = new StreamReader(stream);
                return (n[Prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }
}
