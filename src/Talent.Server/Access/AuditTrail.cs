using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Talent.Storage;

namespace Talent.Server.Access;

/// <summary>
/// Records who searched what and who opened which candidate. Requests hand entries to a bounded queue (a full
/// queue makes them wait, nothing is dropped); a background writer stores them in batches, and drains the queue
/// when the service stops.
/// </summary>
public sealed class AuditTrail(AccessStore store, TimeProvider time) : BackgroundService
{
    private readonly Channel<AuditEntry> queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>The client of an entry made by the <c>talent</c> command line, followed by the operating-system user.</summary>
    public const string CommandLineClient = "cli:";

    /// <summary>The longest query text an entry keeps.</summary>
    public const int MaxDetailLength = 200;

    /// <summary>Queues an entry for the request's caller.</summary>
    public ValueTask RecordAsync(HttpContext context, string action, string? detail, IEnumerable<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keyId = long.TryParse(context.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var entry = new AuditEntry(time.GetUtcNow(), keyId, context.Connection.RemoteIpAddress?.ToString(), action, OneLine(detail), candidateIds.ToList());
        return queue.Writer.WriteAsync(entry, context.RequestAborted);
    }

    /// <summary>An entry for a read through the <c>talent</c> command line (search, show, match, similar) by <paramref name="user"/>.</summary>
    public static AuditEntry CommandLineEntry(DateTimeOffset at, string user, string action, string? detail, IEnumerable<long> candidateIds) =>
        new(at, null, CommandLineClient + user, action, OneLine(detail), candidateIds.ToList());

    /// <summary>
    /// Query text as an entry keeps it: one line (each run of line breaks and control characters becomes " ⏎ ", so the
    /// words around it stay words and erasure still finds a name in it), at most <see cref="MaxDetailLength"/> characters.
    /// </summary>
    public static string? OneLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = new System.Text.StringBuilder(Math.Min(text.Length, MaxDetailLength + 4));
        var inBreak = false;
        foreach (var c in text)
        {
            if (line.Length >= MaxDetailLength)
            {
                line.Append('…');
                break;
            }

            var control = char.IsControl(c) || c is '\u2028' or '\u2029';
            if (control && !inBreak)
            {
                line.Append(" ⏎ ");
            }
            else if (!control)
            {
                line.Append(c);
            }

            inBreak = control;
        }

        return line.ToString();
    }

    /// <summary>Waits until every entry queued so far is stored (for tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (queue.Reader.Count > 0 || Interlocked.Read(ref writing) > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private long writing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Interlocked.Increment(ref writing);
                try
                {
                    while (batch.Count < 500 && queue.Reader.TryRead(out var entry))
                    {
                        batch.Add(entry);
                    }

                    await store.AppendAuditAsync(batch, CancellationToken.None);
                    batch.Clear();
                }
                finally
                {
                    Interlocked.Decrement(ref writing);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: store what is still queued below.
        }

        while (queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        await store.AppendAuditAsync(batch, CancellationToken.None);
    }
}
