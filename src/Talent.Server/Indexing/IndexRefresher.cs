using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Search;
using Talent.Server.Configuration;

namespace Talent.Server.Indexing;

/// <summary>
/// In a query-only process the index is opened read-only (the worker process owns the writer): this
/// loop opens the worker's newer commits so searches see them.
/// </summary>
public sealed class IndexRefresher(CandidateIndex index, IOptions<IndexOptions> options, ILogger<IndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                index.Refresh();
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The loop is the process boundary for refreshing: a commit being written or merged away
                // under us is retried on the next turn.
                Log.IndexRefreshFailed(logger, e);
                await Task.Delay(interval, stoppingToken);
            }
        }
    }
}
