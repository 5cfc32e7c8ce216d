using Lucene.Net.Search;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>Search results for export: every hit up to a limit, read one at a time so a long result streams.</summary>
public sealed partial class CandidateIndex
{
    /// <summary>The most candidates one export returns.</summary>
    public const int MaxExport = 10_000;

    /// <summary>
    /// The ranked hits of <paramref name="request"/>, at most <paramref name="limit"/>, as cards (no facets, no
    /// explanations), in the order the pages of the same search show them (re-ranked by body of work, with sentence
    /// vectors when the index reads them; near matches after the exact hits). The ranking runs within the time budget; the hits are then read from the index one at a time
    /// while the caller consumes them, so memory does not grow with the number exported. The searcher is held until
    /// the enumeration ends.
    /// </summary>
    public IEnumerable<SearchHit> Export(SearchRequest request, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(disposed, this);
        limit = Math.Clamp(limit, 1, MaxExport);
        var manager = searchers;
        if (manager is null)
        {
            yield break;
        }

        var searcher = AcquireFrom(manager);
        try
        {
            CandidateSearch search;
            ScoreDoc[] ranked;
            using (var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.Limits.TimeBudgetMilliseconds), clock))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token))
            {
                var budget = new QueryBudget(linked.Token);
                search = new CandidateSearch(searcher, analyzer, catalogs, relatedTopics, facetCache, WithCompoundsJoined(request) with { Page = 1, Size = limit, Explain = false }, options, clock.GetUtcNow().Year, budget, Vectors);
                ranked = search.Rank();
            }

            for (var i = 0; i < ranked.Length && i < limit; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (search.Card(ranked[i]) is { } hit)
                {
                    yield return hit;
                }
            }
        }
        finally
        {
            manager.Release(searcher);
        }
    }
}
