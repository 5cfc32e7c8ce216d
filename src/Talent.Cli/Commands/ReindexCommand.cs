using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Talent.Server.Indexing;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin reindex</c>: rebuilds the index from SQLite and swaps it in. Runs where the index writer is
/// (<see cref="DataFolder"/>): in this process when the data folder is free, else in the server or worker holding it,
/// whose progress this command follows.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the index from the database into a new directory and swap it in atomically");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var folder = await DataFolder.ReachAsync(parseResult, CliSettings.Overrides(parseResult, LogLevel.Warning), "talent admin reindex", cancellationToken);
            ReindexStatus result;
            try
            {
                result = await WithProgressAsync(report => folder.ReindexAsync(report, folder.Stopping));
                await folder.FinishAsync();
            }
            catch (OperationCanceledException) when (folder.Stopping.IsCancellationRequested)
            {
                throw new WorkException(folder.Holder is null
                    ? "reindex interrupted; the live index is unchanged"
                    : "stopped following the reindex; the process holding this data folder goes on with it");
            }

            if (result.State != ReindexStatus.Succeeded)
            {
                throw new WorkException($"reindex {result.State}: {result.Error}; the live index is unchanged");
            }

            var seconds = ((result.FinishedAt ?? DateTimeOffset.UtcNow) - (result.StartedAt ?? DateTimeOffset.UtcNow)).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reindexed {result.Done} candidates in {seconds:0.0} s ({result.RatePerSecond:0}/s)"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A progress bar with rate and ETA on a terminal; a plain line every 10% otherwise. Both on stderr.</summary>
    private static async Task<ReindexStatus> WithProgressAsync(Func<Action<ReindexStatus>, Task<ReindexStatus>> work)
    {
        if (Console.IsErrorRedirected)
        {
            var lastDecile = -1;
            return await work(status =>
            {
                var decile = status.Total == 0 ? 10 : status.Done * 10 / status.Total;
                if (decile > lastDecile)
                {
                    lastDecile = decile;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reindex: {status.Done}/{status.Total} candidates ({status.RatePerSecond:0}/s)"));
                }
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("reindex", maxValue: 1);
                return await work(status =>
                {
                    task.MaxValue = Math.Max(1, status.Total);
                    task.Value = status.Done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"reindex {status.Done}/{status.Total} ({status.RatePerSecond:0}/s)");
                });
            });
    }
}
