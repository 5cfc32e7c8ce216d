using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

/// <summary>The benchmark's loss on cases small enough to compute by hand.</summary>
public sealed class RankingLossTests
{
    [Fact]
    public void Perfect_order_costs_nothing() =>
        Assert.Equal(0, RankingLoss.Loss([Rated((5, 3), (3, 2), (1, 1))]));

    [Fact]
    public void Reversed_order_costs_everything() =>
        Assert.Equal(1, RankingLoss.Loss([Rated((5, 1), (3, 2), (1, 3))]));

    [Fact]
    public void A_constant_scorer_gets_one_half() =>
        Assert.Equal(0.5, RankingLoss.Loss([Rated((5, 7), (3, 7), (1, 7))]));

    [Fact]
    public void A_wrongly_ordered_pair_costs_its_rating_difference()
    {
        // Pairs: (5,3) diff 2 ordered wrongly, (5,1) diff 4 right, (3,1) diff 2 right: 2 / 8.
        Assert.Equal(0.25, RankingLoss.Loss([Rated((5, 2), (3, 3), (1, 1))]));
    }

    [Fact]
    public void A_tied_pair_costs_half_its_rating_difference()
    {
        // Pairs: (5,4) diff 1 tied costs 0.5, (5,1) diff 4 right, (4,1) diff 3 right: 0.5 / 8.
        Assert.Equal(0.0625, RankingLoss.Loss([Rated((5, 2), (4, 2), (1, 1))]));
    }

    [Fact]
    public void Papers_rated_the_same_form_no_pair()
    {
        Assert.Equal((0d, 0d), RankingLoss.Pairs(Rated((3, 1), (3, 2))));
        Assert.Equal((0d, 4d), RankingLoss.Pairs(Rated((3, 1), (3, 2), (1, 0))));
    }

    [Fact]
    public void Costs_are_pooled_over_researchers_not_averaged()
    {
        // First researcher: one pair of diff 4 ordered wrongly; second: one pair of diff 1 right. 4 / 5, not (1 + 0) / 2.
        Assert.Equal(0.8, RankingLoss.Loss([Rated((5, 1), (1, 2)), Rated((2, 2), (1, 1))]), 10);
    }

    private static List<ScoredRating> Rated(params (double Rating, double Score)[] papers) =>
        papers.Select((p, i) => new ScoredRating("p" + i, p.Rating, p.Score)).ToList();
}
