using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary><c>talent ingest PATH…</c>: submits files and folders through the bus and reports what became of each.</summary>
internal static class IngestCommand
{
    // Documents in flight at once: the worker stores what arrives together in one transaction.
    private const int Parallelism = 16;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders of profile documents", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Submit files/folders as ProfileDocumentSubmitted and report accepted / unchanged / merged / rejected") { paths };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = CliSettings.Overrides(parseResult, LogLevel.Warning);
            // Rejections are reported below, one line each; the worker's own warning would repeat them.
            overrides["Logging:LogLevel:Talent.Server.Ingestion"] = nameof(LogLevel.Error);
            using var host = WorkerHost.Build(overrides);
            using var stop = host.StopsWith(cancellationToken);
            var local = await WorkerHost.TryStartAsync(host, stop.Token);
            using var server = local ? null : RunningServer.Find(CliSettings.Configuration(parseResult));
            // A talent worker holds the folder: the documents go to it through its broker, each answered with its outcome.
            using var worker = local || server is not null ? null : WorkerHost.ForRunningWorker(parseResult, overrides, "talent ingest");
            if (server is not null)
            {
                Console.Error.WriteLine($"a talent server at {server.Address} holds this data folder; documents go to it");
            }
            else if (worker is not null)
            {
                Console.Error.WriteLine("a talent worker holds this data folder; documents go to it through the broker");
                await WorkerHost.StartBrokerClientAsync(worker, stop.Token);
            }

            var submit = server is not null
                ? ServerSubmitter(server)
                : LocalSubmitter((worker ?? host).Get<IRequestClient<ProfileDocumentSubmitted>>());

            var maxBytes = host.Get<IOptions<IngestionOptions>>().Value.MaxDocumentBytes;
            var results = new List<(string Path, string Outcome, string? Reason)>();
            var files = Expand(parseResult.GetValue(paths) ?? [], results);
            var progress = new ProgressLine(files.Count, "documents");
            var submitted = 0;
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stop.Token }, async (file, ct) =>
                {
                    var result = await SubmitAsync(file, maxBytes, submit, ct);
                    lock (results)
                    {
                        results.Add(result);
                        submitted++;
                        progress.Advance();
                    }
                });
                progress.Done();
                if (local)
                {
                    await host.Get<IndexSynchronizer>().WaitForCatchUpAsync(stop.Token);
                    await host.StopAsync(CancellationToken.None);
                }
                else if (worker is not null)
                {
                    await worker.StopAsync(CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                throw new WorkException($"ingest interrupted after {submitted} of {files.Count} documents; those are stored (ingest again to go on: unchanged documents are skipped)");
            }

            return Report(results);
        });
        return command;
    }

    /// <summary>Files under the given paths, in a stable order; paths that do not exist are reported, not fatal.</summary>
    private static List<string> Expand(string[] paths, List<(string Path, string Outcome, string? Reason)> results)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                results.Add((path, StoreOutcome.Rejected, "no such file or folder"));
            }
        }

        return files;
    }

    private const string Submitted = "submitted";

    /// <summary>Sends a document as a request on the bus (in process, or through the broker) and waits for the worker's outcome.</summary>
    private static Func<ProfileDocumentSubmitted, CancellationToken, Task<(string Outcome, string? Reason)>> LocalSubmitter(IRequestClient<ProfileDocumentSubmitted> client) =>
        async (message, cancellationToken) =>
        {
            var response = await client.GetResponse<ProfileDocumentProcessed>(message, cancellationToken);
            return (response.Message.Outcome ?? StoreOutcome.Rejected, response.Message.Reason);
        };

    /// <summary>Hands a document to the running server; its worker ingests it asynchronously.</summary>
    private static Func<ProfileDocumentSubmitted, CancellationToken, Task<(string Outcome, string? Reason)>> ServerSubmitter(RunningServer server) =>
        async (message, cancellationToken) =>
        {
            using var response = await server.PostAsync("/api/documents", message, cancellationToken);
            return response.IsSuccessStatusCode
                ? (Submitted, null)
                : (StoreOutcome.Rejected, $"the server answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        };

    private static async Task<(string Path, string Outcome, string? Reason)> SubmitAsync(
        string file, int maxBytes, Func<ProfileDocumentSubmitted, CancellationToken, Task<(string Outcome, string? Reason)>> submit, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (info.Length > maxBytes)
        {
            return (file, StoreOutcome.Rejected, $"file is {info.Length / 1048576.0:0.0} MB, over the {maxBytes / 1048576.0:0.#} MB limit");
        }

        string contentType, content;
        try
        {
            // The format table decides: a PDF or DOCX (by its first bytes, else its extension) travels base64-encoded.
            (contentType, content) = DocumentText.ForMessage(file, await File.ReadAllBytesAsync(file, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (file, StoreOutcome.Rejected, $"cannot read: {e.Message}");
        }

        var (outcome, reason) = await submit(
            new ProfileDocumentSubmitted
            {
                SourceId = new Uri(Path.GetFullPath(file)).AbsoluteUri,
                Version = new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds(),
                ContentType = contentType,
                Content = content,
                Uri = new Uri(Path.GetFullPath(file)).AbsoluteUri,
                SubmittedAt = DateTimeOffset.UtcNow,
            },
            cancellationToken);
        return (file, outcome, reason);
    }

    private static int Report(List<(string Path, string Outcome, string? Reason)> results)
    {
        foreach (var (path, _, reason) in results.Where(r => r.Outcome == StoreOutcome.Rejected).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"rejected {path}: {reason}");
        }

        int Count(string outcome) => results.Count(r => r.Outcome == outcome);
        if (Count(Submitted) > 0)
        {
            Console.WriteLine($"submitted {Count(Submitted)} to the running server (see talent admin rejected for documents it rejects)");
        }

        Console.WriteLine(
            $"accepted {Count(StoreOutcome.Accepted)}, merged {Count(StoreOutcome.Merged)}, unchanged {Count(StoreOutcome.Unchanged)}, " +
            $"stale {Count(StoreOutcome.Stale)}, rejected {Count(StoreOutcome.Rejected)}");
        return Count(StoreOutcome.Rejected) > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
