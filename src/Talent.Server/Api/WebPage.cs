using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Talent.Server.Api;

public static class WebPage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("Talent.Server.Web.index.html")
            ?? throw new InvalidOperationException("The web page is not embedded in Talent.Server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapWebPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Content(Html.Value, "text/html; charset=utf-8"))
            .WithName("WebPage")
            .WithSummary("The search page")
            .WithTags("Web");
}
