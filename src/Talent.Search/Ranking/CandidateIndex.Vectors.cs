using Talent.Search.Ranking;

namespace Talent.Search;

public sealed partial class CandidateIndex
{
    /// <summary>
    /// Sentence vectors for match and similar (the host's store, filled behind ingestion). Null ranks by words alone;
    /// set once at startup, before queries.
    /// </summary>
    public ICandidateVectorSource? Vectors { get; set; }

    /// <summary>The vector that stands for a candidate in "similar": the mean of their publication vectors and their own words' vector.</summary>
    private float[]? SimilarVector(long candidateId)
    {
        if (Vectors?.Find(candidateId) is not { } stored)
        {
            return null;
        }

        var all = stored.Publications.Values.ToList();
        if (stored.Profile is { } profile)
        {
            all.Add(profile);
        }

        return all.Count == 0 ? null : VectorMath.Centroid(all);
    }
}
