using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Server.Configuration;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

/// <summary>
/// The doors <c>talent ingest</c>, <c>talent remove</c> and <c>talent admin reindex</c> use when a server holds the data
/// folder. Each answers with the real outcome once the work is done, from whichever process does it: this one when it
/// has the worker role, the <c>talent worker</c> behind the broker when it serves queries only.
/// </summary>
public static class CommandEndpoints
{
    public static void MapCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/commands").WithTags("Admin");
        group.MapPost("/ingest", Ingest)
            .WithName("IngestDocument")
            .WithSummary("Ingest one document and answer with its outcome (accepted, merged, unchanged, stale or rejected, with the reason)");
        group.MapPost("/remove", Remove)
            .WithName("RemoveAndReport")
            .WithSummary("Erase a source or a candidate and answer once it is gone from the database and the index files");
    }

    /// <summary>
    /// A query-only process has no index writer: a reindex is asked of the worker through the broker, and its progress is
    /// the status file the worker's rebuild keeps in the shared index folder.
    /// </summary>
    public static void MapWorkerReindexEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapPost("/reindex", AskWorkerToReindex)
            .WithName("StartReindex")
            .WithSummary("Ask the worker to rebuild the index from the database; search follows the new generation");
        group.MapGet("/reindex", WorkerReindexStatus)
            .WithName("GetReindexStatus")
            .WithSummary("Progress of the current or last rebuild");
    }

    internal static async Task<Results<Ok<ProfileDocumentProcessed>, ValidationProblem>> Ingest(
        ProfileDocumentSubmitted? document, IRequestClient<ProfileDocumentSubmitted> client, TimeProvider time, CancellationToken cancellationToken)
    {
        if (document is null || string.IsNullOrWhiteSpace(document.SourceId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["sourceId"] = ["'sourceId' is required."] });
        }

        var response = await client.GetResponse<ProfileDocumentProcessed>(document with { SubmittedAt = document.SubmittedAt ?? time.GetUtcNow() }, cancellationToken);
        return TypedResults.Ok(response.Message);
    }

    internal static async Task<Results<Ok<CandidateRemovalProcessed>, ValidationProblem>> Remove(
        CandidateRemovalRequested? request, IRequestClient<CandidateRemovalRequested> client, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null || (string.IsNullOrWhiteSpace(request.SourceId) == (request.CandidateId is null)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["give exactly one of 'sourceId' or 'candidateId'."] });
        }

        var response = await client.GetResponse<CandidateRemovalProcessed>(request with { RequestedAt = request.RequestedAt ?? time.GetUtcNow() }, cancellationToken);
        return TypedResults.Ok(response.Message);
    }

    internal static async Task<Accepted<Indexing.ReindexStatus>> AskWorkerToReindex(
        IPublishEndpoint publish, IOptions<IndexOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        await publish.Publish(new ReindexRequested { RequestedAt = time.GetUtcNow() }, cancellationToken);
        return TypedResults.Accepted("/api/admin/reindex", StatusOf(options));
    }

    internal static Ok<Indexing.ReindexStatus> WorkerReindexStatus(IOptions<IndexOptions> options) => TypedResults.Ok(StatusOf(options));

    private static Indexing.ReindexStatus StatusOf(IOptions<IndexOptions> options) =>
        IndexRebuilder.ReadStatusFile(Path.GetFullPath(options.Value.Directory)) ?? Indexing.ReindexStatus.None;
}
