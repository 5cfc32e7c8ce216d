using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Contracts;
using Talent.Server.Access;
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
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .WithName("RemoveCandidate")
            .WithSummary("Erase a candidate and every source about them");
    }

    internal static async Task<Results<Ok<CandidateDetails>, NotFound<ProblemDetails>>> GetCandidate(long id, HttpContext context, CandidateStore store, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await store.GetCandidateAsync(id, cancellationToken) is not { } candidate)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Candidate not found", Detail = $"No candidate with id {id}.", Status = 404 });
        }

        await audit.RecordAsync(context, "candidate", null, [id]);
        return TypedResults.Ok(context.User.IsInRole("admin") ? candidate : candidate.ForRecruiters()); // file paths are for admins
    }

    /// <summary>
    /// Erasure: one removal per source document of the candidate, by source id, so that read replicas (which
    /// number candidates themselves) erase the same person; the last source takes the candidate with it.
    /// </summary>
    internal static async Task<Results<Accepted, NotFound<ProblemDetails>>> RemoveCandidate(long id, CandidateStore store, IPublishEndpoint publish, TimeProvider time, CancellationToken cancellationToken)
    {
        var candidate = await store.GetCandidateAsync(id, cancellationToken);
        if (candidate is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Candidate not found", Detail = $"No candidate with id {id}.", Status = 404 });
        }

        foreach (var source in candidate.Sources)
        {
            await publish.Publish(new CandidateRemovalRequested { SourceId = source.SourceId, RequestedAt = time.GetUtcNow() }, cancellationToken);
        }

        return TypedResults.Accepted($"/api/candidates/{id}");
    }
}
