using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>Cards of given candidates (a shortlist's): who each person is now, read from the index as a result card is.</summary>
public sealed partial class CandidateIndex
{
    /// <summary>
    /// The card of each candidate of <paramref name="ids"/> the index holds (name, current title and employer, place, top
    /// skills), as a browse without criteria shows it: no fit, no contact data. A candidate not in the index (not indexed
    /// yet) has no card.
    /// </summary>
    public IReadOnlyDictionary<long, SearchHit> Cards(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ObjectDisposedException.ThrowIf(disposed, this);
        var wanted = ids.Distinct().ToList();
        return WithSearcher(
            searcher =>
            {
                var search = new CandidateSearch(searcher, analyzer, catalogs, relatedTopics, facetCache, new SearchRequest(), options, clock.GetUtcNow().Year, QueryBudget.Unlimited);
                var cards = new Dictionary<long, SearchHit>();
                foreach (var id in wanted)
                {
                    var found = searcher.Search(new TermQuery(new Term(IndexFields.Id, CandidateDocument.IdTerm(id))), 1).ScoreDocs;
                    if (found.Length > 0 && search.Card(found[0]) is { } card)
                    {
                        cards[id] = card;
                    }
                }

                return (IReadOnlyDictionary<long, SearchHit>)cards;
            },
            new Dictionary<long, SearchHit>());
    }
}
