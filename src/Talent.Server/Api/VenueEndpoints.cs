using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Profiles.Catalogs;

namespace Talent.Server.Api;

/// <summary>The venue catalog with tiers, so a page can mark each publication's venue.</summary>
public static class VenueEndpoints
{
    public static void MapVenueEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/venues", ListVenues)
            .WithName("ListVenues")
            .WithSummary("Catalog venues with full name, field, tier (A*, A, B, C) and kind")
            .WithTags("Search");

    public sealed record Venue(string Name, string? FullName, string Field, string Tier, string? Kind);

    internal static Ok<IReadOnlyList<Venue>> ListVenues(ProfileCatalogs catalogs) =>
        TypedResults.Ok<IReadOnlyList<Venue>>(catalogs.Venues.All.Select(v => new Venue(v.Name, v.FullName, v.Field, v.Tier, v.Kind)).ToList());
}
