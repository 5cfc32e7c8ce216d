using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
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
            parseResult, new IdentityRequest(parseResult.GetValue(first), parseResult.GetValue(second), []), "merged into", cancellationToken));
        return command;
    }

    public static Command Split()
    {
        var candidate = new Argument<long>("ID") { Description = "The candidate id to split" };
        var sources = new Option<string[]>("--source") { Description = "Source ids that are another person (repeat or list)", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("split", "Decide that some sources of a candidate are another person") { candidate, sources, Output.Json };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, new IdentityRequest(parseResult.GetValue(candidate), null, parseResult.GetValue(sources) ?? []), "split into", cancellationToken));
        return command;
    }

    public static Command Flagged()
    {
        var limit = new Option<int>("--limit") { Description = "Most sources to list", DefaultValueFactory = _ => 100 };
        var command = new Command("flagged", "Sources flagged for review: pages whose e-mails or addresses point at several people, linked to none") { limit, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await ShowCommand.OpenStoreAsync(parseResult, cancellationToken);
            var flagged = await store.ListFlaggedAsync(parseResult.GetValue(limit), cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(flagged);
                return ExitCodes.Success;
            }

            foreach (var source in flagged)
            {
                Console.WriteLine($"candidate {source.CandidateId.ToString(CultureInfo.InvariantCulture)}  {source.SourceId}: {TextLine.Of(source.Reason)}");
            }

            Console.WriteLine($"{flagged.Count} flagged for review (talent admin merge or split records what a person decides)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs where the data folder is held (this process, or the <c>talent serve</c> that holds it).</summary>
    private static async Task<int> RunAsync(ParseResult parseResult, IdentityRequest request, string done, CancellationToken cancellationToken)
    {
        IdentityCorrection result;
        using (var folder = await DataFolder.ReachAsync(parseResult, CliSettings.Overrides(parseResult, LogLevel.Warning), "talent admin " + (request.With is null ? "split" : "merge"), cancellationToken))
        {
            result = await folder.DecideAsync(request, folder.Stopping);
            await folder.FinishAsync();
        }

        if (!result.Succeeded)
        {
            throw new WorkException(result.Error!); // not succeeded: there is an error
        }

        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
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

/// <summary>A merge of <see cref="CandidateId"/> with <see cref="With"/>, or, when that is null, a split of <see cref="Sources"/> off it.</summary>
internal sealed record IdentityRequest(long CandidateId, long? With, IReadOnlyList<string> Sources);
