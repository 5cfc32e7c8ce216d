using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Server.Configuration;

namespace Talent.Server.Health;

/// <summary>
/// For a process without HTTP (<c>talent worker</c>): while its health checks (the bus connected, the consumers
/// running) pass, it rewrites <c>worker.alive</c> in the data folder every few seconds. A container health check
/// reads the file's age: a stale file means the worker stopped consuming, without starting another process to ask.
/// </summary>
public sealed class LivenessFile(HealthCheckService health, IOptions<DataOptions> data, TimeProvider time) : BackgroundService
{
    public const string FileName = "worker.alive";

    /// <summary>How often the file is rewritten; a health check allows several missed turns.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.Combine(Path.GetFullPath(data.Value.Directory), FileName);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var report = await health.CheckHealthAsync(stoppingToken);
            if (report.Status == HealthStatus.Healthy)
            {
                await File.WriteAllTextAsync(path, time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
