using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Caching;
using Talent.Search.Ranking;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>
/// Vectors for the ranker from SQLite, read for the candidates a match re-ranks, all of them in one read, and query
/// vectors from the model, kept in a bounded cache. The candidates' vectors last read are kept too, within
/// <see cref="EmbeddingOptions.VectorCacheMegabytes"/> (never all of them: the query service's memory does not grow with
/// the number of candidates): a match over prolific researchers reads tens of thousands of paper vectors, and the same
/// candidates come back request after request (a candidate's vectors are kept the second time they are read). Each
/// read asks when the candidates' vectors were written, so a candidate embedded again is read again.
/// </summary>
public sealed class StoredVectorSource(EmbeddingStore store, ITextEmbedder embedder, IOptions<EmbeddingOptions> options) : ICandidateVectorSource
{
    /// <summary>Rough size of a publication's entry beyond its vector and title: the dictionary's entry and the array's header.</summary>
    private const int EntryOverhead = 64;

    private readonly ConcurrentDictionary<string, float[]> queries = new(StringComparer.Ordinal);

    /// <summary>The candidates' vectors kept between requests, keyed by when they were written; null when turned off.</summary>
    private readonly GenerationalCache<(long Id, string EmbeddedAt), CandidateVectors>? kept =
        options.Value.VectorCacheMegabytes > 0 ? new(options.Value.VectorCacheMegabytes * 1024L * 1024) : null;

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

    public CandidateVectors? Find(long candidateId) => FindMany([candidateId]).GetValueOrDefault(candidateId);

    public IReadOnlyDictionary<long, CandidateVectors> FindMany(IReadOnlyCollection<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var found = new Dictionary<long, CandidateVectors>();
        var missing = kept is null ? candidateIds : Missing(candidateIds, found);
        foreach (var (id, stored) in store.FindMany(missing))
        {
            var (vectors, bytes) = Vectors(stored);
            found[id] = vectors;
            if (kept?.Admits((id, stored.EmbeddedAt)) == true)
            {
                kept.Add((id, stored.EmbeddedAt), vectors, bytes);
            }
        }

        return found;
    }

    /// <summary>The candidates whose kept vectors are not the stored ones (or none are kept); the others go into <paramref name="found"/>.</summary>
    private List<long> Missing(IReadOnlyCollection<long> candidateIds, Dictionary<long, CandidateVectors> found)
    {
        var missing = new List<long>();
        foreach (var (id, embeddedAt) in store.EmbeddedAt(candidateIds))
        {
            if (kept!.TryGet((id, embeddedAt), out var vectors))
            {
                found[id] = vectors;
            }
            else
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    /// <summary>A candidate's stored vectors as the ranker reads them, and about how many bytes they take.</summary>
    private static (CandidateVectors Vectors, long Bytes) Vectors(StoredVectors stored)
    {
        var publications = new Dictionary<string, float[]>(StringComparer.Ordinal);
        long bytes = EntryOverhead + (4L * (stored.Profile?.Length ?? 0));
        foreach (var (title, vector) in stored.Publications)
        {
            if (publications.TryAdd(title, VectorMath.FromBytes(vector)))
            {
                bytes += EntryOverhead + vector.Length + (2L * title.Length);
            }
        }

        return (new CandidateVectors(publications, stored.Profile), bytes);
    }
}
