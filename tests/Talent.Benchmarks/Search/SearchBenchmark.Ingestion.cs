using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Talent.Benchmarks.Corpus;
using Talent.Benchmarks.Ingest;
using Talent.Contracts;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Benchmarks.Search;

/// <summary>
/// The corpus ingested through the real worker path before anything is measured, at most
/// <see cref="IngestInFlight"/> documents in flight.
/// </summary>
internal static partial class SearchBenchmark
{
    /// <summary>Documents in flight while ingesting: enough to keep the worker's batches full.</summary>
    private const int IngestInFlight = 1024;

    /// <summary>
    /// Every document of the first <paramref name="people"/> people through the real worker path (bus → extraction → identity
    /// → SQLite → index), published as an upstream system would, with at most <see cref="IngestInFlight"/> documents published
    /// and not yet done (the in-memory bus buffers without limit).
    /// </summary>
    private static async Task<TimeSpan> IngestAsync(IServiceProvider services, SyntheticCorpus corpus, int people, int documents)
    {
        var publish = services.GetRequiredService<IPublishEndpoint>();
        var consumed = ConsumedDocuments.ConnectTo(services.GetRequiredService<IBus>());
        var clock = Stopwatch.StartNew();
        var reportEvery = Math.Max(1000, documents / 20);
        var nextReport = reportEvery;
        var published = 0;
        for (var next = 0; next < people;)
        {
            var chunk = Enumerable.Range(next, Math.Min(IngestInFlight / 4, people - next)).SelectMany(corpus.Documents).ToList();
            await Task.WhenAll(chunk.Select(d => publish.Publish(
                new ProfileDocumentSubmitted { SourceId = d.SourceId, Version = 1, ContentType = d.ContentType, Content = d.Content })));
            next += IngestInFlight / 4;
            published += chunk.Count;
            await consumed.WaitForAsync(published - IngestInFlight, CancellationToken.None);
            if (consumed.Count >= nextReport)
            {
                Console.Error.WriteLine($"ingested {consumed.Count}/{documents} documents ({consumed.Count / clock.Elapsed.TotalSeconds:0}/s)");
                nextReport += reportEvery;
            }
        }

        await consumed.WaitForAsync(documents, CancellationToken.None);
        if (consumed.Faulted > 0)
        {
            throw new InvalidOperationException($"{consumed.Faulted} documents failed");
        }

        await services.GetRequiredService<IndexSynchronizer>().WaitForCatchUpAsync(CancellationToken.None);
        var rejected = await services.GetRequiredService<CandidateStore>().ListRejectedAsync(5, CancellationToken.None);
        if (rejected.Count > 0)
        {
            throw new InvalidOperationException($"synthetic documents were rejected, e.g. {rejected[0].SourceId}: {rejected[0].Reason}");
        }

        return clock.Elapsed;
    }
}
