using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>Documents whose latest version was rejected: the same list, in the same shape, as <c>talent admin rejected --json</c>.</summary>
public static class RejectedEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void MapRejectedEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/rejected", ListRejected)
            .WithName("ListRejected")
            .WithSummary("Documents rejected, newest first, with their reasons (admin)")
            .WithTags("Admin");

    internal static async Task<Results<Ok<IReadOnlyList<RejectedDocument>>, ValidationProblem>> ListRejected(
        CandidateStore store, CancellationToken cancellationToken, int? limit = null)
    {
        if (InvalidLimit(limit) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await store.ListRejectedAsync(limit ?? DefaultLimit, cancellationToken));
    }

    /// <summary>The 400 for a <c>limit</c> outside 1..<see cref="MaxLimit"/>, shared by the admin lists; null when it is fine.</summary>
    internal static ValidationProblem? InvalidLimit(int? limit) =>
        limit is < 1 or > MaxLimit
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["limit"] = [$"'limit' must be between 1 and {MaxLimit}, not {limit}."],
            })
            : null;
}
