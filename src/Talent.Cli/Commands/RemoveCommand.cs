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
            var report = parseResult.GetValue(candidate) is { } candidateId
                ? await store.EraseCandidateAsync(candidateId, cancellationToken)
                : await store.EraseSourceAsync(parseResult.GetValue(source)!, cancellationToken); // the validator requires one of the two

            // Done when the person is gone from the index files too, not only from search results.
            var purged = await host.Get<IndexSynchronizer>().CatchUpAndPurgeAsync(cancellationToken);
            await store.RecordIndexPurgeAsync([report.Id], purged, cancellationToken);
            await host.StopAsync(CancellationToken.None);
            if (!report.Found)
            {
                throw new WorkException("nothing to remove: no such " + (parseResult.GetValue(candidate) is null ? "source" : "candidate"));
            }

            if (report.CandidateId is { } erased)
            {
                Console.WriteLine($"removed (talent admin erasure-report {erased.ToString(System.Globalization.CultureInfo.InvariantCulture)} shows what)");
                return ExitCodes.Success;
            }

            Console.WriteLine("removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
