using System.CommandLine;
using Microsoft.Extensions.Logging;
using Talent.Server.Indexing;
using Talent.Storage;

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
            using var host = WorkerHost.Build(CliSettings.Overrides(parseResult, LogLevel.Warning));
            await WorkerHost.StartAsync(host, cancellationToken);
            var store = host.Get<CandidateStore>();
            var removed = parseResult.GetValue(candidate) is { } candidateId
                ? await store.RemoveCandidateAsync(candidateId, cancellationToken)
                : await store.RemoveSourceAsync(parseResult.GetValue(source)!, cancellationToken); // the validator requires one of the two
            await host.Get<IndexSynchronizer>().WaitForCatchUpAsync(cancellationToken);
            await host.StopAsync(CancellationToken.None);
            if (!removed)
            {
                throw new WorkException("nothing to remove: no such " + (parseResult.GetValue(candidate) is null ? "source" : "candidate"));
            }

            Console.WriteLine("removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
