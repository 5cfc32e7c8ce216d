using System.Globalization;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Talent.Contracts;
using Talent.Profiles.Documents;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>
/// Documents sent as themselves rather than in a JSON message: a body that is the document (a PDF, a DOCX, markdown…,
/// named by its <c>Content-Type</c> or, for <c>application/octet-stream</c>, by its first bytes), or files in a
/// <c>multipart/form-data</c> upload, each ingested and answered with its outcome (the web page's "Add CVs").
/// </summary>
internal static class DocumentUploads
{
    /// <summary>Most files in one upload.</summary>
    public const int MaxFiles = 50;

    /// <summary>
    /// What became of one uploaded file: the worker's outcome, the candidate it made or joined (with the candidate's name, so
    /// the page can say "merged into Ada Lovelace"), and the reason: why it was refused, or why it was merged.
    /// </summary>
    public sealed record FileOutcome(string File, string? SourceId, string Outcome, long? CandidateId, string? Reason, string? CandidateName = null);

    /// <summary>The request body, up to <paramref name="limit"/> bytes; null when it is longer.</summary>
    public static async Task<MemoryStream?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                await body.DisposeAsync();
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return body;
    }

    /// <summary>
    /// A body that is the document itself. <c>sourceId</c>, <c>version</c>, <c>uri</c> and <c>name</c> come from the query;
    /// without a source id the document is known by its name and a hash of its bytes.
    /// </summary>
    public static async Task<(ProfileDocumentSubmitted? Document, string? Problem)> ReadRawAsync(
        HttpRequest request, string mediaType, int maxDocumentBytes, CancellationToken cancellationToken)
    {
        using var body = await ReadBodyAsync(request, maxDocumentBytes, cancellationToken);
        if (body is null)
        {
            return (null, $"the document is over the {maxDocumentBytes} byte limit.");
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        var query = request.Query;
        var name = query["name"].FirstOrDefault() ?? "document";
        var format = mediaType == "application/octet-stream" ? DocumentFormats.ForFile(name, bytes) : DocumentFormats.ForContentType(mediaType);
        if (format is null)
        {
            return (null, $"the body's Content-Type '{mediaType}' is not a document format (expected one of: {DocumentFormats.AcceptedList}, or application/octet-stream).");
        }

        long? version = long.TryParse(query["version"].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        var charset = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? DocumentText.Charset(type.Charset.Value) : null;
        return (new ProfileDocumentSubmitted
        {
            SourceId = query["sourceId"].FirstOrDefault() ?? UploadSourceId(name, bytes),
            Version = version,
            ContentType = format.ContentType,
            Content = format.IsBinary ? Convert.ToBase64String(bytes) : DocumentText.Decode(bytes, charset),
            Uri = query["uri"].FirstOrDefault(),
        }, null);
    }

    /// <summary>Files of a multipart upload, each sent to the worker and answered with its outcome, in the order sent.</summary>
    public static async Task<Results<Accepted<DocumentEndpoints.SubmittedDocument>, Ok<IReadOnlyList<FileOutcome>>, ValidationProblem>> ReceiveAsync(
        HttpRequest request, IRequestClient<ProfileDocumentSubmitted> client, CandidateStore store, IngestionOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = (long)options.MaxDocumentBytes * MaxFiles, ValueCountLimit = 64 }, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Problem("files", $"the upload could not be read: {e.Message}");
        }

        if (form.Files.Count is 0 or > MaxFiles)
        {
            return Problem("files", $"send 1 to {MaxFiles} files as multipart/form-data fields.");
        }

        var outcomes = new FileOutcome[form.Files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, form.Files.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
            outcomes[i] = await NameCandidateAsync(await IngestAsync(form.Files[i], client, options, time, ct), store, ct));
        return TypedResults.Ok<IReadOnlyList<FileOutcome>>(outcomes);
    }

    private static async Task<FileOutcome> IngestAsync(IFormFile file, IRequestClient<ProfileDocumentSubmitted> client, IngestionOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file.FileName);
        if (options.Limits.SizeProblem(file.Length) is { } tooLarge)
        {
            return new FileOutcome(name, null, StoreOutcome.Rejected, null, tooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var (contentType, content) = DocumentText.ForMessage(name, bytes);
        var message = new ProfileDocumentSubmitted
        {
            SourceId = UploadSourceId(name, bytes),
            ContentType = contentType,
            Content = content,
            SubmittedAt = time.GetUtcNow(),
        };
        var response = await client.GetResponse<ProfileDocumentProcessed>(message, cancellationToken, RequestTimeout.After(m: 5));
        return new FileOutcome(name, message.SourceId, response.Message.Outcome ?? StoreOutcome.Rejected, response.Message.CandidateId, response.Message.Reason);
    }

    /// <summary>The name of the candidate a file made or joined, read once the worker has stored it (null when it has none).</summary>
    private static async Task<FileOutcome> NameCandidateAsync(FileOutcome outcome, CandidateStore store, CancellationToken cancellationToken) =>
        outcome.CandidateId is { } id && await store.GetCandidateAsync(id, cancellationToken) is { } candidate
            ? outcome with { CandidateName = candidate.Profile.Name }
            : outcome;

    /// <summary>An uploaded file's source id: its name and the start of its bytes' hash, so the same file sent again is the same source.</summary>
    private static string UploadSourceId(string name, ReadOnlySpan<byte> bytes) =>
        $"upload:{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}:{Path.GetFileName(name)}";

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
