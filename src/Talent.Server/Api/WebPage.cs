using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Talent.Server.Api;

/// <summary>
/// The recruiter's page: one HTML shell for the search, candidate and rejected-documents views (the
/// script picks the view from the path), with its script, style sheet and icon embedded in this assembly
/// so a clean checkout works offline. Nothing inline: the page runs under <c>default-src 'self'</c>.
/// </summary>
public static class WebPage
{
    /// <summary>The policy the page is written for: scripts, styles and images from this service only.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly Dictionary<string, string> AssetTypes = new(StringComparer.Ordinal)
    {
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["identity.js"] = "text/javascript; charset=utf-8",
        ["partial.js"] = "text/javascript; charset=utf-8",
        ["upload.js"] = "text/javascript; charset=utf-8",
        ["upload.css"] = "text/css; charset=utf-8",
        ["shortlist.js"] = "text/javascript; charset=utf-8",
        ["shortlist.css"] = "text/css; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    private static readonly Lazy<Dictionary<string, byte[]>> Assets = new(() =>
        AssetTypes.Keys.Append("index.html").ToDictionary(name => name, Read, StringComparer.Ordinal));

    public static void MapWebPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Web").ExcludeFromDescription();
        group.MapGet("/", Page).WithName("WebPage").WithSummary("The search page");
        group.MapGet("/candidates/{id:long}", Page).WithName("WebCandidatePage").WithSummary("The candidate page");
        group.MapGet("/shortlists", Page).WithName("WebShortlistsPage").WithSummary("The shortlists");
        group.MapGet("/shortlists/{id:long}", Page).WithName("WebShortlistPage").WithSummary("One shortlist's candidates");
        group.MapGet("/admin/rejected", Page).WithName("WebRejectedPage").WithSummary("Rejected documents (admin)");
        group.MapGet("/assets/{name}", Asset).WithName("WebAsset").WithSummary("The page's script, style sheet and icon");
    }

    private static FileContentHttpResult Page(HttpContext context)
    {
        SetHeaders(context.Response);
        return TypedResults.File(Assets.Value["index.html"], "text/html; charset=utf-8");
    }

    private static Results<FileContentHttpResult, NotFound> Asset(string name, HttpContext context)
    {
        if (!AssetTypes.TryGetValue(name, out var contentType))
        {
            return TypedResults.NotFound();
        }

        SetHeaders(context.Response);
        return TypedResults.File(Assets.Value[name], contentType);
    }

    private static void SetHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        // Small and embedded: revalidating costs nothing and a new build is seen at once.
        response.Headers.CacheControl = "no-cache";
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("Talent.Server.Web." + name)
            ?? throw new InvalidOperationException($"Web/{name} is not embedded in Talent.Server.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
