namespace Talent.Server.Evaluation;

/// <summary>A rated paper and the score a system gave it for that researcher.</summary>
public sealed record ScoredRating(string PaperId, double Rating, double Score);

/// <summary>
/// The loss of the reviewer-expertise gold standard (Stelmakh et al., 2023): within each researcher, every pair of
/// rated papers with different ratings costs |r1 − r2| when the system orders it the wrong way and half that
/// when it scores both the same. The loss is the total cost over all researchers divided by the total
/// |r1 − r2| over all pairs, so a constant scorer gets 0.5 and a perfect one 0.
/// </summary>
public static class RankingLoss
{
    /// <summary>The cost and the largest possible cost (sum of |r1 − r2|) of one researcher's pairs.</summary>
    public static (double Cost, double Max) Pairs(IReadOnlyList<ScoredRating> rated)
    {
        ArgumentNullException.ThrowIfNull(rated);
        double cost = 0, max = 0;
        for (var i = 0; i < rated.Count; i++)
        {
            for (var j = i + 1; j < rated.Count; j++)
            {
                var (a, b) = (rated[i], rated[j]);
                if (a.Rating == b.Rating)
                {
                    continue;
                }

                var weight = Math.Abs(a.Rating - b.Rating);
                max += weight;
                if (a.Score == b.Score)
                {
                    cost += weight / 2;
                }
                else if ((a.Score > b.Score) != (a.Rating > b.Rating))
                {
                    cost += weight;
                }
            }
        }

        return (cost, max);
    }

    /// <summary>Total cost over total possible cost, pooled over researchers; 0.5 when there is no pair at all.</summary>
    public static double Loss(IEnumerable<IReadOnlyList<ScoredRating>> researchers)
    {
        ArgumentNullException.ThrowIfNull(researchers);
        double cost = 0, max = 0;
        foreach (var rated in researchers)
        {
            var (c, m) = Pairs(rated);
            cost += c;
            max += m;
        }

        return max == 0 ? 0.5 : cost / max;
    }
}
