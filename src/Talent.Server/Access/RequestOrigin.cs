using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Server.Access;

/// <summary>
/// Two checks on where a request comes from, before authorization: its <c>Host</c> must be an allowed name
/// (<see cref="HostValidation"/>, 400 otherwise), and a state-changing request served without a key (anonymous local
/// use) must carry <see cref="Header"/>. A page on another site cannot add a custom header to a cross-site request
/// without the service's consent (CORS, which Talent never gives), so it cannot erase, reindex or submit through a
/// browser on this machine; the web page and the <c>talent</c> CLI send the header.
/// </summary>
internal static class RequestOrigin
{
    public const string Header = "X-Talent-Request";

    /// <summary>Endpoint metadata of a POST that only reads (a match description in a body), so it needs no header.</summary>
    public sealed class ReadsOnly
    {
        public static ReadsOnly Instance { get; } = new();
    }

    /// <summary>Refuses a request whose Host is not allowed.</summary>
    public static void UseHostValidation(WebApplication app)
    {
        var hosts = app.Services.GetRequiredService<HostValidation>();
        app.Use(async (context, next) =>
        {
            if (hosts.Allows(context.Request.Host))
            {
                await next(context);
                return;
            }

            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Host not allowed", detail: hosts.Describe()).ExecuteAsync(context);
        });
    }

    /// <summary>Refuses a state-changing anonymous request without <see cref="Header"/> (after authentication, which tells anonymous apart).</summary>
    public static void UseStateChangeHeader(WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (!NeedsHeader(context) || context.Request.Headers.ContainsKey(Header))
            {
                await next(context);
                return;
            }

            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Request header required",
                detail: $"A state-changing request without an API key must carry the header {Header}: 1 (the web page and the talent CLI send it).").ExecuteAsync(context);
        });

    private static bool NeedsHeader(HttpContext context)
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        return !safe
            && context.User.HasClaim(c => c.Type == ApiKeyAuthentication.AnonymousClaim)
            && context.GetEndpoint()?.Metadata.GetMetadata<ReadsOnly>() is null;
    }
}
