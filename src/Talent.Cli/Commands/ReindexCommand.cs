using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
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
                result = await ProgressBar.RunAsync("reindex", "candidates", report => folder.ReindexAsync(status => report(status.Done, status.Total, status.RatePerSecond), folder.Stopping));
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
            if (result.VectorsOutOfDate > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.VectorsOutOfDate} candidates' sentence vectors were not those of their texts now: they wait on the embedding backlog (talent admin embed, or any worker, computes them; until then they rank by words)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
