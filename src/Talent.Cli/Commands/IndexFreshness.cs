using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Talent.Server.Configuration;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// Before a search: an index behind the database (an ingest stopped after storing, before indexing) is caught up when
/// nobody holds the data folder; when a server or worker holds it, a line on stderr says how far behind it is.
/// </summary>
internal static class IndexFreshness
{
    /// <summary>True when this call caught the index up (the caller reopens it).</summary>
    public static async Task<bool> CatchUpAsync(ParseResult parseResult, long indexedSequence, CancellationToken cancellationToken)
    {
        var data = CliSettings.Options<DataOptions>(CliSettings.Configuration(parseResult), DataOptions.Section);
        if (!File.Exists(data.DatabasePath))
        {
            return false;
        }

        var stored = await new CandidateStore(new TalentDatabase(data.DatabasePath), TimeProvider.System).LastSequenceAsync(cancellationToken);
        if (indexedSequence >= stored)
        {
            return false;
        }

        var behind = (stored - indexedSequence).ToString(CultureInfo.InvariantCulture);
        using var host = WorkerHost.Build(CliSettings.Overrides(parseResult, LogLevel.Warning));
        if (!await WorkerHost.TryStartAsync(host, cancellationToken))
        {
            Console.Error.WriteLine($"talent: warning: the index is {behind} changes behind the database; the process holding this data folder is catching up, so results may miss them");
            return false;
        }

        await host.Get<IndexSynchronizer>().WaitForCatchUpAsync(cancellationToken);
        await host.StopAsync(CancellationToken.None);
        Console.Error.WriteLine($"talent: the index was {behind} changes behind the database (an ingest stopped before indexing them); caught up");
        return true;
    }
}
