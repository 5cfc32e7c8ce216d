using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapPost("/reindex", StartReindex)
            .WithName("StartReindex")
            .WithSummary("Rebuild the index from the database and swap it in while search keeps answering");
        group.MapGet("/reindex", ReindexStatus)
            .WithName("GetReindexStatus")
            .WithSummary("Progress of the current or last rebuild");
    }

    internal static Results<Accepted<Indexing.ReindexStatus>, Conflict<Indexing.ReindexStatus>> StartReindex(IndexRebuilder rebuilder) =>
        rebuilder.TryStartInBackground()
            ? TypedResults.Accepted("/api/admin/reindex", rebuilder.Status)
            : TypedResults.Conflict(rebuilder.Status);

    internal static Ok<Indexing.ReindexStatus> ReindexStatus(IndexRebuilder rebuilder) => TypedResults.Ok(rebuilder.Status);
}
