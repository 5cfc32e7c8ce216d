using Lucene.Net.Search;

namespace Talent.Search.Ranking;

/// <summary>
/// Re-ranks the best first-pass hits of a search by body of work: each paper whose title or abstract holds the
/// query's words counts, weighted by author position (first author 1, others <see cref="OtherAuthor"/>), kind
/// (peer-reviewed 1, preprint <see cref="Preprint"/>), the venue's tier and recency; papers outside a requested
/// venue or year range do not count. Several relevant papers add up with saturation (x / (x + 1)), so a
/// prolific candidate's other work never lowers the score. The final score is a fixed linear mix of the two
/// scores, each divided by its best value in the window (normalised per query): <see cref="EvidenceShare"/>
/// to the body of work, the rest to the words (BM25 fields). With sentence vectors (<see cref="Meaning"/>), that mix
/// gives up <see cref="Meaning.Share"/> to meaning: how close the candidate's papers and own words are to the query's
/// vector, divided by the closest in the window. A candidate whose vectors are not computed yet keeps its place by
/// words and body of work (its mix stands in for its meaning).
/// </summary>
internal static class BodyOfWork
{
    public const double EvidenceShare = 0.6;
    public const double OtherAuthor = 0.4;
    public const double Preprint = 0.5;
    public const double AbstractOnly = 0.5;
    public const double RecencyHalfLifeYears = 4;
    public const int Window = 100;

    public static ScoreDoc[] Rerank(
        ScoreDoc[] hits,
        Func<int, StoredCandidate?> read,
        Func<string, HashSet<string>> terms,
        IReadOnlySet<string> queryTerms,
        IReadOnlySet<string> venues,
        int? since,
        Func<string, double> tierWeight,
        int currentYear,
        Meaning? meaning = null)
    {
        if (queryTerms.Count == 0 || hits.Length < 2)
        {
            return hits;
        }

        var window = Math.Min(hits.Length, Window);
        var candidates = new StoredCandidate?[window];
        var evidence = new double[window];
        for (var i = 0; i < window; i++)
        {
            candidates[i] = read(hits[i].Doc);
            evidence[i] = candidates[i] is { } candidate ? Evidence(candidate, terms, queryTerms, venues, since, tierWeight, currentYear) : 0;
        }

        var bestWords = hits.Take(window).Max(h => float.IsFinite(h.Score) ? h.Score : 0);
        var bestEvidence = evidence.Max();
        var closeness = meaning is { Share: > 0 } ? meaning.Of(candidates) : null;
        var bestMeaning = closeness?.Max(c => c ?? 0) ?? 0;
        if (bestWords <= 0 || (bestEvidence <= 0 && bestMeaning <= 0))
        {
            return hits;
        }

        // The hits keep their words' score (what --explain's signals add up to); only their order changes.
        var mixed = hits.Take(window)
            .Select((h, i) =>
            {
                var words = h.Score / bestWords;
                var lexical = bestEvidence > 0 ? ((1 - EvidenceShare) * words) + (EvidenceShare * evidence[i] / bestEvidence) : words;
                var close = closeness?[i] is { } c && bestMeaning > 0 ? c / bestMeaning : lexical;
                return (Hit: h, Mix: bestMeaning > 0 ? ((1 - meaning!.Share) * lexical) + (meaning.Share * close) : lexical);
            })
            .OrderByDescending(h => h.Mix)
            .ThenBy(h => h.Hit.Doc)
            .Select(h => h.Hit);
        return mixed.Concat(hits.Skip(window)).ToArray();
    }

    /// <summary>
    /// The closeness of each candidate of the window to the query's sentence vector (null for one without vectors), and
    /// the share of the order it decides.
    /// </summary>
    internal sealed record Meaning(Func<IReadOnlyList<StoredCandidate?>, double?[]> Of, double Share);

    private static double Evidence(
        StoredCandidate candidate,
        Func<string, HashSet<string>> terms,
        IReadOnlySet<string> queryTerms,
        IReadOnlySet<string> venues,
        int? since,
        Func<string, double> tierWeight,
        int currentYear)
    {
        var sum = 0d;
        foreach (var paper in candidate.Publications)
        {
            if ((since is { } from && paper.Year < from) || (venues.Count > 0 && (paper.Venue is null || !venues.Contains(paper.Venue))))
            {
                continue;
            }

            var inTitle = terms(paper.Title);
            var share = (double)queryTerms.Count(inTitle.Contains) / queryTerms.Count;
            if (share < 1 && paper.Abstract is { } text)
            {
                var inAbstract = terms(text);
                share = Math.Max(share, AbstractOnly * queryTerms.Count(t => inTitle.Contains(t) || inAbstract.Contains(t)) / queryTerms.Count);
            }

            if (share <= 0)
            {
                continue;
            }

            var weight = (paper.FirstAuthor ? 1 : OtherAuthor) * (paper.PeerReviewed ? 1 : Preprint) * (paper.Venue is null ? 1 : tierWeight(paper.Venue));
            var age = paper.Year is { } year ? Math.Max(0, currentYear - year) : RecencyHalfLifeYears;
            sum += share * share * weight * Math.Pow(0.5, age / RecencyHalfLifeYears);
        }

        return sum / (sum + 1);
    }
}
