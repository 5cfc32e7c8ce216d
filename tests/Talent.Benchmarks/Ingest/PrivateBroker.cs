using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Talent.Benchmarks.Ingest;

/// <summary>
/// A private RabbitMQ node for one benchmark run, started from Debian's rabbitmq-server the way the
/// RabbitMQ tests' fixture does: its own node name, free ports, folders and Erlang cookie under a temp
/// directory, so a system RabbitMQ is never touched. Stopped and deleted on dispose.
/// </summary>
internal sealed class PrivateBroker : IAsyncDisposable
{
    private const string ScriptDirectory = "/usr/lib/rabbitmq/bin";

    private readonly string root = Path.Combine(Path.GetTempPath(), "talent-bench-rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string nodeName = $"talent-bench-{Guid.NewGuid().ToString("N")[..8]}@localhost";
    private Process? server;

    private PrivateBroker()
    {
    }

    public string AmqpUrl { get; private set; } = "";

    public static bool IsInstalled => File.Exists(Path.Combine(ScriptDirectory, "rabbitmq-server"));

    /// <summary>
    /// The CPU time the node's Erlang VM has used so far (Linux: utime + stime of the process the node names in its pid
    /// file, in clock ticks of 10 ms), or null where that cannot be read. The broker shares the machine's cores with the
    /// worker, so its CPU per document is part of what a rate through RabbitMQ costs.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(root, "rabbitmq.pid")).Trim();
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static async Task<PrivateBroker> StartAsync()
    {
        var broker = new PrivateBroker();
        try
        {
            await broker.StartNodeAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            if (!server.HasExited)
            {
                using var stop = Process.Start(StartInfo("rabbitmqctl", "-n", nodeName, "stop"));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    if (stop is not null)
                    {
                        await stop.WaitForExitAsync(timeout.Token);
                    }

                    await server.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    server.Kill(entireProcessTree: true);
                }
            }

            server.Dispose();
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The node may still be closing a log file; the OS temp cleaner takes the rest.
        }
    }

    private async Task StartNodeAsync()
    {
        var amqpPort = FreePort();
        var distributionPort = FreePort();
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp.default = {amqpPort}
            loopback_users = none
            """));
        var info = StartInfo("rabbitmq-server");
        info.Environment["RABBITMQ_NODE_PORT"] = amqpPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
        server = Process.Start(info) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        AmqpUrl = string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{amqpPort}/");
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(AmqpUrl) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {server.ExitCode}");
            }

            try
            {
                await using var connection = await factory.CreateConnectionAsync();
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(250);
            }
        }
    }

    private ProcessStartInfo StartInfo(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(ScriptDirectory, script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = Path.Combine(root, "home");
        info.Environment["RABBITMQ_NODENAME"] = nodeName;
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
        info.Environment["RABBITMQ_LOGS"] = "-";
        info.Environment["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins");
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
