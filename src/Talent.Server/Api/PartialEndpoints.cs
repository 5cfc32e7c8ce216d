using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>
/// Documents whose latest version was stored as partial (readable, but none of the profile facts found): the same list,
/// in the same shape, as <c>talent admin partial --json</c>. Beside <c>/api/rejected</c>, with its limits.
/// </summary>
public static class PartialEndpoints
{
    public static void MapPartialEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/partial", ListPartial)
            .WithName("ListPartial")
            .WithSummary("Documents stored as partial, newest first, with the reason and their candidate (admin)")
            .WithTags("Admin");

    internal static async Task<Results<Ok<IReadOnlyList<PartialDocument>>, ValidationProblem>> ListPartial(
        CandidateStore store, CancellationToken cancellationToken, int? limit = null)
    {
        if (RejectedEndpoints.InvalidLimit(limit) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await store.ListPartialAsync(limit ?? RejectedEndpoints.DefaultLimit, cancellationToken));
    }
}
