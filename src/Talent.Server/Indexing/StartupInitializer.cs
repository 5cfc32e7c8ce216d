using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Talent.Search;
using Talent.Storage;

namespace Talent.Server.Indexing;

/// <summary>
/// Runs before the bus and the web server start: applies database migrations and opens the index.
/// Startup stops here with a clear error if either cannot be done.
/// </summary>
public sealed class StartupInitializer(TalentDatabase database, IServiceProvider services, ILogger<StartupInitializer> logger) : IHostedService
{
    public bool DatabaseReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await database.MigrateAsync(logger, cancellationToken);
        DatabaseReady = true;
        Log.DatabaseReady(logger, version);
        var index = (CandidateIndex?)services.GetService(typeof(CandidateIndex));
        if (index is not null)
        {
            Log.IndexOpened(logger, index.LastAppliedSequence, index.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
