using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Talent.Server.Access;

/// <summary>API keys, roles, rate limits, audit and security headers for the query service.</summary>
internal static class AccessServices
{
    /// <summary>Every response: no sniffing, no framing, no referrer leaks, scripts and styles only from the service itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void Add(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        services.AddSingleton<AnonymousAccess>();
        services.AddSingleton<HostValidation>();
        services.AddSingleton<ExpensiveQueryGate>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.RecruiterPolicy, p => p.RequireRole("recruiter", "admin"))
            .AddPolicy(ApiKeyAuthentication.AdminPolicy, p => p.RequireRole("admin"));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A request with a valid key counts against its key; any other against its client address.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    ExpensiveQueryGate.CallerOf(context),
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = access.BurstLimit,
                        TokensPerPeriod = access.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"Retry in {retryAfter} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    /// <summary>Security headers, the Host check, authentication, the state-change header, the rate limiter and authorization, in that order.</summary>
    public static void Use(WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
        RequestOrigin.UseHostValidation(app);
        app.UseAuthentication();
        RequestOrigin.UseStateChangeHeader(app);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<AnonymousAccess>().Announce());
    }
}
