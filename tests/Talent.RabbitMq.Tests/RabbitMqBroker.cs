using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// A private RabbitMQ node for this test run: its own node name, ports and folders under a temp
/// directory, with the management plugin (for publishing raw JSON the way a non-MassTransit producer
/// does and for reading queue depths). Stopped and deleted on dispose.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    /// <summary>Debian's rabbitmq-server package puts its scripts here; they run the node as the calling user.</summary>
    public const string ScriptDirectory = "/usr/lib/rabbitmq/bin";

    private readonly string root = Path.Combine(Path.GetTempPath(), "talent-rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly StringBuilder output = new();
    private Process? server;

    public string NodeName { get; } = $"talent-test-{Guid.NewGuid().ToString("N")[..8]}@localhost";

    public int AmqpPort { get; private set; }

    public int ManagementPort { get; private set; }

    public HttpClient Management { get; } = new();

    /// <summary>Whether this machine has a RabbitMQ installation the fixture can start.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(ScriptDirectory, "rabbitmq-server"));

    /// <summary>Tests must run in CI: a broker that cannot start fails them there instead of skipping.</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            if (InCi)
            {
                throw new InvalidOperationException($"RabbitMQ is not installed ({ScriptDirectory}/rabbitmq-server missing); .ci/run installs it.");
            }

            return;
        }

        AmqpPort = FreePort();
        ManagementPort = FreePort();
        var distributionPort = FreePort();
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].\n");
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp.default = {AmqpPort}
            management.tcp.port = {ManagementPort}
            management.tcp.ip = 127.0.0.1
            loopback_users = none
            """));

        var info = StartInfo("rabbitmq-server");
        info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
        server = Process.Start(info) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        server.OutputDataReceived += (_, e) => Append(e.Data);
        server.ErrorDataReceived += (_, e) => Append(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        Management.BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/");
        Management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        using var timeout = TestWait.Token();
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {server.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await Management.GetAsync("api/overview", timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException($"rabbitmq-server did not answer within 90 s:\n{Output()}");
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    /// <summary>A virtual host of its own for one test, so queues left by other tests do not interfere.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..12];
        using (var response = await Management.PutAsync($"api/vhosts/{name}", null))
        {
            response.EnsureSuccessStatusCode();
        }

        using (var response = await Management.PutAsJsonAsync($"api/permissions/{name}/guest", new { configure = ".*", write = ".*", read = ".*" }))
        {
            response.EnsureSuccessStatusCode();
        }

        return name;
    }

    public string AmqpUrl(string virtualHost) => string.Create(CultureInfo.InvariantCulture, $"amqp://guest:guest@127.0.0.1:{AmqpPort}/{virtualHost}");

    /// <summary>Publishes a raw body to a queue through the default exchange, as a producer without MassTransit does.</summary>
    public async Task PublishRawAsync(string virtualHost, string queue, string payload, string contentType = "application/json")
    {
        using var response = await Management.PostAsJsonAsync(
            $"api/exchanges/{Uri.EscapeDataString(virtualHost)}/amq.default/publish",
            new
            {
                properties = new { content_type = contentType, delivery_mode = 2 },
                routing_key = queue,
                payload,
                payload_encoding = "string",
            });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"publish failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("routed").GetBoolean(), $"message to {queue} was not routed (queue missing?)");
    }

    /// <summary>
    /// Publishes a raw body over AMQP (RabbitMQ.Client, no MassTransit). For bodies over the management
    /// API's 20 MiB request limit; the broker's own max_message_size stays at its default, 128 MiB.
    /// </summary>
    public Task PublishOverAmqpAsync(string virtualHost, string queue, byte[] body, string? contentType = "application/json") =>
        PublishOverAmqpAsync(virtualHost, queue, [body], contentType);

    /// <summary>Publishes raw bodies in order over one AMQP channel with publisher confirms.</summary>
    public Task PublishOverAmqpAsync(string virtualHost, string queue, IEnumerable<byte[]> bodies, string? contentType = "application/json") =>
        PublishToExchangeAsync(virtualHost, "", queue, bodies, contentType);

    /// <summary>Publishes raw bodies in order to an exchange (routing key <paramref name="routingKey"/>) with publisher confirms.</summary>
    public async Task PublishToExchangeAsync(string virtualHost, string exchange, string routingKey, IEnumerable<byte[]> bodies, string? contentType = "application/json")
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(AmqpUrl(virtualHost)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new RabbitMQ.Client.CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new RabbitMQ.Client.BasicProperties { ContentType = contentType, Persistent = true };
        // Publishes in order, waiting for the broker's confirms a batch at a time.
        foreach (var batch in bodies.Chunk(250))
        {
            await Task.WhenAll(batch.Select(body => channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body).AsTask()));
        }
    }

    /// <summary>
    /// Messages in a queue, counted by fetching them and putting them back (the queue statistics lag by
    /// seconds); null when the queue does not exist.
    /// </summary>
    public async Task<int?> QueueDepthAsync(string virtualHost, string queue)
    {
        using var response = await Management.PostAsJsonAsync(
            $"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new { count = 10_000, ackmode = "ack_requeue_true", encoding = "auto", truncate = 100 });
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetArrayLength();
    }

    /// <summary>The names of every queue of a virtual host.</summary>
    public async Task<List<string>> QueuesAsync(string virtualHost)
    {
        var queues = await Management.GetFromJsonAsync<List<JsonElement>>($"api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name") ?? [];
        return [.. queues.Select(q => q.GetProperty("name").GetString() ?? "")];
    }

    /// <summary>
    /// Every message of a queue, each as its body's bytes and its headers as JSON text, read and put back (the broker
    /// requeues them in their places): nothing is lost by looking.
    /// </summary>
    public async Task<List<(byte[] Body, string Headers)>> PeekAsync(string virtualHost, string queue)
    {
        using var response = await Management.PostAsJsonAsync(
            $"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new { count = 10_000, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return
        [
            .. json.RootElement.EnumerateArray().Select(m =>
            {
                var payload = m.GetProperty("payload").GetString() ?? "";
                var body = m.GetProperty("payload_encoding").GetString() == "base64" ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload);
                var headers = m.GetProperty("properties").TryGetProperty("headers", out var h) ? h.GetRawText() : "";
                return (body, headers);
            }),
        ];
    }

    /// <summary>Declares a durable queue, as MassTransit declares its error queues.</summary>
    public async Task DeclareQueueAsync(string virtualHost, string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(AmqpUrl(virtualHost)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    public async Task DisposeAsync()
    {
        Management.Dispose();
        if (server is not null)
        {
            if (!server.HasExited)
            {
                using var stop = Process.Start(StartInfo("rabbitmqctl", "-n", NodeName, "stop"));
                if (stop is not null)
                {
                    using var timeout = TestWait.Token();
                    try
                    {
                        await stop.WaitForExitAsync(timeout.Token);
                        await server.WaitForExitAsync(timeout.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Fall through to the kill below.
                    }
                }

                if (!server.HasExited)
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

        // The Erlang cookie is created under HOME; a private HOME keeps the node away from the system one.
        info.Environment["HOME"] = Path.Combine(root, "home");
        info.Environment["RABBITMQ_NODENAME"] = NodeName;
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log");
        info.Environment["RABBITMQ_LOGS"] = "-";
        info.Environment["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins");
        info.Environment["RABBITMQ_ENABLED_PLUGINS"] = "rabbitmq_management";
        return info;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the tail only: the server logs a lot at start.
            if (output.Length > 20_000)
            {
                output.Remove(0, 10_000);
            }

            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ broker";
}

/// <summary>
/// A test against the private broker. Without a RabbitMQ installation it skips locally; with
/// <c>CI</c> set it runs, and the fixture fails it with the reason the broker could not start.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (!RabbitMqBroker.IsInstalled && !RabbitMqBroker.InCi)
        {
            Skip = $"RabbitMQ is not installed ({RabbitMqBroker.ScriptDirectory}); CI installs it";
        }
    }
}
