using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Talent.Server.Access;
using Talent.Server.Identity;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>
/// Who is who: the links that hold a candidate together (recruiters may read them), and people's corrections, a
/// merge of two candidates or a split of one, for admins.
/// </summary>
public static class IdentityEndpoints
{
    public static void MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates").WithTags("Identity");
        group.MapGet("/{id:long}/identity", GetIdentity)
            .WithName("GetCandidateIdentity")
            .WithSummary("Every link between the candidate's sources with its reason, whether a person decided it, and flagged sources");
        app.MapGet("/api/identity/flagged", ListFlagged)
            .WithTags("Identity")
            .WithName("ListFlaggedSources")
            .WithSummary("Sources flagged for review (their keys point at several people), with the candidate each stands alone in and why");
        group.MapPost("/{id:long}/merge", Merge)
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .WithName("MergeCandidates")
            .WithSummary("Decide that this candidate and another are one person; the decision outranks the rules and is audited");
        group.MapPost("/{id:long}/split", Split)
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .WithName("SplitCandidate")
            .WithSummary("Decide that some of the candidate's sources are another person; the decision outranks the rules and is audited");
    }

    internal static async Task<Results<Ok<CandidateIdentity>, NotFound<ProblemDetails>>> GetIdentity(long id, CandidateStore store, CancellationToken cancellationToken) =>
        await store.GetIdentityAsync(id, cancellationToken) is { } identity
            ? TypedResults.Ok(identity)
            : TypedResults.NotFound(new ProblemDetails { Title = "Candidate not found", Detail = $"No candidate with id {id}.", Status = 404 });

    internal static async Task<Results<Ok<IReadOnlyList<FlaggedForReview>>, ValidationProblem>> ListFlagged(CandidateStore store, CancellationToken cancellationToken, int? limit = null) =>
        limit is null or (>= 1 and <= 1000)
            ? TypedResults.Ok(await store.ListFlaggedAsync(limit ?? 100, cancellationToken))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["give between 1 and 1000"] });

    internal static async Task<Results<Ok<IdentityCorrection>, ValidationProblem>> Merge(
        long id, MergeRequest request, HttpContext context, IdentityDecisions decisions, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request.With is not { } with)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["with"] = ["give the id of the candidate that is the same person"] });
        }

        var result = await decisions.MergeAsync(id, with, Actor(context), cancellationToken);
        return Answer(result, "with", services);
    }

    internal static async Task<Results<Ok<IdentityCorrection>, ValidationProblem>> Split(
        long id, SplitRequest request, HttpContext context, IdentityDecisions decisions, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (request.Sources is not { Count: > 0 and <= 1000 } sources)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sources"] = ["give between 1 and 1000 source ids"] });
        }

        var result = await decisions.SplitAsync(id, sources, Actor(context), cancellationToken);
        return Answer(result, "sources", services);
    }

    private static Results<Ok<IdentityCorrection>, ValidationProblem> Answer(IdentityCorrection result, string field, IServiceProvider services)
    {
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Error!] }); // not succeeded: there is an error
        }

        services.GetService<IndexSynchronizer>()?.Notify(); // present where the index is written
        return TypedResults.Ok(result);
    }

    private static IdentityActor Actor(HttpContext context)
    {
        var keyId = long.TryParse(context.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var name = context.User.Identity?.Name ?? "unknown";
        var named = context.User.FindFirstValue(ApiKeyAuthentication.KeyNameClaim) is { } keyName ? $"{keyName} ({name})" : name;
        return new IdentityActor(keyId is null ? name : $"API key {named}", keyId, context.Connection.RemoteIpAddress?.ToString());
    }
}

/// <summary>Body of <c>POST /api/candidates/{id}/merge</c>: the other candidate.</summary>
public sealed record MergeRequest(long? With);

/// <summary>Body of <c>POST /api/candidates/{id}/split</c>: the source ids that are another person.</summary>
public sealed record SplitRequest(IReadOnlyList<string>? Sources);
