using System.Globalization;
using Talent.Embeddings;
using Talent.Search.Ranking;

namespace Talent.Server.Evaluation;

/// <summary>
/// Sentence vectors of every paper in the gold standard, embedded once with the shipped model and kept in a cache
/// file (one <c>key TAB base64(float32)</c> line per text, keyed by <see cref="EmbeddingText.Key"/>), so a second
/// run embeds nothing. Serves them to the ranker as a candidate's publication vectors and as query vectors; a query
/// that is no paper's text (a title searched alone) is embedded when first asked for and added to the cache.
/// </summary>
public sealed class GoldStandardVectors
{
    private const int Batch = 16;

    /// <summary>Papers between two progress lines while embedding (a multiple of <see cref="Batch"/>).</summary>
    private const int ProgressEvery = 256;

    private readonly Dictionary<string, float[]> byKey;
    private readonly ITextEmbedder embedder;
    private readonly string cachePath;
    private readonly Lock embedding = new();
    private IReadOnlyDictionary<long, CandidateVectors> candidates = new Dictionary<long, CandidateVectors>();

    private GoldStandardVectors(Dictionary<string, float[]> byKey, ITextEmbedder embedder, string cachePath)
    {
        this.byKey = byKey;
        this.embedder = embedder;
        this.cachePath = cachePath;
    }

    /// <summary>Reads <paramref name="cachePath"/> and embeds (and appends) the papers it lacks.</summary>
    public static GoldStandardVectors Load(GoldStandardDataset dataset, ITextEmbedder embedder, string cachePath, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(embedder);
        var byKey = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (File.Exists(cachePath))
        {
            foreach (var line in File.ReadLines(cachePath))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0)
                {
                    byKey[line[..tab]] = VectorMath.FromBytes(Convert.FromBase64String(line[(tab + 1)..]));
                }
            }
        }

        var missing = dataset.Papers.Values.Select(p => p.Text).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)
            .Where(t => !byKey.ContainsKey(EmbeddingText.Key(t))).ToList();
        if (missing.Count > 0)
        {
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"embedding {missing.Count} papers into {cachePath}"));
            using var writer = new StreamWriter(cachePath, append: true);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < missing.Count; i += Batch)
            {
                if (i > 0 && i % ProgressEvery == 0)
                {
                    var rate = i / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"embedded {i} of {missing.Count} papers ({rate:0} a second, about {(missing.Count - i) / rate:0} s to go)"));
                }

                var batch = missing.Skip(i).Take(Batch).ToList();
                var vectors = embedder.Embed(batch);
                for (var j = 0; j < batch.Count; j++)
                {
                    var key = EmbeddingText.Key(batch[j]);
                    byKey[key] = vectors[j];
                    writer.WriteLine(CacheLine(key, vectors[j]));
                }
            }
        }

        return new GoldStandardVectors(byKey, embedder, cachePath);
    }

    /// <summary>The vector of a paper's text (or of a query embedded before), or null when the cache has none.</summary>
    public float[]? Text(string text)
    {
        lock (embedding)
        {
            return byKey.GetValueOrDefault(EmbeddingText.Key(text));
        }
    }

    /// <summary>The vector of a query: from the cache, or embedded now and appended to it, as the service embeds a query it has not seen.</summary>
    public float[]? Query(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        lock (embedding)
        {
            var key = EmbeddingText.Key(text);
            if (!byKey.TryGetValue(key, out var vector))
            {
                vector = byKey[key] = embedder.Embed([text])[0];
                File.AppendAllLines(cachePath, [CacheLine(key, vector)]);
            }

            return vector;
        }
    }

    /// <summary>One line of the cache file: the text's key, a tab, the vector's bytes in base64.</summary>
    private static string CacheLine(string key, float[] vector) => key + "\t" + Convert.ToBase64String(VectorMath.ToBytes(vector));

    /// <summary>The vector source for one profile version: each participant's papers by title.</summary>
    public ICandidateVectorSource For(GoldStandardDataset dataset, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, Func<string, long> candidateId)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(candidateId);
        var result = new Dictionary<long, CandidateVectors>();
        foreach (var (participant, paperIds) in profiles)
        {
            var byTitle = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (var paper in paperIds.Select(id => dataset.Papers.GetValueOrDefault(id)).OfType<GoldStandardPaper>())
            {
                if (paper.Title is not null && Text(paper.Text) is { } vector)
                {
                    byTitle.TryAdd(paper.Title.Trim(), vector);
                }
            }

            result[candidateId(participant)] = new CandidateVectors(byTitle, null);
        }

        candidates = result;
        return new Source(this);
    }

    private sealed class Source(GoldStandardVectors vectors) : ICandidateVectorSource
    {
        public float[]? Query(string text, CancellationToken cancellationToken) => vectors.Query(text);

        public CandidateVectors? Find(long candidateId) => vectors.candidates.GetValueOrDefault(candidateId);
    }
}
