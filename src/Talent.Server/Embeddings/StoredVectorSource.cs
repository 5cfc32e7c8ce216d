using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>
/// Vectors for the ranker from SQLite, read per candidate when a match re-ranks them (never all held in memory:
/// the query service's memory does not grow with the number of candidates), and query vectors from the model,
/// kept in a bounded cache.
/// </summary>
public sealed class StoredVectorSource(EmbeddingStore store, ITextEmbedder embedder, IOptions<EmbeddingOptions> options) : ICandidateVectorSource
{
    private readonly ConcurrentDictionary<string, float[]> queries = new(StringComparer.Ordinal);

    public float[]? Query(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = EmbeddingText.Key(text);
        if (queries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var vector = embedder.Embed([text], cancellationToken)[0];
        if (queries.Count >= options.Value.QueryCacheSize)
        {
            queries.Clear();
        }

        queries[key] = vector;
        return vector;
    }

    public CandidateVectors? Find(long candidateId)
    {
        if (store.Find(candidateId) is not { } found)
        {
            return null;
        }

        var publications = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (title, vector) in found.Publications)
        {
            publications.TryAdd(title, VectorMath.FromBytes(vector));
        }

        return new CandidateVectors(publications, found.Profile);
    }
}
