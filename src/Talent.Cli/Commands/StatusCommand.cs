using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Server.Configuration;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin status</c>: what a data folder holds — documents, candidates, whether the index has every change of
/// the database, how many candidates have sentence vectors and how many wait for them — read from the database and the
/// index, so it answers the same whether a server or worker holds the folder or nothing does.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "What the data folder holds: documents, candidates, the index against the database, the sentence-vector backlog") { Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliSettings.Configuration(parseResult);
            var database = await ShowCommand.OpenExistingDatabaseAsync(parseResult, cancellationToken);
            var store = new CandidateStore(database, TimeProvider.System);
            var (waiting, embedded) = await new EmbeddingStore(database, TimeProvider.System).CountsAsync(cancellationToken);
            var status = new DataFolderStatus(
                Path.GetFullPath(CliSettings.Options<DataOptions>(configuration, DataOptions.Section).Directory),
                await store.CountSourcesByStateAsync(cancellationToken),
                await store.CountCandidatesAsync(cancellationToken),
                ReadIndex(configuration, await store.LastSequenceAsync(cancellationToken)),
                new VectorStatus(EmbeddingServices.IsEnabled(configuration), embedded, waiting),
                await AskServerAsync(configuration, cancellationToken));
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(status);
            }
            else
            {
                foreach (var line in Lines(status))
                {
                    Console.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The status as lines for a terminal, each saying what to run where something waits.</summary>
    internal static IEnumerable<string> Lines(DataFolderStatus status)
    {
        string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        yield return $"data folder       {status.DataFolder}";
        var documents = status.Documents;
        yield return $"documents         {N(documents.Received)} received: {N(documents.Received - documents.Rejected)} accepted ({N(documents.Partial)} of them partial: talent admin partial), {N(documents.Rejected)} rejected (talent admin rejected)";
        yield return $"candidates        {N(status.Candidates)}";
        yield return status.Index switch
        {
            null => "index             none yet (talent admin reindex builds it from the database)",
            { ChangesBehind: 0 } index => $"index             {N(index.Candidates)} candidates, every change of the database applied (change {N(index.AppliedSequence)})",
            var index => $"index             {N(index.Candidates)} candidates, {N(index.ChangesBehind)} changes behind the database (the process holding the folder catches up; with none, the next talent search does)",
        };
        if (status.Index is { AnalysisChanged: true })
        {
            yield return "                  " + IndexFreshness.AnalysisChanged;
        }

        var vectors = status.Vectors;
        var without = Math.Max(0, status.Candidates - vectors.Embedded);
        // A server holding the folder ranks its queries by its own setting, which may differ from this command's.
        var use = (status.Server?.Embeddings?.Enabled ?? vectors.Enabled, status.Server?.Embeddings is not null) switch
        {
            (true, true) => "the server's search, match and similar use them",
            (false, true) => "off at the server (Talent:Embeddings:Enabled): it ranks by words alone",
            (true, false) => "search, match and similar use them",
            (false, false) => "off (Talent:Embeddings:Enabled): ranking by words alone",
        };
        var compute = without == 0 ? "" : vectors.Enabled ? "; a worker or talent admin embed computes the rest" : "; talent admin embed computes the rest";
        yield return $"sentence vectors  {N(vectors.Embedded)} of {N(status.Candidates)} candidates have them, {N(vectors.Waiting)} on the backlog{compute}; {use}";
        yield return $"server            {Server(status.Server)}";
    }

    /// <summary>The server line: who holds the folder and, with vectors on there, how its backlog drains.</summary>
    private static string Server(ServerStatus? server)
    {
        if (server is null)
        {
            return "none announced for this folder";
        }

        var held = $"talent serve at {server.Address} holds this folder";
        return server.Embeddings switch
        {
            null => $"{held}, but did not answer GET /health/embeddings",
            { Enabled: false } => $"{held}; sentence vectors are off there",
            { Waiting: 0 } => $"{held}; its backlog is empty",
            { WaitingForIngestion: true } => $"{held}; it holds its backlog back while it ingests",
            { RecentCandidatesPerSecond: > 0, SecondsToDrain: { } seconds } embeddings => string.Create(
                CultureInfo.InvariantCulture,
                $"{held}; its backlog drains at {embeddings.RecentCandidatesPerSecond:0.#} candidates/s, about {Duration(seconds)} left"),
            _ => $"{held}; it drained nothing in the last minute",
        };
    }

    /// <summary>A time left as a person reads it: seconds under a minute and a half, minutes under an hour and a half, else hours.</summary>
    internal static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds):0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(seconds / 60):0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };

    /// <summary>
    /// The server announced for the folder and its backlog's state (<c>GET /health/embeddings</c>), or null when none is
    /// announced. A server that does not answer within <see cref="ServerAnswer"/> is reported as such.
    /// </summary>
    private static async Task<ServerStatus?> AskServerAsync(Microsoft.Extensions.Configuration.IConfiguration configuration, CancellationToken cancellationToken)
    {
        using var server = RunningServer.Find(configuration);
        if (server is null)
        {
            return null;
        }

        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(ServerAnswer);
        try
        {
            return new ServerStatus(server.Address.ToString(), await server.GetAsync<EmbeddingStatus>("/health/embeddings", answer.Token));
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or WorkException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ServerStatus(server.Address.ToString(), null);
        }
    }

    /// <summary>How long the status waits for an announced server to answer before saying it did not.</summary>
    private static readonly TimeSpan ServerAnswer = TimeSpan.FromSeconds(10);

    /// <summary>The live index against the database, or null when no index was built yet.</summary>
    private static IndexStatus? ReadIndex(Microsoft.Extensions.Configuration.IConfiguration configuration, long databaseSequence)
    {
        var directory = IndexLocation.Current(Path.GetFullPath(CliSettings.Options<IndexOptions>(configuration, IndexOptions.Section).Directory));
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section), readsDocuments: false);
        using var index = CandidateIndex.OpenReadOnly(directory, catalogs, NullLogger.Instance);
        var applied = index.LastAppliedSequence;
        return new IndexStatus(index.Count, applied, databaseSequence, Math.Max(0, databaseSequence - applied), index.AnalysisChanged);
    }
}

/// <summary>What <c>talent admin status</c> reports; its JSON shape.</summary>
internal sealed record DataFolderStatus(string DataFolder, SourceCounts Documents, long Candidates, IndexStatus? Index, VectorStatus Vectors, ServerStatus? Server);

/// <summary>The <c>talent serve</c> announced for the folder and its <c>/health/embeddings</c> answer (null when it gave none).</summary>
internal sealed record ServerStatus(string Address, EmbeddingStatus? Embeddings);

/// <summary>
/// The live index: candidates in it, the last database change it applied, the database's last, the difference, and whether
/// its documents were made with another analysis of words than this Talent's.
/// </summary>
internal sealed record IndexStatus(int Candidates, long AppliedSequence, long DatabaseSequence, long ChangesBehind, bool AnalysisChanged = false);

/// <summary>Sentence vectors: whether ranking uses them, candidates with them, candidates on the backlog (a worker puts the rest there when it starts).</summary>
internal sealed record VectorStatus(bool Enabled, long Embedded, long Waiting);
