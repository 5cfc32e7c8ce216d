using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talent.Server.Demo;
using Talent.Server.Indexing;

namespace Talent.Server.Health;

/// <summary>
/// Ready when migrations are applied, the index is open and caught up with the database, and a demo load
/// (<c>serve --demo</c>) has ended. A query-only process has no synchroniser: its read-only index follows the worker's commits.
/// </summary>
public sealed class ReadinessCheck(StartupInitializer startup, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var synchronizer = services.GetService<IndexSynchronizer>();
        return Task.FromResult(
            !startup.DatabaseReady ? HealthCheckResult.Unhealthy("database migrations not applied yet")
            : services.GetService<DemoLoader>() is { Pending: true } ? HealthCheckResult.Unhealthy("demo profiles still loading")
            : synchronizer is null ? HealthCheckResult.Healthy("read-only index (query role)")
            : !synchronizer.IsCaughtUp ? HealthCheckResult.Unhealthy("index not caught up with the database yet")
            : HealthCheckResult.Healthy($"index at change sequence {synchronizer.AppliedSequence}"));
    }
}

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
