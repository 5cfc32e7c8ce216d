using System.Numerics;
using System.Runtime.InteropServices;

namespace Talent.Search.Ranking;

/// <summary>Sentence vectors as stored (little-endian float32 blobs) and compared (dot product of unit vectors).</summary>
public static class VectorMath
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] FromBytes(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    /// <summary>Cosine of two unit vectors; 0 when their lengths differ (vectors of another model) or one is empty.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0f;
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    /// <summary>The normalised mean of unit vectors of one length: one vector for a body of work.</summary>
    public static float[] Centroid(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return [];
        }

        var sum = new float[vectors[0].Length];
        foreach (var vector in vectors.Where(v => v.Length == sum.Length))
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += vector[i];
            }
        }

        var length = MathF.Sqrt(sum.Sum(x => x * x));
        if (length > 0)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] /= length;
            }
        }

        return sum;
    }
}
