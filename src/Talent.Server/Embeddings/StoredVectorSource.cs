using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>
/// Vectors for the ranker from SQLite, read for the candidates a match re-ranks, all of them in one read (never all
/// held in memory: the query service's memory does not grow with the number of candidates), and query vectors from
/// the model, kept in a bounded cache.
/// </summary>
public sealed class StoredVectorSource(EmbeddingStore store, ITextEmbedder embedder, IOptions<EmbeddingOptions> options) : ICandidateVectorSource
{
    private readonly ConcurrentDictionary<string, float[]> queries = new(StringComparer.Ordinal);

    /// <summary>Set once the store holds a vector: vectors are only added after that, so it is read until then only.</summary>
    private volatile bool anyStored;

    public bool AnyStored => anyStored || (anyStored = store.AnyStored());

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

    public CandidateVectors? Find(long candidateId) => store.Find(candidateId) is { } found ? Vectors(found.Profile, found.Publications) : null;

    public IReadOnlyDictionary<long, CandidateVectors> FindMany(IReadOnlyCollection<long> candidateIds) =>
        store.FindMany(candidateIds).ToDictionary(f => f.Key, f => Vectors(f.Value.Profile, f.Value.Publications));

    private static CandidateVectors Vectors(float[]? profile, IReadOnlyList<(string Title, byte[] Vector)> stored)
    {
        var publications = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (title, vector) in stored)
        {
            publications.TryAdd(title, VectorMath.FromBytes(vector));
        }

        return new CandidateVectors(publications, profile);
    }
}
