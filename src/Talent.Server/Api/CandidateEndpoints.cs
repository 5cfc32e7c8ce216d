using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Contracts;
using Talent.Storage;

namespace Talent.Server.Api;

public static class CandidateEndpoints
{
    public static void MapCandidateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates").WithTags("Candidates");
        group.MapGet("/{id:long}", GetCandidate)
            .WithName("GetCandidate")
            .WithSummary("One merged candidate with every source and merge reason");
        group.MapDelete("/{id:long}", RemoveCandidate)
            .WithName("RemoveCandidate")
            .WithSummary("Erase a candidate and every source about them");
    }

    internal static async Task<Results<Ok<CandidateDetails>, NotFound<ProblemDetails>>> GetCandidate(long id, CandidateStore store, CancellationToken cancellationToken) =>
        await store.GetCandidateAsync(id, cancellationToken) is { } candidate
            ? TypedResults.Ok(candidate)
            : TypedResults.NotFound(new ProblemDetails { Title = "Candidate not found", Detail = $"No candidate with id {id}.", Status = 404 });

    internal static async Task<Accepted> RemoveCandidate(long id, IPublishEndpoint publish, TimeProvider time, CancellationToken cancellationToken)
    {
        await publish.Publish(new CandidateRemovalRequested { CandidateId = id, RequestedAt = time.GetUtcNow() }, cancellationToken);
        return TypedResults.Accepted($"/api/candidates/{id}");
    }
}
