using Lucene.Net.Search;

namespace Talent.Search.Ranking;

/// <summary>
/// Re-ranks the best first-pass hits of a search by body of work: each paper whose title or abstract holds the
/// query's words counts, weighted by author position (first author 1, others <see cref="OtherAuthor"/>), kind
/// (peer-reviewed 1, preprint <see cref="Preprint"/>), the venue's tier and recency; papers outside a requested
/// venue or year range do not count. Several relevant papers add up with saturation (x / (x + 1)), so a
/// prolific candidate's other work never lowers the score. The final score is a fixed linear mix of the two
/// scores, each divided by its best value in the window (normalised per query): <see cref="EvidenceShare"/>
/// to the body of work, the rest to the words (BM25 fields).
/// <para>
/// With sentence vectors (<see cref="Meaning"/>) that mix gives up <see cref="Meaning.Share"/> to a body of work by
/// meaning: the same weighted, saturated sum, each paper counting by how close it is to the query's vector (its cosine
/// above <see cref="UnrelatedCosine"/>, scaled to 0–1) instead of by the square of the query's words it holds, and the
/// candidate's own words (headline, roles, interests, skills) counting as one more text at <see cref="OwnWords"/>;
/// also divided by its best in the window. A profile that only states the query's words is not a body of work: it
/// counts like one preprint. A candidate whose vectors are not computed yet keeps its place by words
/// and body of work (its mix stands in for its meaning).
/// </para>
/// </summary>
internal static class BodyOfWork
{
    public const double EvidenceShare = 0.6;
    public const double OtherAuthor = 0.4;
    public const double Preprint = 0.5;
    public const double AbstractOnly = 0.5;
    public const double RecencyHalfLifeYears = 4;
    public const int Window = 100;

    /// <summary>
    /// Cosine of all-MiniLM-L6-v2 vectors below which a paper is unrelated to the query: texts of different
    /// computer-science subjects measure 0.1–0.25 ("video generation" against "Mixed Precision Training Revisited" 0.11,
    /// against "Image Tokenizers at Scale" 0.24), related ones 0.4–0.8. Set by hand from such pairs, not tuned.
    /// </summary>
    public const double UnrelatedCosine = 0.3;

    /// <summary>Weight of a candidate's own words in the body of work by meaning: a statement, counted like a preprint.</summary>
    public const double OwnWords = Preprint;

