using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Storage;

namespace Talent.Server.Access;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the hashed keys in SQLite. Without a header, a request is
/// anonymous local use when <see cref="AnonymousAccess"/> allows it; otherwise it is challenged with 401.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessStore keys,
    AnonymousAccess anonymous)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "talent:key_id";

    /// <summary>Claim of the name an API key was given when created (<c>talent admin keys create --name</c>), when it has one.</summary>
    public const string KeyNameClaim = "talent:key_name";

    /// <summary>Claim of a request served without a key (anonymous local use).</summary>
    public const string AnonymousClaim = "talent:anonymous";

    /// <summary>Policy: search and candidate pages (recruiter or admin).</summary>
    public const string RecruiterPolicy = "recruiter";

    /// <summary>Policy: everything else — erasure, documents, rejected documents, reindex.</summary>
    public const string AdminPolicy = "admin";

    private const int MaxKeyLength = 200;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header];
        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            return anonymous.Allows(Context)
                ? AuthenticateResult.Success(Ticket([new Claim(ClaimTypes.Role, "admin"), new Claim(ClaimTypes.Name, "anonymous (local)"), new Claim(AnonymousClaim, "local")]))
                : AuthenticateResult.NoResult();
        }

        var secret = presented[0]!; // checked non-empty above
        if (presented.Count > 1 || secret.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var key = await keys.FindLiveKeyAsync(secret, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(Ticket(
                [
                    new Claim(ClaimTypes.Role, key.Role),
                    new Claim(ClaimTypes.Name, key.Prefix),
                    new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    .. key.Name is { Length: > 0 } name ? [new Claim(KeyNameClaim, name)] : Array.Empty<Claim>(),
                ]));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: Request.Headers.ContainsKey(Header) ? "The X-Api-Key header holds no valid key (unknown, revoked or malformed)." : "Send an API key in the X-Api-Key header.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed for this key's role",
            detail: "This endpoint needs the admin role.").ExecuteAsync(Context);
    }

    private AuthenticationTicket Ticket(Claim[] claims) =>
        new(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName);
}
