using System.CommandLine;

namespace Talent.Cli.Commands;

/// <summary><c>talent admin …</c>: operator commands.</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var admin = new Command("admin", "Operator commands");
        var limit = new Option<int>("--limit") { Description = "Most rejections to list", DefaultValueFactory = _ => 100 };
        var rejected = new Command("rejected", "Documents rejected, with reasons") { limit, Output.Json };
        rejected.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await ShowCommand.OpenStoreAsync(parseResult, cancellationToken);
            var documents = await store.ListRejectedAsync(parseResult.GetValue(limit), cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(documents);
            }
            else
            {
                foreach (var document in documents)
                {
                    Console.WriteLine($"{document.ReceivedAt:yyyy-MM-dd HH:mm}  {document.SourceId}  (version {document.Version}): {document.Reason}");
                }

                Console.WriteLine($"{documents.Count} rejected");
                await PartialCommand.WriteCountAsync(store, cancellationToken);
            }

            return ExitCodes.Success;
        });
        admin.Subcommands.Add(rejected);
        admin.Subcommands.Add(StatusCommand.Create());
        admin.Subcommands.Add(PartialCommand.Create());
        admin.Subcommands.Add(ReindexCommand.Create());
        admin.Subcommands.Add(EmbedCommand.Create());
        admin.Subcommands.Add(AccessCommands.Keys());
        admin.Subcommands.Add(AccessCommands.Audit());
        admin.Subcommands.Add(ErasureReportCommand.Create());
        admin.Subcommands.Add(IdentityCommands.Merge());
        admin.Subcommands.Add(IdentityCommands.Split());
        admin.Subcommands.Add(IdentityCommands.Flagged());
        return admin;
    }
}
