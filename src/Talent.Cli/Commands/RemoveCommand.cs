using System.CommandLine;
using Microsoft.Extensions.Logging;
using Talent.Contracts;

namespace Talent.Cli.Commands;

/// <summary><c>talent remove</c>: erasure of a source document or a whole candidate, from SQLite and the index.</summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "Source id of one document to erase" };
        var candidate = new Option<long?>("--candidate") { Description = "Candidate id to erase with every source about them" };
        var command = new Command("remove", "Erase a source document or a candidate") { source, candidate };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(source) is null) == (result.GetValue(candidate) is null))
            {
                result.AddError("give exactly one of --source ID or --candidate ID");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var folder = await DataFolder.ReachAsync(parseResult, CliSettings.Overrides(parseResult, LogLevel.Warning), "talent remove", cancellationToken);
            // Answered once the person is gone from the database and from the index files, not only from search results.
            var outcome = await folder.RemoveAsync(
                new CandidateRemovalRequested { SourceId = parseResult.GetValue(source), CandidateId = parseResult.GetValue(candidate), RequestedAt = DateTimeOffset.UtcNow },
                folder.Stopping);
            await folder.FinishAsync();
            if (!outcome.Found)
            {
                throw new WorkException("nothing to remove: no such " + (parseResult.GetValue(candidate) is null ? "source" : "candidate"));
            }

            Console.WriteLine(outcome.CandidateId is { } erased
                ? $"removed (talent admin erasure-report {erased.ToString(System.Globalization.CultureInfo.InvariantCulture)} shows what)"
                : "removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
