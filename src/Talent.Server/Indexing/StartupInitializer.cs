using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Search;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Indexing;

/// <summary>
/// Runs before the bus and the web server start: applies database migrations, opens the live index
/// and removes index generations left by an interrupted rebuild. Startup stops here with a clear
/// error if any of it cannot be done.
/// </summary>
public sealed class StartupInitializer(
    TalentDatabase database,
    LiveIndex live,
    IOptions<IndexOptions> options,
    IServiceProvider services,
    ILogger<StartupInitializer> logger) : IHostedService
{
    private bool writesIndex => services.GetService(typeof(IndexSynchronizer)) is not null;

    public bool DatabaseReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await database.MigrateAsync(logger, cancellationToken);
        DatabaseReady = true;
        Log.DatabaseReady(logger, version);
        var index = live.Current;
        Log.IndexOpened(logger, index.LastAppliedSequence, index.CountAsLogged);
        if (writesIndex)
        {
            // Generations no CURRENT names are leftovers of a rebuild that was killed; only the writer removes them.
            foreach (var leftover in IndexLocation.Unused(Path.GetFullPath(options.Value.Directory), index.DirectoryPath))
            {
                Directory.Delete(leftover, recursive: true);
            }

            if (index.AnalysisChanged)
            {
                if (options.Value.RebuildWhenAnalysisChanges && services.GetService(typeof(IndexRebuilder)) is IndexRebuilder rebuilder && rebuilder.TryStartInBackground())
                {
                    Log.IndexAnalysisChangedRebuilding(logger);
                }
                else
                {
                    Log.IndexAnalysisChanged(logger);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
