using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Talent.Server.Access;

/// <summary>
/// At most <see cref="AccessOptions.ExpensiveQueriesAtOnce"/> expensive queries running at once per API key (or, without
/// a key, per client address): one caller's wildcard or regular-expression storm cannot take every core.
/// </summary>
internal sealed class ExpensiveQueryGate(IOptions<AccessOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions { PermitLimit = options.Value.ExpensiveQueriesAtOnce, QueueLimit = 0 }));

    /// <summary>A lease to dispose when the query has finished, or null (with the 429 to answer) when the caller has too many running.</summary>
    public (RateLimitLease? Lease, ProblemHttpResult? Refusal) Enter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lease = limiter.AttemptAcquire(CallerOf(context));
        if (lease.IsAcquired)
        {
            return (lease, null);
        }

        lease.Dispose();
        context.Response.Headers.RetryAfter = "1";
        return (null, TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many expensive queries at once",
            detail: $"At most {options.Value.ExpensiveQueriesAtOnce} expensive queries (wildcards, fuzzy terms, regular expressions, ranges, proximity, match, similar) may run at once per key or client address (Talent:Access:ExpensiveQueriesAtOnce); retry when one has finished."));
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>The key a request was made with, else its client address: the same partition the rate limiter uses.</summary>
    internal static string CallerOf(HttpContext context) =>
        context.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is { } keyId ? "key:" + keyId : "address:" + context.Connection.RemoteIpAddress;
}
