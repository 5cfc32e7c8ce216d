using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Profiles;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Ingestion;

/// <summary>
/// The one path a document takes: validate the message, skip what is unchanged or stale, extract (on the
/// consumer's own thread, so documents are extracted in parallel), then resolve identity and store in the
/// writer's next batch (one SQLite transaction for the batch, after which the index catches up).
/// </summary>
public sealed class DocumentIngestion(
    CandidateStore store,
    ProfileExtractor extractor,
    DocumentBatchWriter writer,
    DocumentInbox inbox,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<DocumentIngestion> logger)
{
    /// <summary>
    /// The highest version accepted: the milliseconds from 1970 to the end of the year 9999 (versions are such times, or
    /// counters). A version far beyond any real one would leave its source impossible to update.
    /// </summary>
    public const long MaxVersion = 253_402_300_799_999;

    /// <summary>Why a version is not accepted, or null when it is.</summary>
    public static string? VersionProblem(long version) =>
        version is < 0 or > MaxVersion
            ? $"'version' must be between 0 and {MaxVersion} (milliseconds since 1970 up to the year 9999, or a counter), not {version}."
            : null;

    /// <summary>Documents of this many characters (or bytes) or more are extracted on a thread of their own.</summary>
    public const int IsolatedChars = 64 * 1024;

    /// <summary>The content types accepted (the format table's, <see cref="DocumentFormats"/>).</summary>
    public static IReadOnlyList<string> ContentTypes => DocumentFormats.AcceptedTypes;

    /// <summary>
    /// Ingests one document. <paramref name="inboxId"/> names the inbox entry it came from (<see cref="DocumentInbox"/>):
    /// deleted with the document's write, or at once when there is nothing to write.
    /// </summary>
    public async Task<StoreOutcome> IngestAsync(ProfileDocumentSubmitted message, CancellationToken cancellationToken, long? inboxId = null)
    {
        using var slot = writer.Reserve(slow: (message.Content?.Length ?? 0) >= IsolatedChars);
        var receivedAt = time.GetUtcNow();
        var sourceId = message.SourceId?.Trim();
        var content = DocumentText.WellFormed(DocumentText.StripMark(message.Content ?? ""));
        var contentType = NormalizeContentType(message.ContentType);
        var version = message.Version ?? (message.SubmittedAt ?? receivedAt).ToUnixTimeMilliseconds();
        // A PDF or DOCX arrives base64-encoded in content; its bytes are what is hashed, read and limited.
        var bytes = DocumentFormats.ForContentType(contentType) is { IsBinary: true } ? Base64(content) : null;
        var problem = Validate(sourceId, message.Content, contentType, bytes, options.Value.MaxDocumentBytes);
        if (string.IsNullOrEmpty(sourceId) || VersionProblem(version) is not null)
        {
            // Without a source id there is nothing to record the rejection under, and a version out of range is not
            // recorded (it would outrank every real version of the source): the caller sees the reason.
            var reason = string.IsNullOrEmpty(sourceId) ? problem ?? "missing sourceId" : VersionProblem(version);
            Log.DocumentRejected(logger, string.IsNullOrEmpty(sourceId) ? "(none)" : sourceId, reason ?? "");
            await inbox.RemoveAsync(inboxId, cancellationToken);
            return new StoreOutcome(StoreOutcome.Rejected, null, reason);
        }

        var document = new IncomingDocument(
            sourceId,
            version,
            contentType ?? message.ContentType ?? "",
            problem is null ? (bytes is null ? content : Convert.ToBase64String(bytes)) : "",
            message.Uri,
            bytes is null ? Hash(contentType, content) : Hash(contentType, bytes),
            receivedAt);

        StoreOutcome outcome;
        if (problem is not null)
        {
            outcome = await slot.WriteAsync(new DocumentWrite(document, null, problem) { InboxId = inboxId }, cancellationToken);
        }
        else
        {
            var state = await store.CheckSourceAsync(sourceId, version, document.ContentHash, cancellationToken);
            if (state is SourceState.Unchanged or SourceState.Stale)
            {
                outcome = new StoreOutcome(state == SourceState.Stale ? StoreOutcome.Stale : StoreOutcome.Unchanged, null, null);
                await inbox.RemoveAsync(inboxId, cancellationToken);
            }
            else
            {
                var input = new DocumentInput(sourceId, contentType!, bytes is null ? content : "", message.Uri) { Bytes = bytes ?? default(ReadOnlyMemory<byte>) }; // Validate checked the content type
                var write = await ExtractAsync(input, cancellationToken) switch
                {
                    // Prepared here, on this consumer's thread: the batch writer stores batches on one thread, and what
                    // depends on this document alone (keys, JSON, the candidate it makes alone) need not wait for it.
                    ExtractionResult.Accepted accepted => new DocumentWrite(document, accepted.Profile, null) { InboxId = inboxId }.Prepare(),
                    ExtractionResult.Rejected rejected => new DocumentWrite(document, null, rejected.Reason) { InboxId = inboxId },
                    _ => throw new InvalidOperationException("Unknown extraction result."),
                };
                outcome = await slot.WriteAsync(write, cancellationToken);
            }
        }

        if (outcome.Outcome == StoreOutcome.Rejected)
        {
            Log.DocumentRejected(logger, sourceId, outcome.Reason ?? "");
        }

        Log.DocumentProcessed(logger, sourceId, version, outcome.Outcome, outcome.CandidateId);
        return outcome;
    }

    /// <summary>
    /// Extracts a document. One of <see cref="IsolatedChars"/> characters or more runs on a thread of its own, so slow
    /// documents never hold the thread pool that accepts, extracts and stores the others: each document is stored when
    /// it is ready, whatever arrived before it. A time-out is a transient failure (<see cref="ExtractionTimedOutException"/>).
    /// </summary>
    private async Task<ExtractionResult> ExtractAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        try
        {
            return input.Content.Length + input.Bytes.Length < IsolatedChars
                ? ExtractionTimedOutException.ExtractOrThrow(extractor, input)
                : await Task.Factory.StartNew(
                    () => ExtractionTimedOutException.ExtractOrThrow(extractor, input),
                    cancellationToken,
                    TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                    TaskScheduler.Default);
        }
        catch (ExtractionTimedOutException e)
        {
            Log.ExtractionTimedOut(logger, input.SourceId, e.Message);
            throw;
        }
    }

    /// <summary>
    /// Records a message that could not be read as a document under the source id its body names, if
    /// any. The version is the body's when it is a number, else 0, so it never overrides a stored version.
    /// </summary>
    public async Task<StoreOutcome?> RecordUnreadableAsync(ReadOnlyMemory<byte> body, string reason, CancellationToken cancellationToken)
    {
        if (!TryReadSource(body, out var sourceId, out var version))
        {
            Log.DocumentRejected(logger, "(unknown)", reason);
            return null;
        }

        var document = new IncomingDocument(sourceId, version, "", "", null, Hash(null, ""), time.GetUtcNow());
        using var slot = writer.Reserve();
        var outcome = await slot.WriteAsync(new DocumentWrite(document, null, reason), cancellationToken);
        if (outcome.Outcome == StoreOutcome.Rejected)
        {
            Log.DocumentRejected(logger, sourceId, reason);
        }

        return outcome;
    }

    private static bool TryReadSource(ReadOnlyMemory<byte> body, out string sourceId, out long version)
    {
        sourceId = "";
        version = 0;
        try
        {
            using var json = JsonDocument.Parse(body);
            var message = json.RootElement;
            // A MassTransit envelope carries the document under "message".
            if (message.ValueKind == JsonValueKind.Object && Property(message, "message") is { ValueKind: JsonValueKind.Object } inner)
            {
                message = inner;
            }

            if (message.ValueKind != JsonValueKind.Object || Property(message, "sourceId") is not { ValueKind: JsonValueKind.String } id
                || string.IsNullOrWhiteSpace(id.GetString()))
            {
                return false;
            }

            sourceId = id.GetString()!.Trim(); // checked not blank above
            if (Property(message, "version") is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var parsed) && VersionProblem(parsed) is null)
            {
                version = parsed;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Content type from a file name (the format table's extensions), for the CLI and the demo loader. Text extracted from a
    /// PDF is recognised by its artefacts (page numbers, hyphenated line ends) when sent as text/plain.
    /// </summary>
    public static string ContentTypeForFile(string path) => DocumentFormats.ContentTypeForName(path);

    /// <summary>The format table's name for a content type or one of its aliases (a binary Word type too, refused with its reason), or null.</summary>
    private static string? NormalizeContentType(string? contentType) => DocumentFormats.ForContentType(contentType)?.ContentType;

    /// <summary>The bytes base64 text stands for (line breaks and blanks allowed), or null when it is not base64.</summary>
    private static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Validate(string? sourceId, string? content, string? contentType, byte[]? bytes, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(sourceId))
        {
            return "missing sourceId";
        }

        if (content is null)
        {
            return "missing content";
        }

        if (contentType is null)
        {
            return $"unsupported contentType (expected one of: {DocumentFormats.AcceptedList})";
        }

        if (DocumentFormats.ForContentType(contentType) is { IsAccepted: false })
        {
            return DocumentFormats.LegacyWordRefusal;
        }

        if (DocumentFormats.ForContentType(contentType) is { IsBinary: true } && bytes is null)
        {
            return $"content of a {contentType} document must be its bytes in base64";
        }

        var size = bytes?.LongLength ?? Encoding.UTF8.GetByteCount(content);
        return new DocumentLimits(maxBytes).SizeProblem(size);
    }

    /// <summary>SHA-256 of the UTF-8 content type, a line break and the document's bytes.</summary>
    private static string Hash(string? contentType, byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes((contentType ?? "") + "\n"));
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of the UTF-8 bytes of content type, a line break and the content, encoded into a pooled buffer.</summary>
    private static string Hash(string? contentType, string content)
    {
        var prefix = (contentType ?? "") + "\n";
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(prefix.Length + content.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(prefix, buffer);
            length += Encoding.UTF8.GetBytes(content, buffer.AsSpan(length));
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
