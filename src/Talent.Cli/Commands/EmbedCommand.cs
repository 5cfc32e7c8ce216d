using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin embed</c>: computes the sentence vectors of every candidate that has none yet, in the foreground,
/// as the worker does behind ingestion, and stops when none is left — for a data folder filled by <c>talent ingest</c>
/// with no worker running. Shares the backlog with any running worker; stopped (Ctrl+C, a termination signal), it gives
/// its batch back and says how far it got.
/// </summary>
internal static class EmbedCommand
{
    public static Command Create()
    {
        var threads = new Option<int?>("--threads")
        {
            Description = "Threads the model uses (default: every core; a worker behind ingestion uses Talent:Embeddings:Threads)",
        };
        var command = new Command("embed", "Compute the sentence vectors of every candidate without them now, with progress (search, match and similar use them when Talent:Embeddings:Enabled is set)") { threads };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosen = parseResult.GetValue(threads) ?? Environment.ProcessorCount;
            if (chosen is < 1 or > 64)
            {
                throw new UsageException("--threads must be between 1 and 64.");
            }

            var configuration = CliSettings.Configuration(parseResult);
            var (_, summary) = await DrainAsync(
                parseResult,
                await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken),
                chosen,
                done => $"embed interrupted after {done} candidates; the others wait on the backlog for the next run or a worker",
                cancellationToken);
            Console.WriteLine(summary);
            if (!EmbeddingServices.IsEnabled(configuration))
            {
                Console.WriteLine("search, match and similar use them once Talent:Embeddings:Enabled is true (Talent__Embeddings__Enabled=true, or in config/appsettings.json)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Drains the embedding backlog of <paramref name="database"/> (opened once by the caller) in this process, with
    /// progress on stderr, until no candidate waits; returns the candidates embedded and a line saying so. Ctrl+C or a termination signal gives the batch in hand
    /// back and ends with a <see cref="WorkException"/> built by <paramref name="interrupted"/> from the candidates done.
    /// </summary>
    public static async Task<(int Candidates, string Summary)> DrainAsync(
        ParseResult parseResult, TalentDatabase database, int threads, Func<long, string> interrupted, CancellationToken cancellationToken)
    {
        var options = CliSettings.Options<EmbeddingOptions>(CliSettings.Configuration(parseResult), EmbeddingOptions.Section);
        using var embedder = new MiniLmEmbedder(threads);
        var drainer = new EmbeddingDrainer(new EmbeddingStore(database, TimeProvider.System), embedder, Options.Create(options), NullLogger<EmbeddingDrainer>.Instance);
        var clock = Stopwatch.StartNew();
        var done = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // stop after giving the batch back, not at once
            stop.Cancel();
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        (int Candidates, int Texts) result;
        try
        {
            result = await ProgressBar.RunAsync("embed", "candidates", report => drainer.DrainAsync(
                (progress, total, rate) =>
                {
                    done = progress;
                    report(progress, total, rate);
                },
                stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new WorkException(interrupted(done));
        }

        var (candidates, texts) = result;
        var seconds = clock.Elapsed.TotalSeconds;
        return (candidates, string.Create(
            CultureInfo.InvariantCulture,
            $"embedded {candidates} candidates ({texts} new texts) in {seconds:0.0} s ({candidates / Math.Max(seconds, 0.001):0.0}/s)"));
    }
}
