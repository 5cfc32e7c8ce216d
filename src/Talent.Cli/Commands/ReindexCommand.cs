using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Indexing;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin reindex</c>: rebuilds the index from SQLite and swaps it in. Runs in this process
/// when the data folder is free; when a <c>talent serve</c> holds it, asks that server and follows its
/// progress.
/// </summary>
internal static class ReindexCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a worker may take to pick the request up from its queue.</summary>
    private static readonly TimeSpan WorkerStartTimeout = TimeSpan.FromMinutes(1);

    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the index from the database into a new directory and swap it in atomically");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = WorkerHost.Build(CliSettings.Overrides(parseResult, LogLevel.Warning));
            using var stop = host.StopsWith(cancellationToken);
            ReindexStatus result;
            if (await WorkerHost.TryStartAsync(host, stop.Token))
            {
                result = await RunLocallyAsync(host.Get<IndexRebuilder>(), stop.Token);
                await host.StopAsync(CancellationToken.None);
            }
            else if (RunningServer.Find(CliSettings.Configuration(parseResult)) is { } server)
            {
                using (server)
                {
                    Console.Error.WriteLine($"a talent server at {server.Address} holds this data folder; it runs the reindex");
                    result = await RunOnServerAsync(server, stop.Token);
                }
            }
            else
            {
                result = await RunOnWorkerAsync(parseResult, stop.Token);
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

    private static async Task<ReindexStatus> RunLocallyAsync(IndexRebuilder rebuilder, CancellationToken cancellationToken)
    {
        try
        {
            return await WithProgressAsync(async report =>
            {
                await rebuilder.RebuildAsync(new Progress<ReindexStatus>(report), cancellationToken);
                return rebuilder.Status;
            });
        }
        catch (OperationCanceledException)
        {
            throw new WorkException("reindex interrupted; the live index is unchanged");
        }
    }

    /// <summary>
    /// A <c>talent worker</c> holds the data folder: asks it through the broker (a <c>ReindexRequested</c> message, as any
    /// producer may send) and follows the status file its rebuild writes in the index folder.
    /// </summary>
    private static async Task<ReindexStatus> RunOnWorkerAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        using var publisher = WorkerHost.ForRunningWorker(parseResult, CliSettings.Overrides(parseResult, LogLevel.Warning), "talent admin reindex");
        var indexRoot = Path.GetFullPath(CliSettings.Options<IndexOptions>(CliSettings.Configuration(parseResult), IndexOptions.Section).Directory);
        Console.Error.WriteLine("a talent worker holds this data folder; asking it through the broker to run the reindex");
        await WorkerHost.StartBrokerClientAsync(publisher, cancellationToken);
        var requestedAt = DateTimeOffset.UtcNow;
        await publisher.Get<IPublishEndpoint>().Publish(new ReindexRequested(), cancellationToken);
        try
        {
            return await WithProgressAsync(async report =>
            {
                var waiting = Stopwatch.StartNew();
                var runningDone = -1;
                while (true)
                {
                    var status = IndexRebuilder.ReadStatusFile(indexRoot);
                    // This request's rebuild, or one that was running already and keeps going (the worker lets the request pass then).
                    var followed = status is not null
                        && (status.StartedAt >= requestedAt.AddSeconds(-1) || (status.State == ReindexStatus.Running && runningDone >= 0 && status.Done > runningDone));
                    runningDone = status?.State == ReindexStatus.Running ? status.Done : -1;
                    if (followed)
                    {
                        report(status!); // followed only when there is a status
                        if (status!.State is ReindexStatus.Succeeded or ReindexStatus.Failed)
                        {
                            return status;
                        }
                    }
                    else if (waiting.Elapsed > WorkerStartTimeout)
                    {
                        throw new WorkException($"the talent worker did not start the reindex within {WorkerStartTimeout.TotalSeconds:0} s; is it running, with this broker?");
                    }

                    await Task.Delay(PollInterval, cancellationToken);
                }
            });
        }
        catch (OperationCanceledException)
        {
            throw new WorkException("stopped following the reindex; the worker goes on with it");
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<ReindexStatus> RunOnServerAsync(RunningServer server, CancellationToken cancellationToken)
    {
        using var response = await server.PostAsync("/api/admin/reindex", new { }, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new WorkException($"the server refused the reindex: {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        try
        {
            return await FollowAsync(server, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new WorkException("stopped following the reindex; the server goes on with it (talent admin reindex again shows its progress)");
        }
    }

    private static async Task<ReindexStatus> FollowAsync(RunningServer server, CancellationToken cancellationToken)
    {
        return await WithProgressAsync(async report =>
        {
            while (true)
            {
                var status = await server.GetAsync<ReindexStatus>("/api/admin/reindex", cancellationToken);
                report(status);
                if (status.State is not (ReindexStatus.Running or ReindexStatus.Idle))
                {
                    return status;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        });
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
