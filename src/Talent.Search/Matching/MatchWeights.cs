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
    /// How many of a candidate's closest texts (papers, and their own words) decide their place in the order: a soft
    /// maximum over them (<see cref="Softness"/>), so the author of the closest paper leads and a few more close papers
    /// add a little, while many papers that are each a little close add nothing. See docs/ranking.md, expert finding.
    /// </summary>
    public int ClosestTexts { get; init; } = 5;

    /// <summary>
    /// Temperature of the soft maximum over the <see cref="ClosestTexts"/> (similarities are 0–1): 0 is the closest text
    /// alone; a text 0.05 less close than another counts e (2.7) times less. Chosen with <see cref="ClosestTexts"/> on
    /// the expert-finding task, not on the gold standard (the fit, which the gold standard scores, does not use them).
    /// </summary>
    public double Softness { get; init; } = 0.05;

    /// <summary>How far matched catalog topics move the fit towards 1.</summary>
    public double Catalog { get; init; } = 0.2;

    /// <summary>
    /// How far the skills a description requires (or wishes for, at half) and the candidate holds move the fit towards
    /// 1. Higher than <see cref="Catalog"/>: a job ad's list of skills says what it wants more plainly than its prose,
    /// whose closeness in meaning to one person's own words or another's differs by chance as much as by fit. Set by
    /// hand so that holding most of an ad's skills outweighs that chance, not tuned on any benchmark (the descriptions
    /// of the gold standard and the expert-finding tasks are papers, which name few skills: their scores do not move).
    /// The skills held are also one more text as close as this times their share, so a CV far from the ad in meaning
    /// (another language, a bare list) is found by what it lists.
    /// </summary>
    public double Skills { get; init; } = 0.5;

    /// <summary>Description words used to retrieve candidates before re-ranking.</summary>
    public int QueryTerms { get; init; } = 64;

    /// <summary>Candidates retrieved and re-ranked by their papers.</summary>
    public int RerankDepth { get; init; } = 200;

    /// <summary>Each weight out of its range, by name, with what it must be.</summary>
    public IEnumerable<(string Name, string Problem)> Problems()
    {
        foreach (var (name, value) in new[] { (nameof(BestPaper), BestPaper), (nameof(Semantic), Semantic), (nameof(Catalog), Catalog), (nameof(Skills), Skills) })
        {
            if (!double.IsFinite(value) || value is < 0 or > 1)
            {
                yield return (name, $"must be between 0 and 1, not {Number(value)}");
            }
        }

        if (!double.IsFinite(Power) || Power <= 0)
        {
            yield return (nameof(Power), $"must be more than 0, not {Number(Power)}");
        }

        if (!double.IsFinite(Softness) || Softness < 0)
        {
            yield return (nameof(Softness), $"must be a number of at least 0, not {Number(Softness)}");
        }

        foreach (var (name, value) in new[] { (nameof(TopPapers), TopPapers), (nameof(ClosestTexts), ClosestTexts), (nameof(QueryTerms), QueryTerms), (nameof(RerankDepth), RerankDepth) })
        {
            if (value < 1)
            {
                yield return (name, $"must be at least 1, not {value}");
            }
        }
    }

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
