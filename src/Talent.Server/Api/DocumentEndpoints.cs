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
using Talent.Server.Configuration;
using Talent.Server.Ingestion;

namespace Talent.Server.Api;

public static class DocumentEndpoints
{
    /// <summary>The largest request body read (the server's own limit; a 5 MB document sent as UTF-16 JSON needs more than 5 MB).</summary>
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/documents", Submit)
            .Accepts<ProfileDocumentSubmitted>("application/json")
            .WithName("SubmitDocument")
            .WithSummary("Submit a profile document for ingestion")
            .WithTags("Documents");

    /// <summary>The answer to a submission: the source id the document is known by.</summary>
    public sealed record SubmittedDocument(string SourceId, long? Version);

    /// <summary>
    /// The body is read as bytes and turned into text the way files are (<see cref="DocumentText"/>: byte order mark,
    /// declared charset, UTF-16 without a mark, UTF-8), so a body saved as UTF-16 or with a mark is read like any other;
    /// a mark left at the start of the document's content goes too.
    /// </summary>
    internal static async Task<Results<Accepted<SubmittedDocument>, ValidationProblem>> Submit(
        HttpRequest request,
        IPublishEndpoint publish,
        DocumentInbox inbox,
        IOptions<IngestionOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAsync(request, cancellationToken);
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

    private static async Task<(ProfileDocumentSubmitted? Document, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                return (null, $"the body is over the {MaxBodyBytes} byte limit.");
            }

            body.Write(buffer, 0, read);
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
        else if (Encoding.UTF8.GetByteCount(document.Content) > maxDocumentBytes)
        {
            errors["content"] = [$"'content' is over the {maxDocumentBytes} byte limit."];
        }

        var contentType = document.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is null || !DocumentIngestion.ContentTypes.Contains(contentType))
        {
            errors["contentType"] = [$"'contentType' must be one of: {string.Join(", ", DocumentIngestion.ContentTypes)}."];
        }

        if (document.Version is { } version && DocumentIngestion.VersionProblem(version) is { } problem)
        {
            errors["version"] = [problem];
        }

        return errors;
    }
}
