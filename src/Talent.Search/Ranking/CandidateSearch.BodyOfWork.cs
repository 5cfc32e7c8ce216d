using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Talent.Search.Matching;
using Talent.Search.Ranking;

namespace Talent.Search;

internal sealed partial class CandidateSearch
{
    /// <summary>
    /// Best hits whose vectors a search reads (of the <see cref="BodyOfWork.Window"/> it re-ranks): reading a
    /// candidate's vectors costs about 0.1 ms at 100,000 candidates, and the first page holds 10.
    /// </summary>
    internal const int MeaningWindow = 50;

    /// <summary>Why the hits are ordered by words alone when the query's text has no sentence vector (empty, or the model failed).</summary>
    internal const string NoQueryVector = "lexical: no sentence vector for the query";

    /// <summary>Why a hit below <see cref="MeaningWindow"/> is ordered by words alone.</summary>
    internal const string BelowWindow = "lexical: below the best hits that meaning re-ranks";

    /// <summary>Candidates whose vectors were looked for (the best <see cref="MeaningWindow"/> hits).</summary>
    private readonly HashSet<long> reranked = [];

    /// <summary>The meaning part of the re-rank, with each candidate's body of work by meaning once it ran (null with vectors off).</summary>
    private BodyOfWork.Meaning? meaning;

    /// <summary>With <c>--explain</c>: what each re-ranked hit was ordered by, by Lucene document.</summary>
    private readonly Dictionary<int, HitOrder> orders = [];

    /// <summary>Each re-ranked candidate's text closest to the query in words (a paper's title and abstract, or their own words), for the fit.</summary>
    private readonly Dictionary<long, BodyOfWork.ClosestText> closestTexts = [];

    /// <summary>Why the window was ranked without meaning (no vector for the query), or null when it took part.</summary>
    private string? withoutMeaning;

    /// <summary>The query's sentence vector, computed beside the first pass (see <see cref="StartQueryVector"/>).</summary>
    private Task<float[]?>? queryVector;

    /// <summary>
    /// Starts embedding the query's free text while Lucene collects the hits, so a query seen for the first time waits
    /// for the model only as long as the model takes beyond the first pass (nothing when vectors are off or there are no words).
    /// </summary>
    private void StartQueryVector()
    {
        var text = FreeTextOf(request.Query);
        if (vectors is { } source && options.Semantic > 0 && text.Length > 0)
        {
            if (source.AnyStored)
            {
                queryVector = Task.Run(() => source.Query(text, budget.Token), budget.Token);
            }
            else
            {
                withoutMeaning = CandidateMatch.NoVectorsYet;
            }
        }
    }

    /// <summary>The first page's window re-ranked by body of work (see <see cref="BodyOfWork"/>); browsing without words keeps its order.</summary>
    private ScoreDoc[] RerankByBodyOfWork(ScoreDoc[] hits)
    {
        meaning = vectors is null || options.Semantic <= 0 ? null : new BodyOfWork.Meaning(ReadVectors, options.Semantic);
        var query = queryTerms.Count == 0 ? null : new WordVectors(searcher, analyzer).Of(FreeTextOf(request.Query));
        return BodyOfWork.Rerank(
            hits,
            doc =>
            {
                var read = StoredCandidates.Of(searcher, doc);
                return (read.Candidate, read.OwnText);
            },
            new BodyOfWork.Scoring(
                query is null ? null : (first, second) => WordVectors.Coverage(query, analyzer, first, second),
                WordsOperator() == Operator.AND ? options.KeywordClosestTexts : options.Match.ClosestTexts,
                venues,
                since,
                venue => catalogs.Venues.Find(venue)?.Tier is { } tier && options.VenueTierWeights.TryGetValue(tier, out var weight) ? weight : 1,
                currentYear)
            {
                Skills = skills,
                Catalog = catalogs.Skills,
            },
            meaning,
            request.Explain ? orders : null,
            closestTexts);
    }

    /// <summary>The query's vector and the stored vectors of the window's candidates, read together.</summary>
    private BodyOfWork.WindowVectors? ReadVectors(IReadOnlyList<StoredCandidate?> candidates)
    {
        reranked.UnionWith(candidates.Take(MeaningWindow).OfType<StoredCandidate>().Select(c => c.Id));
        budget.Check();
        if (queryVector is null || queryVector.GetAwaiter().GetResult() is not { } query)
        {
            withoutMeaning ??= NoQueryVector;
            return null;
        }

        budget.Check();
        var found = vectors!.FindMany(reranked); // only asked for with vectors
        return new BodyOfWork.WindowVectors(query, candidates.Select((c, i) => c is not null && i < MeaningWindow && found.TryGetValue(c.Id, out var v) ? v : null).ToList());
    }

    /// <summary>For <c>--explain</c>: how the hit was ordered (<c>hybrid</c>, or why by words alone) and its body of work by meaning.</summary>
    private SearchHit WithRanker(SearchHit hit, int doc) => WithRanker(hit) with { Order = orders.GetValueOrDefault(doc) };

    private SearchHit WithRanker(SearchHit hit) =>
        meaning is null ? hit with { Ranker = CandidateMatch.LexicalOnly }
        : reranked.Count == 0 ? hit // nothing re-ranked: no words
        : meaning.Closeness.TryGetValue(hit.Id, out var closeness) ? hit with { Ranker = CandidateMatch.Hybrid, Meaning = Math.Round(closeness, 4) }
        : hit with { Ranker = withoutMeaning ?? (reranked.Contains(hit.Id) ? CandidateMatch.NoVectorsYet : BelowWindow) };
}
