using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Search;
using Talent.Server;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary>An in-process worker (bus, database, index writer) for commands that change data, or a publisher to reach another.</summary>
internal static class WorkerHost
{
    /// <summary>How long a command that reaches a worker through its broker waits for the connection.</summary>
    private static readonly TimeSpan BrokerConnectTimeout = TimeSpan.FromSeconds(20);

    public static IHost Build(Dictionary<string, string?> overrides) => Build(overrides, TalentRoles.Worker);

    /// <summary>A host with the given roles; <see cref="TalentRoles.Query"/> opens the index read-only and only publishes on the bus.</summary>
    public static IHost Build(Dictionary<string, string?> overrides, TalentRoles roles, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        TalentApplication.AddTalentConfiguration(builder.Configuration, builder.Environment.EnvironmentName, overrides);
        TalentApplication.AddTalentLogging(builder.Logging, builder.Configuration);
        TalentApplication.AddTalentServices(builder, roles);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// A host that reaches the <c>talent worker</c> holding this data folder through its broker: it only publishes and
    /// sends requests there. A one-line error, naming how to retry, when this command was not pointed at a broker.
    /// </summary>
    public static IHost ForRunningWorker(ParseResult parseResult, Dictionary<string, string?> overrides, string command)
    {
        var bus = CliSettings.Options<BusOptions>(CliSettings.Configuration(parseResult), BusOptions.Section);
        if (!string.Equals(bus.Transport, "rabbitmq", StringComparison.Ordinal))
        {
            throw new WorkException($"the index of this data folder is in use by a Talent process that takes no requests (a talent worker); reach it through its broker with {command} --transport rabbitmq [--rabbitmq URL], or stop it");
        }

        // Connection failures are retried quietly; StartBrokerClientAsync says in one line when the broker stays out of reach.
        return Build(new(overrides, StringComparer.Ordinal) { ["Logging:LogLevel:MassTransit"] = nameof(LogLevel.Critical) }, TalentRoles.Query);
    }

    /// <summary>Starts a host from <see cref="ForRunningWorker"/>, giving up with a one-line error when the broker cannot be reached.</summary>
    public static async Task StartBrokerClientAsync(IHost host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BrokerConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var broker = new Uri(host.Get<IOptions<BusOptions>>().Value.RabbitMqUrl); // validated at start
            throw new WorkException($"cannot reach the RabbitMQ broker at {broker.Host}:{broker.Port} within {BrokerConnectTimeout.TotalSeconds:0} s; check --rabbitmq and that the broker runs");
        }
    }

    /// <summary>Starts the host, turning "the index is held by another process" into a one-line error.</summary>
    public static async Task StartAsync(IHost host, CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(host, cancellationToken))
        {
            throw new WorkException("the index of this data folder is in use by another Talent process (talent worker?); stop it and try again");
        }
    }

    /// <summary>Starts the host; false when another process holds the index of this data folder.</summary>
    public static async Task<bool> TryStartAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            return true;
        }
        catch (IndexInUseException)
        {
            return false;
        }
    }

    /// <summary>
    /// The command's token, cancelled also when the user presses Ctrl+C or the process is asked to terminate: the host
    /// takes those signals (to stop itself gracefully) before the command line library sees them.
    /// </summary>
    public static CancellationTokenSource StopsWith(this IHost host, CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Get<IHostApplicationLifetime>().ApplicationStopping);

    public static T Get<T>(this IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();
}
