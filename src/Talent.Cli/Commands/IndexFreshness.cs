using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Talent.Search;
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
    /// <summary>What is wrong with an index made with another analysis of words, and what rebuilds it.</summary>
    public const string AnalysisChanged = "made with another analysis of words than this Talent's (an older version or another config/compounds.json): " + Rebuild;

    /// <summary>What rebuilds an index made with another analysis of words.</summary>
    public const string Rebuild = "some searches miss candidates until it is rebuilt (talent admin reindex; a talent serve or worker holding the folder rebuilds it when it starts)";

    /// <summary>Says on stderr when the index's documents were made with another analysis of words than this Talent's.</summary>
    public static void WarnIfAnalysisChanged(CandidateIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.AnalysisChanged)
        {
            Console.Error.WriteLine("talent: warning: the index was " + AnalysisChanged);
        }
    }

    /// <summary>Settings for a one-shot command's own worker: it does not start a rebuild it would stop when it ends.</summary>
    public static Dictionary<string, string?> OneShot(Dictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        overrides[$"{IndexOptions.Section}:{nameof(IndexOptions.RebuildWhenAnalysisChanges)}"] = "false";
        return overrides;
    }

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
        using var host = WorkerHost.Build(OneShot(CliSettings.Overrides(parseResult, LogLevel.Warning)));
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
