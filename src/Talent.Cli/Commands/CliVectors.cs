using System.CommandLine;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// Sentence vectors for a command's ranking when <c>Talent:Embeddings:Enabled</c> is set, read as the query service reads
/// them: the vectors the worker stored in SQLite, and the shipped model for the query's own vector.
/// </summary>
internal static class CliVectors
{
    /// <summary>Gives <paramref name="index"/> the vectors; the model it returns is disposed with the command (null when vectors are off).</summary>
    public static async Task<IDisposable?> AttachAsync(ParseResult parseResult, CandidateIndex index, CancellationToken cancellationToken)
    {
        var configuration = CliSettings.Configuration(parseResult);
        if (!EmbeddingServices.IsEnabled(configuration))
        {
            return null;
        }

        var options = CliSettings.Options<EmbeddingOptions>(configuration, EmbeddingOptions.Section);
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        var embedder = new MiniLmEmbedder(options.Threads);
        index.Vectors = new StoredVectorSource(new EmbeddingStore(database, TimeProvider.System), embedder, Options.Create(options));
        return embedder;
    }
}
