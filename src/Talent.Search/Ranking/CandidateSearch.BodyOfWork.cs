using Lucene.Net.Search;
using Talent.Search.Ranking;

namespace Talent.Search;

internal sealed partial class CandidateSearch
{
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
            currentYear);
}
