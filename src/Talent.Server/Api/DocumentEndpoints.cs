using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;

namespace Talent.Server.Api;

public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/documents", Submit)
            .WithName("SubmitDocument")
            .WithSummary("Submit a profile document for ingestion")
            .WithTags("Documents");

    /// <summary>The answer to a submission: the source id the document is known by.</summary>
    public sealed record SubmittedDocument(string SourceId, long? Version);

    internal static async Task<Results<Accepted<SubmittedDocument>, ValidationProblem>> Submit(
        ProfileDocumentSubmitted document,
        IPublishEndpoint publish,
        DocumentInbox inbox,
        IOptions<IngestionOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
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
        else if (Encoding.UTF8.GetByteCount(document.Content) > options.Value.MaxDocumentBytes)
        {
            errors["content"] = [$"'content' is over the {options.Value.MaxDocumentBytes} byte limit."];
        }

        var contentType = document.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is null || !DocumentIngestion.ContentTypes.Contains(contentType))
        {
            errors["contentType"] = [$"'contentType' must be one of: {string.Join(", ", DocumentIngestion.ContentTypes)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var message = document with { SubmittedAt = document.SubmittedAt ?? time.GetUtcNow() };
        // Accepted means kept: the document is in the inbox (or the broker's durable queue) before the answer.
        await inbox.SubmitAsync(publish, message, cancellationToken);
        return TypedResults.Accepted($"/api/search", new SubmittedDocument(message.SourceId!, message.Version)); // checked non-empty above
    }
}
