using Lucene.Net.Search;
using Talent.Search.Matching;
using Talent.Search.Ranking;

namespace Talent.Search;

internal sealed partial class CandidateSearch
{
    /// <summary>Why a hit below the re-ranked window is ordered by words alone (see <see cref="BodyOfWork.Window"/>).</summary>
    internal const string BelowWindow = "lexical: below the best hits that meaning re-ranks";

    /// <summary>The closeness to the query's sentence vector of each re-ranked candidate that has vectors, by candidate id.</summary>
    private readonly Dictionary<long, double> meanings = [];

    /// <summary>Candidates of the re-ranked window.</summary>
    private readonly HashSet<long> reranked = [];

    /// <summary>Why the window was ranked without meaning (vectors off, no query vector), or null when it took part.</summary>
    private string? withoutMeaning;

    /// <summary>The first page's window re-ranked by body of work (see <see cref="BodyOfWork"/>); browsing without words keeps its order.</summary>
    private ScoreDoc[] RerankByBodyOfWork(ScoreDoc[] hits) =>
        BodyOfWork.Rerank(
            hits,
            doc => CandidateDocument.Read(searcher.Doc(doc)),
            text => Terms(analyzer, text),
            queryTerms,
            venues,
            since,
            venue => catalogs.Venues.Find(venue)?.Tier is { } tier && options.VenueTierWeights.TryGetValue(tier, out var weight) ? weight : 1,
            currentYear,
            vectors is null || options.Semantic <= 0 ? null : new BodyOfWork.Meaning(Closeness, options.Semantic));

    /// <summary>How close each candidate's papers and own words are to the query's sentence vector, as match measures a body of work.</summary>
    private double?[] Closeness(IReadOnlyList<StoredCandidate?> candidates)
    {
        var closeness = new double?[candidates.Count];
        reranked.UnionWith(candidates.OfType<StoredCandidate>().Select(c => c.Id));
        budget.Check();
        var text = FreeTextOf(request.Query);
        if (text.Length == 0 || vectors!.Query(text, budget.Token) is not { } query) // only set with vectors
        {
            withoutMeaning = CandidateMatch.NoQueryVector;
            return closeness;
        }

        budget.Check();
        var found = vectors.FindMany(reranked);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] is { } candidate && found.TryGetValue(candidate.Id, out var stored))
            {
                var papers = stored.Publications.Values.Select(v => Math.Max(0d, VectorMath.Cosine(query, v))).OrderDescending().ToList();
                var own = stored.Profile is { } profile ? Math.Max(0d, VectorMath.Cosine(query, profile)) : 0;
                closeness[i] = meanings[candidate.Id] = Math.Max(CandidateMatch.Aggregate(papers, options.Match), own);
            }
        }

        return closeness;
    }

    /// <summary>For <c>--explain</c>: how the hit was ordered (<c>hybrid</c>, or why by words alone) and its closeness in meaning.</summary>
    private SearchHit WithRanker(SearchHit hit) =>
        vectors is null || options.Semantic <= 0 ? hit with { Ranker = CandidateMatch.LexicalOnly }
        : reranked.Count == 0 ? hit // nothing re-ranked: no words, or a single hit
        : meanings.TryGetValue(hit.Id, out var meaning) ? hit with { Ranker = CandidateMatch.Hybrid, Meaning = Math.Round(meaning, 4) }
        : hit with { Ranker = withoutMeaning ?? (reranked.Contains(hit.Id) ? CandidateMatch.NoVectorsYet : BelowWindow) };
}
