using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server.Configuration;

namespace Talent.Server.Indexing;

/// <summary>
/// In a query-only process the index is opened read-only (the worker process owns the writer): this
/// loop opens the worker's newer commits so searches see them, and follows a rebuilt generation once
/// the worker publishes it.
/// </summary>
public sealed class IndexRefresher(LiveIndex live, ProfileCatalogs catalogs, IOptions<IndexOptions> options, IOptions<SearchOptions> search, ILoggerFactory loggers, TimeProvider clock) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<IndexRefresher>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = IndexLocation.Current(Path.GetFullPath(options.Value.Directory));
                if (!string.Equals(published, live.Current.DirectoryPath, StringComparison.Ordinal))
                {
                    live.Swap(CandidateIndex.OpenReadOnly(published, catalogs, loggers.CreateLogger("Talent.Search"), search.Value, clock));
                }
                else
                {
                    live.Current.Refresh();
                }

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
