using System.CommandLine;
using System.Globalization;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin partial</c>: documents stored as partial (readable, but none of the profile facts found), beside
/// <c>talent admin rejected</c>; the list <c>GET /api/partial</c> answers.
/// </summary>
internal static class PartialCommand
{
    /// <summary>The largest <c>--limit</c>, as over HTTP.</summary>
    private const int MaxLimit = 1000;

    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = $"Most documents to list (1–{MaxLimit})", DefaultValueFactory = _ => 100 };
        var command = new Command("partial", "Documents stored as partial (no profile facts found, kept with their text), with the reason and candidate") { limit, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var most = parseResult.GetValue(limit);
            if (most is < 1 or > MaxLimit)
            {
                throw new UsageException($"--limit must be between 1 and {MaxLimit}, not {most}");
            }

            var store = await ShowCommand.OpenStoreAsync(parseResult, cancellationToken);
            var documents = await store.ListPartialAsync(most, cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(documents);
                return ExitCodes.Success;
            }

            foreach (var document in documents)
            {
                Console.WriteLine($"{document.ReceivedAt:yyyy-MM-dd HH:mm}  {document.SourceId}  (version {document.Version}, {document.ContentType}) {Candidate(document)}: {document.Reason}");
            }

            Console.WriteLine($"{documents.Count} stored as partial");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>After <c>talent admin rejected</c>'s list: how many documents are stored as partial, when any are.</summary>
    public static async Task WriteCountAsync(CandidateStore store, CancellationToken cancellationToken)
    {
        var count = await store.CountPartialAsync(cancellationToken);
        if (count > 0)
        {
            Console.WriteLine($"{count} stored as partial (no profile facts found; talent admin partial lists them)");
        }
    }

    private static string Candidate(PartialDocument document) =>
        document.CandidateId is { } id ? "candidate " + id.ToString(CultureInfo.InvariantCulture) : "no candidate";
}
