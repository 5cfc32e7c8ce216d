using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Talent.Server.Identity;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin merge ID ID</c> and <c>talent admin split ID --source S…</c>: a person's decision about who is who,
/// which outranks the identity rules, holds across re-ingestion, new versions, reindex and restarts, and is audited.
/// </summary>
internal static class IdentityCommands
{
    public static Command Merge()
    {
        var first = new Argument<long>("ID") { Description = "A candidate id" };
        var second = new Argument<long>("OTHER") { Description = "The candidate id that is the same person" };
        var command = new Command("merge", "Decide that two candidates are one person") { first, second, Output.Json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, (decisions, actor) => decisions.MergeAsync(parseResult.GetValue(first), parseResult.GetValue(second), actor, cancellationToken), "merged into", cancellationToken));
        return command;
    }

    public static Command Split()
    {
        var candidate = new Argument<long>("ID") { Description = "The candidate id to split" };
        var sources = new Option<string[]>("--source") { Description = "Source ids that are another person (repeat or list)", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("split", "Decide that some sources of a candidate are another person") { candidate, sources, Output.Json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, (decisions, actor) => decisions.SplitAsync(parseResult.GetValue(candidate), parseResult.GetValue(sources) ?? [], actor, cancellationToken), "split into", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, Func<IdentityDecisions, IdentityActor, Task<IdentityCorrection>> decide, string done, CancellationToken cancellationToken)
    {
        using var host = WorkerHost.Build(CliSettings.Overrides(parseResult, LogLevel.Warning));
        await WorkerHost.StartAsync(host, cancellationToken);
        var result = await decide(host.Get<IdentityDecisions>(), new IdentityActor($"{Environment.UserName} (talent admin)", null, "cli"));
        await host.Get<IndexSynchronizer>().CatchUpAsync(cancellationToken);
        await host.StopAsync(CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new WorkException(result.Error!); // not succeeded: there is an error
        }

        if (parseResult.GetValue(Output.Json))
        {
            Output.WriteJson(result);
        }
        else
        {
            Console.WriteLine($"{done} candidate(s) {string.Join(", ", result.CandidateIds.Select(i => i.ToString(CultureInfo.InvariantCulture)))}");
        }

        return ExitCodes.Success;
    }
}
