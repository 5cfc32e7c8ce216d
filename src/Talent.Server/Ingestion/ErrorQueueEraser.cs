using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// Erasure in the message broker. Over RabbitMQ, a rejected document is forwarded raw to the document queue's error
/// queue, and unreadable or faulted messages end there (or in <c>_skipped</c>) too: after an erasure in SQLite, this
/// reads each of those queues once, up to the depth it had when the pass began (<c>basic.get</c>), drops the messages
/// that name an erased source id or hold one of the person's e-mail addresses, phone numbers or homepages (in the body,
/// JSON strings decoded, or in a header), and puts every other message back unchanged, with its properties and headers,
/// at the end of its queue. A message is acknowledged only once its copy is confirmed by the broker, so a pass cut
/// short leaves a message twice, never not at all; messages that arrive during the pass stay behind it, untouched.
/// Moves into the error queues go through <see cref="MoveAsync"/>, so none slips past a pass (see <see cref="ErrorQueueGate"/>).
/// With the in-memory bus there is no broker: messages live only in the process.
/// </summary>
public sealed class ErrorQueueEraser(IOptions<BusOptions> options, ILogger<ErrorQueueEraser> logger)
{
    private readonly ErrorQueueGate gate = new();
    private long passes;

    /// <summary>How many erasure passes have begun; a move that sees this change re-checks that its document is still stored.</summary>
    public long Passes => Interlocked.Read(ref passes);

    /// <summary>The queues a pass reads: the document queue's error and skipped queues, and the erasure queue's error queue.</summary>
    public IReadOnlyList<string> Queues
    {
        get
        {
            var bus = options.Value;
            var documents = bus.QueueName(bus.DocumentQueue);
            return [documents + "_error", documents + "_skipped", bus.QueueName("CandidateRemovalRequested") + "_error"];
        }
    }

    private bool OverRabbitMq => string.Equals(options.Value.Transport, "rabbitmq", StringComparison.Ordinal);

    /// <summary>Enters for one move of a message into an error queue (shared with other moves, never inside a pass).</summary>
    internal Task<IDisposable> MoveAsync(CancellationToken cancellationToken) => gate.MoveAsync(cancellationToken);

    /// <summary>Removes the messages of the erased <paramref name="people"/> from the error queues; says where it looked and what it removed.</summary>
    public async Task<BrokerErasure> EraseAsync(IReadOnlyList<ErasedPerson> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        using var pass = await gate.PassAsync(cancellationToken);
        Interlocked.Increment(ref passes);
        if (!OverRabbitMq)
        {
            return new BrokerErasure(ErasureReport.NoBroker, 0, 0, null);
        }

        var looked = "rabbitmq: " + string.Join(", ", Queues);
        var (examined, removed) = (0, 0);
        try
        {
            var factory = new ConnectionFactory { Uri = AmqpUri(options.Value.RabbitMqUrl), ClientProvidedName = "talent erasure" };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            foreach (var queue in Queues)
            {
                var (read, dropped) = await PassOverAsync(connection, queue, people, cancellationToken);
                examined += read;
                removed += dropped;
            }

            ErrorQueueLog.Erased(logger, examined, removed);
            return new BrokerErasure(looked, examined, removed, null);
        }
        catch (Exception e) when (e is RabbitMQClientException or OperationInterruptedException or IOException or TimeoutException)
        {
            // The erasure in SQLite and the index stands; the report says the broker was not done, and why.
            ErrorQueueLog.Failed(logger, e);
            return new BrokerErasure(looked, examined, removed, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>One pass over one queue, up to the depth it had when the pass began. A queue that does not exist is skipped.</summary>
    private static async Task<(int Examined, int Removed)> PassOverAsync(IConnection connection, string queue, IReadOnlyList<ErasedPerson> people, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        uint depth;
        try
        {
            depth = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return (0, 0);
        }

        var (examined, removed) = (0, 0);
        for (var i = 0; i < depth; i++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            examined++;
            if (Holds(message, people))
            {
                removed++;
            }
            else
            {
                // Put back first and confirmed (the publish waits for the broker's confirm), then acknowledged.
                await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, cancellationToken);
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        }

        return (examined, removed);
    }

    /// <summary>Whether a message names an erased source or holds a contact detail of an erased person, in its body or a header.</summary>
    internal static bool Holds(BasicGetResult message, IReadOnlyList<ErasedPerson> people)
    {
        if (Holds(message.Body.Span, people))
        {
            return true;
        }

        foreach (var value in message.BasicProperties.Headers?.Values ?? [])
        {
            if (value is byte[] bytes && Holds(Encoding.UTF8.GetString(bytes), people))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every JSON string of the body, escapes undone (a MassTransit envelope or a producer's plain JSON), then the body as
    /// text (not JSON, or JSON that breaks off). One linear pass each.
    /// </summary>
    internal static bool Holds(ReadOnlySpan<byte> body, IReadOnlyList<ErasedPerson> people)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String && Holds(reader.GetString(), people))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (or not all of it): the text below is read as it is.
        }

        return Holds(Encoding.UTF8.GetString(body), people);
    }

    private static bool Holds(string? text, IReadOnlyList<ErasedPerson> people)
    {
        foreach (var person in people)
        {
            if (person.IsSourceId(text) || person.SharesContact(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MassTransit also takes <c>rabbitmq://</c> addresses; RabbitMQ's client only <c>amqp://</c>.</summary>
    private static Uri AmqpUri(string url)
    {
        var uri = new UriBuilder(url);
        uri.Scheme = uri.Scheme.ToLowerInvariant() switch
        {
            "rabbitmq" => "amqp",
            "rabbitmqs" => "amqps",
            var scheme => scheme,
        };
        return uri.Uri;
    }
}

/// <summary>Where an erasure looked in the broker (<see cref="ErasureReport.NoBroker"/> without one) and what it found there.</summary>
public sealed record BrokerErasure(string Broker, int Examined, int Removed, string? Failure);