    public static ScoreDoc[] Rerank(
        ScoreDoc[] hits,
        Func<int, StoredCandidate?> read,
        Func<string, HashSet<string>> terms,
        IReadOnlySet<string> queryTerms,
        IReadOnlySet<string> venues,
        int? since,
        Func<string, double> tierWeight,
        int currentYear,
        Meaning? meaning = null,
        IDictionary<int, HitOrder>? orders = null)
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
            evidence[i] = candidates[i] is { } candidate
                ? Evidence(candidate, paper => Math.Pow(WordShare(paper, terms, queryTerms), 2), venues, since, tierWeight, currentYear)
                : 0;
        }

        var bestWords = hits.Take(window).Max(h => float.IsFinite(h.Score) ? h.Score : 0);
        if (bestWords <= 0)
        {
            return hits;
        }

        // Vectors are read only for an order they can change.
        var closeness = meaning is { Share: > 0 } ? Closeness(meaning, candidates, venues, since, tierWeight, currentYear) : null;
        var bestEvidence = evidence.Max();
        var bestMeaning = closeness?.Max(c => c ?? 0) ?? 0;
        if (bestEvidence <= 0 && bestMeaning <= 0)
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
                var mix = bestMeaning > 0 ? ((1 - meaning!.Share) * lexical) + (meaning.Share * close) : lexical;
                orders?.Add(h.Doc, new HitOrder(
                    Math.Round(mix, 4), Math.Round(words, 4), bestEvidence > 0 ? Math.Round(evidence[i] / bestEvidence, 4) : null, bestMeaning > 0 ? Math.Round(close, 4) : null));
                return (Hit: h, Mix: mix);
            })
            .OrderByDescending(h => h.Mix)
            .ThenBy(h => h.Hit.Doc)
            .Select(h => h.Hit);
        return mixed.Concat(hits.Skip(window)).ToArray();
    }

    /// <summary>
    /// Sentence vectors for the window (<see cref="Read"/>: the query's vector and each candidate's, or null when the
    /// query has none), the share of the order meaning decides, and, after a re-rank, each candidate's body of work by
    /// meaning (<see cref="Closeness"/>, for <c>--explain</c>).
    /// </summary>
    internal sealed record Meaning(Func<IReadOnlyList<StoredCandidate?>, WindowVectors?> Read, double Share)
    {
        public Dictionary<long, double> Closeness { get; } = [];
    }

    /// <summary>The query's vector and the vectors of the window's candidates, in its order (null where not computed yet).</summary>
    internal sealed record WindowVectors(float[] Query, IReadOnlyList<CandidateVectors?> Candidates);

    /// <summary>Each candidate's body of work by meaning, or null without vectors.</summary>
    private static double?[]? Closeness(Meaning meaning, StoredCandidate?[] candidates, IReadOnlySet<string> venues, int? since, Func<string, double> tierWeight, int currentYear)
    {
        if (meaning.Read(candidates) is not { } read)
        {
            return null;
        }

        var closeness = new double?[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i] is not { } candidate || read.Candidates[i] is not { } vectors)
            {
                continue;
            }

            var own = OwnWords * Relevance(read.Query, vectors.Profile);
            closeness[i] = meaning.Closeness[candidate.Id] =
                Evidence(candidate, paper => Relevance(read.Query, vectors.Publication(paper.Title)), venues, since, tierWeight, currentYear, own);
        }

        return closeness;
    }

    /// <summary>A text's closeness to the query in meaning, 0 (unrelated) to 1.</summary>
    private static double Relevance(float[] query, float[]? text) =>
        text is null ? 0 : Math.Max(0, (VectorMath.Cosine(query, text) - UnrelatedCosine) / (1 - UnrelatedCosine));

    /// <summary>The share of the query's words in a paper's title (or, at half weight, in its title and abstract).</summary>
    private static double WordShare(StoredPublication paper, Func<string, HashSet<string>> terms, IReadOnlySet<string> queryTerms)
    {
        var inTitle = terms(paper.Title);
        var share = (double)queryTerms.Count(inTitle.Contains) / queryTerms.Count;
        if (share < 1 && paper.Abstract is { } text)
        {
            var inAbstract = terms(text);
            share = Math.Max(share, AbstractOnly * queryTerms.Count(t => inTitle.Contains(t) || inAbstract.Contains(t)) / queryTerms.Count);
        }

        return share;
    }

    /// <summary>
    /// The saturated sum over the candidate's papers (within the requested venues and years) of what each one is worth
    /// to the query (<paramref name="worth"/>), weighted by author position, kind, tier and age, plus <paramref name="more"/>.
    /// </summary>
    private static double Evidence(
        StoredCandidate candidate,
        Func<StoredPublication, double> worth,
        IReadOnlySet<string> venues,
        int? since,
        Func<string, double> tierWeight,
        int currentYear,
        double more = 0)
    {
        var sum = more;
        foreach (var paper in candidate.Publications)
        {
            if ((since is { } from && paper.Year < from) || (venues.Count > 0 && (paper.Venue is null || !venues.Contains(paper.Venue))))
            {
                continue;
            }

            var value = worth(paper);
            if (value <= 0)
            {
                continue;
            }

            var weight = (paper.FirstAuthor ? 1 : OtherAuthor) * (paper.PeerReviewed ? 1 : Preprint) * (paper.Venue is null ? 1 : tierWeight(paper.Venue));
            var age = paper.Year is { } year ? Math.Max(0, currentYear - year) : RecencyHalfLifeYears;
            sum += value * weight * Math.Pow(0.5, age / RecencyHalfLifeYears);
        }

        return sum / (sum + 1);
    }
}
