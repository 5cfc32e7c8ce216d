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
    ILogger<StartupInitializer> logger) : IHostedService
{
    public bool DatabaseReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await database.MigrateAsync(logger, cancellationToken);
        DatabaseReady = true;
        Log.DatabaseReady(logger, version);
        var index = live.Current;
        Log.IndexOpened(logger, index.LastAppliedSequence, index.Count);
        foreach (var leftover in IndexLocation.Unused(Path.GetFullPath(options.Value.Directory), index.DirectoryPath))
        {
            Directory.Delete(leftover, recursive: true);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
