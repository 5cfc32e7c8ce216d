using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Server.Demo;

/// <summary>
/// With <c>--demo</c>, ingests the bundled sample profiles on a first start. All or nothing: nothing is written until
/// the process has fully started (its listener bound), so a start that fails writes nothing; the load is complete when
/// every sample is stored, which <c>demo-loaded</c> in the data folder records. A load cut short (the process stopped
/// half-way) is resumed on the next start, which says so. Until the load has ended the service does not report
/// itself ready (<see cref="Health.ServiceReadiness"/>), and a search or match answered meanwhile says the demo is still
/// loading and how far it got, so a first search never meets a half-filled index unannounced.
/// </summary>
public sealed partial class DemoLoader(
    IOptions<DemoOptions> options,
    IOptions<DataOptions> data,
    CandidateStore store,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DemoLoader> logger) : IHostedService, IDisposable
{
    private const string Prefix = "Talent.Server.Demo.";

    /// <summary>File in the data folder that records a complete demo load.</summary>
    public const string LoadedFile = "demo-loaded";

    private readonly CancellationTokenSource stopping = new();
    private Task loading = Task.CompletedTask;
    private volatile bool pending;
    private int stored;
    private int total;

    /// <summary>True from a start that loads the samples until the load has ended (complete, failed or stopped).</summary>
    public bool Pending => pending;

    /// <summary>While <see cref="Pending"/>, how far the load got ("demo profiles still loading: 2 of 5 stored"); null once it has ended.</summary>
    public string? Progress
    {
        get
        {
            if (!pending)
            {
                return null;
            }

            var (done, all) = (Volatile.Read(ref stored), Volatile.Read(ref total));
            return all == 0 ? "demo profiles still loading"
                : done < all ? $"demo profiles still loading: {done} of {all} stored"
                : $"demo profiles still loading: all {all} stored, the index catching up";
        }
    }

    private string LoadedPath => Path.Combine(Path.GetFullPath(data.Value.Directory), LoadedFile);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && !File.Exists(LoadedPath))
        {
            pending = true;
            lifetime.ApplicationStarted.Register(() => loading = LoadAsync(stopping.Token));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loading;
    }

    public void Dispose() => stopping.Dispose();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var documents = Documents();
            var missing = new List<(string Name, string Content)>();
            foreach (var document in documents)
            {
                if (await store.CheckSourceAsync(SourceId(document.Name), 1, "", cancellationToken) == SourceState.New)
                {
                    missing.Add(document);
                }
            }

            if (missing.Count == documents.Count && await store.CountCandidatesAsync(cancellationToken) > 0)
            {
                // The folder holds the user's own documents: not a first start, and no samples are mixed in.
                return;
            }

            if (missing.Count < documents.Count)
            {
                DemoResuming(logger, missing.Count, documents.Count);
            }
            else
            {
                DemoLoading(logger, documents.Count);
            }

            Volatile.Write(ref stored, documents.Count - missing.Count);
            Volatile.Write(ref total, documents.Count);
            await IngestAsync(missing, cancellationToken);
            await WaitUntilSearchableAsync(cancellationToken);
            await File.WriteAllTextAsync(LoadedPath, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            DemoLoaded(logger, documents.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped half-way: the next start resumes the load.
        }
        catch (RequestTimeoutException e)
        {
            DemoFailed(logger, e);
        }
        finally
        {
            pending = false;
        }
    }

    /// <summary>Ingests each sample and waits for its outcome, so the load is recorded complete only when every one is stored.</summary>
    private async Task IngestAsync(List<(string Name, string Content)> documents, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<ProfileDocumentSubmitted>>();
        foreach (var (name, content) in documents)
        {
            await client.GetResponse<ProfileDocumentProcessed>(
                new ProfileDocumentSubmitted
                {
                    SourceId = SourceId(name),
                    Version = 1,
                    ContentType = DocumentIngestion.ContentTypeForFile(name),
                    Content = content,
                    SubmittedAt = time.GetUtcNow(),
                },
                cancellationToken);
            Interlocked.Increment(ref stored);
        }
    }

    /// <summary>Waits for this process's index to hold every stored change (a query-only process has no index writer to wait for).</summary>
    private async Task WaitUntilSearchableAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IndexSynchronizer>() is not { } synchronizer)
        {
            return;
        }

        var last = await store.LastSequenceAsync(cancellationToken);
        while (synchronizer.AppliedSequence < last)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    private static string SourceId(string name) => "demo:" + name;

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

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Loading {Count} demo profiles")]
    private static partial void DemoLoading(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Resuming the demo load cut short by an earlier start: {Missing} of {Count} demo profiles still to load")]
    private static partial void DemoResuming(ILogger logger, int missing, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Demo loaded: {Count} sample profiles")]
    private static partial void DemoLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Demo load did not finish; the next start resumes it")]
    private static partial void DemoFailed(ILogger logger, Exception exception);
}
