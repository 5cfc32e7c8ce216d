using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Talent.Contracts;
using Talent.Profiles.Documents;
using Talent.Server.Configuration;
using Talent.Server.Embeddings;
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
        var uri = new Option<Uri?>("--uri")
        {
            Description = "The web address one file was published at (a homepage, a repository's page); identity links documents of one personal site",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
                ? address
                : Fail(result, $"--uri expects an http or https address, not '{result.Tokens.Single().Value}'"),
        };
        var noEmbed = new Option<bool>("--no-embed")
        {
            Description = "Leave the stored candidates' sentence vectors to talent admin embed or a worker instead of computing them after the documents (when this process does the work)",
        };
        var command = new Command("ingest", "Submit files/folders as ProfileDocumentSubmitted and report accepted / unchanged / merged / rejected; then compute the new candidates' sentence vectors") { paths, uri, noEmbed };
        command.Validators.Add(result =>
        {
            if (result.GetResult(uri) is not null && (result.GetValue(paths) is not [var one] || !File.Exists(one)))
            {
                result.AddError("--uri is one document's address: give it with one file");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (exit, local) = await IngestAsync(parseResult, parseResult.GetValue(paths) ?? [], parseResult.GetValue(uri), cancellationToken);
            if (local && EmbeddingServices.IsEnabled(CliSettings.Configuration(parseResult)))
            {
                if (parseResult.GetValue(noEmbed))
                {
                    await SayWaitingForVectorsAsync(parseResult, cancellationToken);
                }
                else
                {
                    await EmbedAsync(parseResult, cancellationToken);
                }
            }

            return exit;
        });
        return command;
    }

    /// <summary>Submits every file to whoever holds the data folder and reports each outcome; says whether this process did the work.</summary>
    private static async Task<(int Exit, bool Local)> IngestAsync(ParseResult parseResult, string[] paths, Uri? uri, CancellationToken cancellationToken)
    {
        var overrides = CliSettings.Overrides(parseResult, LogLevel.Warning);
        // Rejections are reported below, one line each; the worker's own warning would repeat them.
        overrides["Logging:LogLevel:Talent.Server.Ingestion"] = nameof(LogLevel.Error);
        var limits = CliSettings.Options<IngestionOptions>(CliSettings.Configuration(parseResult), IngestionOptions.Section).Limits;
        using var folder = await DataFolder.ReachAsync(parseResult, overrides, "talent ingest", cancellationToken);
        var results = new List<(string Path, string Outcome, string? Reason)>();
        var files = Expand(paths, results);
        var progress = new ProgressLine(files.Count, "documents");
        var submitted = 0;
        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = folder.Stopping }, async (file, ct) =>
            {
                var result = await SubmitAsync(file, uri, limits, folder.IngestAsync, ct);
                lock (results)
                {
                    results.Add(result);
                    submitted++;
                    progress.Advance();
                }
            });
            progress.Done();
            await folder.FinishAsync();
        }
        catch (OperationCanceledException) when (folder.Stopping.IsCancellationRequested)
        {
            throw new WorkException($"ingest interrupted after {submitted} of {files.Count} documents; those are stored (ingest again to go on: unchanged documents are skipped)");
        }

        return (Report(results), folder.Holder is null);
    }

    /// <summary>
    /// With sentence vectors on and the work done in this process, whose worker stopped with it: the stored candidates'
    /// vectors, computed now in the foreground on every core as <c>talent admin embed</c> computes them. The documents are
    /// stored and searchable before it starts; stopped, the rest waits for <c>talent admin embed</c> or a worker.
    /// </summary>
    private static async Task EmbedAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        if ((await new EmbeddingStore(database, TimeProvider.System).CountsAsync(cancellationToken)).Waiting == 0)
        {
            return; // no stored candidate waits for vectors (every document unchanged, or a worker got there first)
        }

        var (candidates, summary) = await EmbedCommand.DrainAsync(
            parseResult,
            database,
            Environment.ProcessorCount,
            done => $"sentence vectors interrupted after {done} candidates; every document is stored, and the other candidates wait for talent admin embed or a worker (ranked by words until then)",
            cancellationToken);
        if (candidates > 0)
        {
            Console.WriteLine(summary);
        }
    }

    /// <summary>
    /// With sentence vectors on, the work done in this process and <c>--no-embed</c>: how many candidates still wait for
    /// their vectors, and how to compute them (a running server or worker does it behind ingestion).
    /// </summary>
    private static async Task SayWaitingForVectorsAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        var (waiting, _) = await new EmbeddingStore(database, TimeProvider.System).CountsAsync(cancellationToken);
        if (waiting > 0)
        {
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{waiting} candidates wait for sentence vectors (ranked by words until then): `talent admin embed` computes them now; a running talent serve or talent worker does so behind ingestion"));
        }
    }

    /// <summary>Files under the given paths, in a stable order; paths that do not exist are reported, not fatal.</summary>
    private static List<string> Expand(string[] paths, List<(string Path, string Outcome, string? Reason)> results)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                try
                {
                    files.AddRange(DocumentFiles.InFolder(path));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    results.Add((path, StoreOutcome.Rejected, $"cannot read the folder: {e.Message}"));
                }
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

    private static async Task<(string Path, string Outcome, string? Reason)> SubmitAsync(
        string file, Uri? address, DocumentLimits limits, Func<ProfileDocumentSubmitted, CancellationToken, Task<(string Outcome, string? Reason)>> submit, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        string contentType, content;
        try
        {
            var (bytes, refusal) = await DocumentFiles.ReadAsync(file, limits, cancellationToken);
            if (bytes is null)
            {
                return (file, StoreOutcome.Rejected, refusal);
            }

            // The format table decides: a PDF or DOCX (by its first bytes, else its extension) travels base64-encoded.
            (contentType, content) = DocumentText.ForMessage(file, bytes);
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
                Uri = (address ?? new Uri(Path.GetFullPath(file))).AbsoluteUri,
                SubmittedAt = DateTimeOffset.UtcNow,
            },
            cancellationToken);
        return (file, outcome, reason);
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result, string error)
    {
        result.AddError(error);
        return null;
    }

    private static int Report(List<(string Path, string Outcome, string? Reason)> results)
    {
        foreach (var (path, _, reason) in results.Where(r => r.Outcome == StoreOutcome.Rejected).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"rejected {path}: {reason}");
        }

        int Count(string outcome) => results.Count(r => r.Outcome == outcome);

        Console.WriteLine(
            $"accepted {Count(StoreOutcome.Accepted)}, merged {Count(StoreOutcome.Merged)}, unchanged {Count(StoreOutcome.Unchanged)}, " +
            $"stale {Count(StoreOutcome.Stale)}, rejected {Count(StoreOutcome.Rejected)}");
        return Count(StoreOutcome.Rejected) > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
