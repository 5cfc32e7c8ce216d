namespace Talent.Search.Matching;

/// <summary>How a fit is computed; defaults tuned on the development half of the reviewer-expertise benchmark.</summary>
public sealed record MatchWeights
{
    /// <summary>Share of the fit given to the single closest paper; the rest goes to the mean of the <see cref="TopPapers"/> closest.</summary>
    public double BestPaper { get; init; }

    /// <summary>
    /// Share of a text's similarity given to meaning (cosine of sentence vectors); the rest goes to words (cosine of
    /// tf-idf vectors). 0 ranks by words alone. Chosen on the development half of the reviewer-expertise benchmark.
    /// </summary>
    public double Semantic { get; init; } = 0.7;

    public int TopPapers { get; init; } = 20;

    /// <summary>
    /// Exponent of the power mean over the closest papers: above 1 leans towards the best paper, 1 is the plain mean,
    /// below 1 rewards several moderately close papers (measured best on the benchmark: 0.5).
    /// </summary>
    public double Power { get; init; } = 0.5;

    /// <summary>
    /// Share of the order of candidates given to their single closest text (a paper, or their own words), the rest to
    /// their fit: set by hand at one half, not tuned (see docs/ranking.md, expert finding). The fit itself is unchanged.
    /// </summary>
    public double ClosestText { get; init; } = 0.5;

    /// <summary>How far matched catalog topics and skills move the fit towards 1.</summary>
    public double Catalog { get; init; } = 0.2;

    /// <summary>Description words used to retrieve candidates before re-ranking.</summary>
    public int QueryTerms { get; init; } = 64;

    /// <summary>Candidates retrieved and re-ranked by their papers.</summary>
    public int RerankDepth { get; init; } = 200;
}
