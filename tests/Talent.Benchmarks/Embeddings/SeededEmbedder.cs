using System.Security.Cryptography;
using System.Text;
using Talent.Embeddings;

namespace Talent.Benchmarks.Embeddings;

/// <summary>
/// Stands in for the model when filling a benchmark database with vectors: a pseudo-random unit vector per text,
/// seeded by the text itself (the same text always gets the same vector), under the model's name and dimensions, so
/// the stored rows are those the worker writes with the model. Latency and memory of match and similar do not depend
/// on the values; ranking quality does, and is measured elsewhere with the real model.
/// </summary>
internal sealed class SeededEmbedder(int seed) : ITextEmbedder
{
    public string Model => MiniLmEmbedder.ModelName;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Select(Vector).ToArray();
    }

    private float[] Vector(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var random = new Random(BitConverter.ToInt32(hash) ^ seed);
        var vector = new float[Dimensions];
        var squares = 0d;
        for (var i = 0; i < vector.Length; i++)
        {
            // A Gaussian in every dimension (Box–Muller) gives directions spread evenly over the sphere.
            var value = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)value;
            squares += value * value;
        }

        var length = (float)Math.Sqrt(squares);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= length;
        }

        return vector;
    }
}
