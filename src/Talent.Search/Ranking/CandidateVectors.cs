namespace Talent.Search.Ranking;

/// <summary>
/// A candidate's sentence vectors: one per publication (title and abstract), keyed by the publication's title as
/// stored, and one for their own words (headline, summary, roles, interests, skills) when they have any.
/// </summary>
public sealed record CandidateVectors(IReadOnlyDictionary<string, float[]> Publications, float[]? Profile)
{
    public float[]? Publication(string title) => Publications.TryGetValue(title.Trim(), out var vector) ? vector : null;
}

/// <summary>
/// Where the ranker finds vectors: the host's store (filled behind ingestion) or an evaluation's memory. A
/// candidate whose vectors are not computed yet is ranked by words alone, and the fit says so.
/// </summary>
public interface ICandidateVectorSource
{
    /// <summary>
    /// Whether any candidate has vectors yet: when none has, a query is ranked by words without waiting for the model
    /// to embed it (a data folder whose backlog has not drained, or a command run before <c>talent admin embed</c>).
    /// </summary>
    bool AnyStored => true;

    /// <summary>The query's vector, or null when it cannot be computed now (no model, or over its time).</summary>
    float[]? Query(string text, CancellationToken cancellationToken);

    /// <summary>The candidate's vectors, or null while they wait in the backlog.</summary>
    CandidateVectors? Find(long candidateId);

    /// <summary>
    /// The vectors of the candidates that have them, for a re-rank of many at once; a store answers in one read
    /// instead of one per candidate.
    /// </summary>
    IReadOnlyDictionary<long, CandidateVectors> FindMany(IReadOnlyCollection<long> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var found = new Dictionary<long, CandidateVectors>();
        foreach (var id in candidateIds)
        {
            if (!found.ContainsKey(id) && Find(id) is { } vectors)
            {
                found[id] = vectors;
            }
        }

        return found;
    }
}
