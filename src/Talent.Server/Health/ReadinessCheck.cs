using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talent.Server.Demo;
using Talent.Server.Indexing;

namespace Talent.Server.Health;

/// <summary>
/// Ready when migrations are applied, the index is open and caught up with the database, and a demo load
/// (<c>serve --demo</c>) has ended. A query-only process has no synchroniser: its read-only index follows the worker's commits.
/// Not ready yet is a step of starting, not a fault: it is <see cref="HealthStatus.Degraded"/>, which the ready endpoint
/// answers with 503 and the reason, and which the health-check service does not log as an error on every probe.
/// </summary>
public sealed class ReadinessCheck(StartupInitializer startup, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var synchronizer = services.GetService<IndexSynchronizer>();
        return Task.FromResult(
            !startup.DatabaseReady ? HealthCheckResult.Degraded("database migrations not applied yet")
            : services.GetService<DemoLoader>() is { Pending: true } ? HealthCheckResult.Degraded("demo profiles still loading")
            : synchronizer is null ? HealthCheckResult.Healthy("read-only index (query role)")
            : !synchronizer.IsCaughtUp ? HealthCheckResult.Degraded("index not caught up with the database yet")
            : HealthCheckResult.Healthy($"index at change sequence {synchronizer.AppliedSequence}"));
    }
}

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReasonAsync,
        });
    }

    /// <summary>The status, and while not ready the reason ("Degraded: demo profiles still loading"), as plain text.</summary>
    private static Task WriteReasonAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(reasons.Count == 0 ? report.Status.ToString() : $"{report.Status}: {string.Join("; ", reasons)}");
    }
}
