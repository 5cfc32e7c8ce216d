using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Server.Access;

namespace Talent.Server.Api;

/// <summary>Who the caller is to the service, so a page shows only what the caller's key may do.</summary>
public static class AccessEndpoints
{
    public static void MapAccessEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/access/me", Me)
            .WithName("Me")
            .WithSummary("The caller's role (recruiter or admin) and the name of their key; anonymous local use is admin")
            .WithTags("Access");

    /// <summary>The caller: their role, the name their key goes by (its prefix, or its given name) and whether it is local use without a key.</summary>
    public sealed record Caller(string Role, string Name, bool Anonymous);

    internal static Ok<Caller> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new Caller(
            user.IsInRole("admin") ? "admin" : "recruiter",
            user.FindFirstValue(ApiKeyAuthentication.KeyNameClaim) ?? user.Identity?.Name ?? "",
            user.HasClaim(c => c.Type == ApiKeyAuthentication.AnonymousClaim)));
}
