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
/// The ready endpoint answers with it, and a search or match answered before says why its answer may be incomplete.
/// </summary>
public sealed class ServiceReadiness(StartupInitializer startup, IServiceProvider services)
{
    /// <summary>Why the service is not ready yet ("demo profiles still loading: 2 of 5 stored"); null when it is.</summary>
    public string? NotReadyReason =>
        !startup.DatabaseReady ? "database migrations not applied yet"
        : services.GetService<DemoLoader>()?.Progress is { } loading ? loading
        : services.GetService<IndexSynchronizer>() is { IsCaughtUp: false } ? "index not caught up with the database yet"
        : null;

    /// <summary>
    /// For an answer given before the service is ready, the sentence that says it may be incomplete and why; null once ready.
    /// </summary>
    public string? AnswerNotice => NotReadyReason is { } reason
        ? $"Talent is still starting ({reason}); this answer may be incomplete, ask again in a moment."
        : null;
}

/// <summary>
/// <see cref="ServiceReadiness"/> as a health check. Not ready yet is a step of starting, not a fault: it is
/// <see cref="HealthStatus.Degraded"/>, which the ready endpoint answers with 503 and the reason, and which the
/// health-check service does not log as an error on every probe.
/// </summary>
public sealed class ReadinessCheck(ServiceReadiness readiness, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var synchronizer = services.GetService<IndexSynchronizer>();
        return Task.FromResult(
            readiness.NotReadyReason is { } reason ? HealthCheckResult.Degraded(reason)
            : synchronizer is null ? HealthCheckResult.Healthy("read-only index (query role)")
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
