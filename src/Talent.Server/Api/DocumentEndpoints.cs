using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Talent.Contracts;
using Talent.Profiles.Documents;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Server.Api;

public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/documents", Submit)
            // One list: endpoint selection answers 415 to a content type the (last) accepts metadata does not name.
            .Accepts<ProfileDocumentSubmitted>("application/json", ["text/json", "multipart/form-data", "application/octet-stream", .. DocumentFormats.AcceptedTypes])
            .DisableAntiforgery()
            .WithName("SubmitDocument")
            .WithSummary("Submit a profile document: a JSON message, the document's own bytes, or files as multipart/form-data (answered with each file's outcome)")
            .WithTags("Documents");
    }

    /// <summary>
    /// <c>GET /api/documents/formats</c>, for every key that may read (so a page can ask without an error for a key
    /// that may not add documents): the accepted formats and limits, and whether the caller may add documents.
    /// </summary>
    public static void MapDocumentFormatEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/documents/formats", Formats)
            .WithName("DocumentFormats")
            .WithSummary("The formats documents may be sent in, the size and page limits, and whether the caller's key may add documents")
            .WithTags("Documents");

    /// <summary>The formats and limits, for a page or producer that offers them; <see cref="MayAdd"/> is whether the caller may send documents.</summary>
    public sealed record FormatList(IReadOnlyList<FormatEntry> Formats, int MaxDocumentBytes, int MaxPdfPages, bool MayAdd);

    public sealed record FormatEntry(string ContentType, IReadOnlyList<string> Extensions, bool Base64);

    internal static Ok<FormatList> Formats(HttpContext context, IOptions<IngestionOptions> options) => TypedResults.Ok(new FormatList(
        DocumentFormats.All.Where(f => f.IsAccepted).Select(f => new FormatEntry(f.ContentType, f.Extensions, f.IsBinary)).ToList(),
        options.Value.MaxDocumentBytes,
        options.Value.MaxPdfPages,
        context.User.IsInRole("admin")));

    /// <summary>The largest JSON body read: a document at the size limit, base64-encoded or sent as UTF-16, with room for the rest of the message.</summary>
    private static long MaxBodyBytes(int maxDocumentBytes) => (2L * maxDocumentBytes) + (64 * 1024);

    /// <summary>The answer to a submission: the source id the document is known by.</summary>
    public sealed record SubmittedDocument(string SourceId, long? Version);

    /// <summary>
    /// The body is read as bytes and turned into text the way files are (<see cref="DocumentText"/>: byte order mark,
    /// declared charset, UTF-16 without a mark, UTF-8), so a body saved as UTF-16 or with a mark is read like any other;
    /// a mark left at the start of the document's content goes too.
    /// </summary>
    internal static async Task<Results<Accepted<SubmittedDocument>, Ok<IReadOnlyList<DocumentUploads.FileOutcome>>, ValidationProblem>> Submit(
        HttpRequest request,
        IPublishEndpoint publish,
        DocumentInbox inbox,
        IRequestClient<ProfileDocumentSubmitted> client,
        CandidateStore store,
        IOptions<IngestionOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType is "multipart/form-data")
        {
            return await DocumentUploads.ReceiveAsync(request, client, store, options.Value, time, cancellationToken);
        }

        var (document, problem) = mediaType is null or "application/json" or "text/json"
            ? await ReadAsync(request, options.Value.MaxDocumentBytes, cancellationToken)
            : await DocumentUploads.ReadRawAsync(request, mediaType, options.Value.MaxDocumentBytes, cancellationToken);
        if (document is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = [problem ?? "'body' is required."] });
        }

        document = document with { Content = document.Content is { } text ? DocumentText.StripMark(text) : null };
        var errors = Validate(document, options.Value.MaxDocumentBytes);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var message = document with { SubmittedAt = document.SubmittedAt ?? time.GetUtcNow() };
        // Accepted means kept: the document is in the inbox (or the broker's durable queue) before the answer.
        await inbox.SubmitAsync(publish, message, cancellationToken);
        return TypedResults.Accepted($"/api/search", new SubmittedDocument(message.SourceId!, message.Version)); // checked non-empty above
    }

    private static async Task<(ProfileDocumentSubmitted? Document, string? Problem)> ReadAsync(HttpRequest request, int maxDocumentBytes, CancellationToken cancellationToken)
    {
        var limit = MaxBodyBytes(maxDocumentBytes);
        using var body = await DocumentUploads.ReadBodyAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return (null, $"the body is over the {limit} byte limit.");
        }

        var charset = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? DocumentText.Charset(type.Charset.Value) : null;
        try
        {
            var document = JsonSerializer.Deserialize<ProfileDocumentSubmitted>(DocumentText.Decode(body.GetBuffer().AsSpan(0, (int)body.Length), charset), JsonSerializerOptions.Web);
            return (document, document is null ? "the body must be a JSON object { sourceId, version?, contentType, content, uri? }." : null);
        }
        catch (JsonException e)
        {
            return (null, $"the body is not a JSON document {{ sourceId, version?, contentType, content, uri? }} ({e.Message.Split('.')[0]}).");
        }
    }

    /// <summary>The bytes a document's content stands for: UTF-8 text, or what base64 decodes to.</summary>
    private static long Size(string content, bool base64) => base64 ? content.Length / 4L * 3 : Encoding.UTF8.GetByteCount(content);

    private static Dictionary<string, string[]> Validate(ProfileDocumentSubmitted document, int maxDocumentBytes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(document.SourceId))
        {
            errors["sourceId"] = ["'sourceId' is required: the stable id of the document at its origin."];
        }

        if (string.IsNullOrWhiteSpace(document.Content))
        {
            errors["content"] = ["'content' is required and must not be empty."];
        }
        var format = DocumentFormats.ForContentType(document.ContentType);
        if (format is null || !format.IsAccepted)
        {
            errors["contentType"] = format?.Reading == DocumentReading.LegacyWord
                ? ["'contentType' names a binary Word document (.doc), which is not read: save it as .docx or PDF."]
                : [$"'contentType' must be one of: {DocumentFormats.AcceptedList}."];
        }
        else if (!string.IsNullOrWhiteSpace(document.Content) && Size(document.Content, format.IsBinary) > maxDocumentBytes)
        {
            errors["content"] = [$"'content' is over the {maxDocumentBytes} byte limit{(format.IsBinary ? " (of the decoded bytes)" : "")}."];
        }

        if (document.Version is { } version && DocumentIngestion.VersionProblem(version) is { } problem)
        {
            errors["version"] = [problem];
        }

        return errors;
    }
}
