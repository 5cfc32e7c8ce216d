using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Talent.Search;
using Talent.Server;
using Talent.Server.Configuration;
using Talent.Server.Health;

namespace Talent.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Load the bundled sample profiles on first start" };
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on",
            DefaultValueFactory = _ => "http://localhost:5080",
        };
        var role = new Option<string>("--role")
        {
            Description = "all (query service and ingestion worker) or query (search only; run talent worker beside it)",
            DefaultValueFactory = _ => "all",
        };
        role.AcceptOnlyFromAmong("all", "query");
        var command = new Command("serve", "Run the query API, web page and ingestion worker in one process") { demo, urls, role };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var overrides = CliSettings.Overrides(parseResult, LogLevel.Information);
            overrides[$"{DemoOptions.Section}:Enabled"] = parseResult.GetValue(demo) ? "true" : "false";
            overrides["urls"] = parseResult.GetValue(urls);
            var roles = string.Equals(parseResult.GetValue(role), "query", StringComparison.Ordinal) ? TalentRoles.Query : TalentRoles.All;
            if (roles == TalentRoles.Query
                && !string.Equals(CliSettings.Options<BusOptions>(CliSettings.Configuration(parseResult), BusOptions.Section).Transport, "rabbitmq", StringComparison.Ordinal))
            {
                // With the in-memory bus a query-only process has no worker to hand submitted documents to.
                throw new UsageException("--role query needs --transport rabbitmq (a talent worker consumes the documents it accepts)");
            }

            // A start that cannot listen fails before it writes anything (database, index, demo).
            ListenCheck.EnsureFree(parseResult.GetValue(urls) ?? "");
            var builder = TalentApplication.CreateWebBuilder(overrides, roles);
            await using var app = TalentApplication.BuildWebApplication(builder);
            await RunAsync(app, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateWorker()
    {
        var command = new Command("worker", "Run the ingestion worker only (no HTTP), for split deployments");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // No HTTP here: a liveness file, fresh while the bus and consumers are healthy, is what a container checks.
            using var host = WorkerHost.Build(CliSettings.Overrides(parseResult, LogLevel.Information), TalentRoles.Worker, services =>
            {
                services.AddHealthChecks();
                services.AddHostedService<LivenessFile>();
            });
            await RunAsync(host, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (IndexInUseException e)
        {
            throw new WorkException($"{e.Message}. Is another talent serve or talent worker using this data folder?");
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // Taken between the check before start-up and the bind.
            throw new WorkException($"cannot listen on {e.Message.Split(": ")[0].Replace("Failed to bind to address ", "", StringComparison.Ordinal)}: the address is in use");
        }
    }
}
