using System.CommandLine;

namespace Talent.Cli.Commands;

internal static class TalentCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Talent: find technical and research talent from CVs, homepages and publication pages.");
        root.Options.Add(CliSettings.Data);
        root.Options.Add(CliSettings.Transport);
        root.Options.Add(CliSettings.RabbitMq);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ServeCommand.CreateWorker());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(RemoveCommand.Create());
        root.Subcommands.Add(AdminCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(MatchCommand.CreateSimilar());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ShortlistCommand.Create());
        return root;
    }
}
