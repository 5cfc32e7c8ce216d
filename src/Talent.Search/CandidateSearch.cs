using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Talent.Profiles.Catalogs;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>
/// One search over one acquired searcher: builds the Lucene query from the request, collects the page and
/// the facets over every match, and explains each hit from its stored blob. Throws Lucene's
/// <see cref="ParseException"/> for bad syntax and <see cref="QueryRefusedException"/> for a query over its limits;
/// <see cref="CandidateIndex.Search"/> turns them into a field error. Every step spends from <paramref name="budget"/>
/// and stops with <see cref="OperationCanceledException"/> when it runs out.
/// </summary>
internal sealed partial class CandidateSearch(IndexSearcher searcher, Analyzer analyzer, ProfileCatalogs catalogs, RelatedTopics relatedTopics, FacetOrdinals.Cache facetCache, SearchRequest request, SearchOptions options, int currentYear, QueryBudget budget, Ranking.ICandidateVectorSource? vectors = null)
{
    private const int FacetSize = 10;
    private const int MaxEvidence = 5;
    private const int BrowseEvidence = 3;

    /// <summary>First-pass hits the whole-query phrase reorders (or more, when the page asked for lies further down).</summary>
    private const int RescoreWindow = 500;

    /// <summary>Most analysed words a query can have and still need every one (see <see cref="WordsOperator"/>).</summary>
    internal const int KeywordQueryWords = 4;

    // Ties go to the newer candidate id, not to the document's place in the index, so the order does not depend on
    // how the index was written (a parallel rebuild, another node's index).
    // Browsing lists documents that state a name first: one that never says whose it is gains nothing by it.
    private static readonly Sort ByUpdated = new(
        new SortField(IndexFields.Named, SortFieldType.INT64, true), new SortField(IndexFields.Updated, SortFieldType.INT64, true), new SortField(IndexFields.IdValue, SortFieldType.INT64, true));
    private static readonly Sort ByScore = new(SortField.FIELD_SCORE, new SortField(IndexFields.IdValue, SortFieldType.INT64, true));

    private readonly HashSet<string> skills = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog skills the query's free text names (of <see cref="skills"/>, which also holds the required ones).</summary>
    private readonly List<string> skillsNamed = [];
    private readonly HashSet<string> topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> venues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BudgetedQueries.CompiledPattern> patterns = new(StringComparer.Ordinal);
    private HashSet<string> queryTerms = new(StringComparer.Ordinal);
    private int? since;

    /// <summary>The free text as a loose phrase in the text fields, scored on the best first-pass hits only (see <see cref="Rescore"/>).</summary>
    private Query? phrase;

    public SearchResponse Run()
    {
        var stopwatch = Stopwatch.StartNew();
        var (top, facets, explained, ranked) = Ranked();
        var start = (request.Page - 1) * request.Size;
        var results = new List<SearchHit>();
        for (var i = start; i < ranked.Length && i < start + request.Size; i++)
        {
            var scoreDoc = ranked[i];
            budget.Check();
            if (Ranking.StoredCandidates.Of(searcher, scoreDoc.Doc).Candidate is { } stored)
            {
                var score = float.IsFinite(scoreDoc.Score) ? Math.Round(scoreDoc.Score, 4) : 0d;
                var hit = Describe(Explain(stored, score), stored) with { NearMatch = near.Contains(scoreDoc.Doc) ? true : null };
                results.Add(request.Explain && explained is not MatchAllDocsQuery ? WithRanker(hit with { Signals = Recruiting.SignalNames.Rename(Signals(searcher.Explain(explained, scoreDoc.Doc))) }, scoreDoc.Doc) : hit);
            }
        }

        var response = new SearchResponse(
            top.TotalHits,
            0,
            results,
            WithRecruiterFacets(
                new SearchFacets(
                    facets.Top(IndexFields.Venue, FacetSize),
                    facets.Top(IndexFields.Skill, FacetSize),
                    facets.Top(IndexFields.Topic, FacetSize),
                    facets.Top(IndexFields.Institution, FacetSize),
                    facets.Top(IndexFields.Year, FacetSize)),
                facets));
        return response with { TookMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3), NearMatches = near.Count };
    }

    /// <summary>
    /// The query's hits in the order every page and every export cuts: the first pass (every word of a short query, any
    /// word when nobody holds them all, near matches after them when few do), the whole-query phrase on the best, the
    /// best re-ranked by body of work; with the facets of the first pass and the query that explains each hit.
    /// </summary>
    private (TopDocs Top, FacetCollector Facets, Query Explained, ScoreDoc[] Ranked) Ranked()
    {
        var words = WordsOperator();
        var query = Build(words);
        StartQueryVector(); // after the query parsed: a refused query never wakes the model
        var (top, facets) = Execute(query);
        if (top.TotalHits == 0 && words == Operator.AND && query is not MatchAllDocsQuery && !string.IsNullOrWhiteSpace(request.Query))
        {
            // Every word required found nobody: rank by any of them instead.
            query = Build(Operator.OR);
            (top, facets) = Execute(query);
        }
        else if (LeavesRoomForNear(words, top))
        {
            (top, query) = WithNearMatches(query, top);
        }

        var ranked = phrase is null ? top.ScoreDocs : Rescore(top.ScoreDocs, phrase);
        ranked = ExactBeforeNear(RerankByBodyOfWork(ranked));
        var explained = phrase is null ? query : new BooleanQuery(true) { { query, Occur.MUST }, { phrase, Occur.SHOULD } };
        return (top, facets, explained, ranked);
    }

    /// <summary>
    /// How the query's words combine: a query of up to <see cref="KeywordQueryWords"/> words needs every one ("video
    /// generation", "click-through rate prediction"; any of them when nobody holds all; near matches after them when
    /// fewer than the window hold all, <see cref="WithNearMatches"/>); a longer one — a paper's title, a
    /// sentence — is a description, and any of its words finds a candidate, the best hits then ordered by body of work
    /// (<see cref="Ranking.BodyOfWork"/>). Over a whole record, holding every word of a long query is a test of
    /// vocabulary, which a prolific candidate passes and the author of the closest paper may fail (docs/ranking.md).
    /// </summary>
    private Operator WordsOperator() =>
        request.Query is { Length: > 0 } text && Terms(analyzer, FreeTextOf(text)).Count > KeywordQueryWords ? Operator.OR : Operator.AND;

    /// <summary>
    /// Lucene's explanation summed per signal: each leaf weight is attributed to its field, a phrase to "field phrase",
    /// a constant-score filter to nothing (it adds no score).
    /// </summary>
    internal static Dictionary<string, double> Signals(Explanation explanation)
    {
        var signals = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Walk(explanation);
        return signals.Where(s => s.Value != 0).ToDictionary(s => s.Key, s => Math.Round(s.Value, 4), StringComparer.Ordinal);

        void Walk(Explanation node)
        {
            if (!node.IsMatch)
            {
                return;
            }

            var description = node.Description ?? "";
            if (description.StartsWith("weight(", StringComparison.Ordinal))
            {
                var body = description["weight(".Length..];
                var colon = body.IndexOf(':', StringComparison.Ordinal);
                var field = colon > 0 ? body[..colon] : "other";
                var key = colon > 0 && colon + 1 < body.Length && body[colon + 1] == '"' ? field + " phrase" : field;
                signals[key] = signals.GetValueOrDefault(key) + node.Value;
                return;
            }

            foreach (var detail in node.GetDetails() ?? [])
            {
                Walk(detail);
            }
        }
    }

    /// <summary>
    /// Adds the phrase's score to the best <see cref="RescoreWindow"/> hits and orders them again (score, then the newer
    /// candidate id). A loose phrase costs the most of any clause to score, on every matching candidate, and only
    /// reorders candidates the words already put near the top: hits past the window keep their first-pass order.
    /// </summary>
    private ScoreDoc[] Rescore(ScoreDoc[] hits, Query phraseQuery)
    {
        var window = Math.Min(hits.Length, Math.Max(RescoreWindow, request.Page * request.Size));
        var weight = searcher.CreateNormalizedWeight(phraseQuery);
        var rescored = new (ScoreDoc Hit, long Id)[window];
        var leaves = searcher.IndexReader.Leaves;
        var byDoc = Enumerable.Range(0, window).OrderBy(i => hits[i].Doc).ToList();
        AtomicReaderContext? leaf = null;
        Scorer? scorer = null;
        NumericDocValues? ids = null;
        var next = 0;
        foreach (var i in byDoc)
        {
            if (i % QueryBudget.CheckEvery == 0)
            {
                budget.Check();
            }

            var hit = hits[i];
            while (leaf is null || hit.Doc >= leaf.DocBase + leaf.AtomicReader.MaxDoc)
            {
                leaf = leaves[next++];
                scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                ids = leaf.AtomicReader.GetNumericDocValues(IndexFields.IdValue);
            }

            var target = hit.Doc - leaf.DocBase;
            var extra = 0f;
            if (scorer is not null && (scorer.DocID >= target ? scorer.DocID : scorer.Advance(target)) == target)
            {
                extra = scorer.GetScore();
            }

            rescored[i] = (new ScoreDoc(hit.Doc, hit.Score + extra), ids?.Get(target) ?? 0);
        }

        var ordered = rescored.OrderByDescending(r => r.Hit.Score).ThenByDescending(r => r.Id).Select(r => r.Hit);
        return [.. ordered, .. hits.Skip(window)];
    }

    private (TopDocs Top, FacetCollector Facets) Execute(Query query, bool countFacets = true)
    {
        // Every hit the phrase reorders, or the body of work re-ranks when the query has words: pages then cut one order.
        var wanted = Math.Max(phrase is not null ? RescoreWindow : queryTerms.Count > 0 ? Ranking.BodyOfWork.Window : 1, request.Page * request.Size);
        var sort = query is MatchAllDocsQuery ? ByUpdated : ByScore;
        var slices = Slices(searcher.IndexReader.Leaves, options.ParallelFromCandidates);
        var weight = searcher.CreateNormalizedWeight(query);
        var collected = new (TopFieldCollector Top, FacetCollector Facets)[slices.Count];
        void Collect(int slice)
        {
            var top = TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: sort == ByScore, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(facetCache);
            var collector = new BudgetedCollector(countFacets ? MultiCollector.Wrap(top, facets) : top, budget);
            foreach (var leaf in slices[slice])
            {
                collector.SetNextReader(leaf);
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
            }

            collected[slice] = (top, facets);
        }

        if (slices.Count == 1)
        {
            Collect(0);
            return (collected[0].Top.GetTopDocs(), collected[0].Facets);
        }

        try
        {
            Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, Collect);
        }
        catch (AggregateException e)
        {
            // A failure as it would have surfaced from a search on one thread: a fault before the cancellations it caused.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0]);
        }

        foreach (var (_, facets) in collected.Skip(1))
        {
            collected[0].Facets.Add(facets);
        }

        return (TopDocs.Merge(sort, wanted, collected.Select(c => c.Top.GetTopDocs()).ToArray()), collected[0].Facets);
    }

    /// <summary>
    /// The segments split into one slice per core, balanced by size, searched in parallel: one recruiter's query over a
    /// large pool then uses every core. An index smaller than <c>Talent:Search:ParallelFromCandidates</c> is one slice.
    /// </summary>
    private static List<List<AtomicReaderContext>> Slices(IList<AtomicReaderContext> leaves, int parallelFrom)
    {
        var documents = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var count = documents < parallelFrom ? 1 : Math.Max(1, Math.Min(Environment.ProcessorCount, leaves.Count));
        var sizes = new long[count];
        var slices = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToList();
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
            slices[lightest].Add(leaf);
        }

        return slices;
    }

    private SearchHit Explain(StoredCandidate candidate, double score)
    {
        var matchedSkills = Matching.SkillCredit.Of(skills, candidate.Skills, catalogs.Skills).Names.ToList();
        var matchedTopics = candidate.Topics.Where(topics.Contains).ToList();
        var hasCriteria = queryTerms.Count > 0 || venues.Count > 0 || topics.Count > 0;
        var ordered = SupportingPapers(candidate, hasCriteria);
        var evidence = ordered
            .Take(hasCriteria ? MaxEvidence : BrowseEvidence)
            .Select(p => new Evidence(p.Title, p.Venue, p.Year, p.FirstAuthor, p.LastAuthor))
            .ToList();
        return new SearchHit(candidate.Id, candidate.Name, candidate.Headline, score, new HitMatches(matchedSkills, matchedTopics, VenueCounts(candidate, ordered, hasCriteria)), evidence);
    }

    /// <summary>
    /// The candidate's papers that support the hit, best first: by the share of the query's words they hold, a requested
    /// topic and venue, then first-authored, peer-reviewed and newer; every paper in range when the query asks nothing.
    /// </summary>
    private List<StoredPublication> SupportingPapers(StoredCandidate candidate, bool hasCriteria)
    {
        var topicTerms = topics.Select(t => Terms(analyzer, t)).Where(t => t.Count > 0).ToList();
        var supporting = new List<(StoredPublication Paper, double Relevance)>();
        foreach (var paper in candidate.Publications)
        {
            var inRange = since is null || paper.Year >= since;
            if (!inRange)
            {
                continue;
            }

            double relevance = 0;
            if (queryTerms.Count > 0 || topicTerms.Count > 0)
            {
                var paperTerms = Terms(analyzer, paper.Title + " " + paper.Abstract);
                if (queryTerms.Count > 0)
                {
                    relevance += (double)queryTerms.Count(paperTerms.Contains) / queryTerms.Count;
                }

                if (topicTerms.Exists(t => t.IsSubsetOf(paperTerms)))
                {
                    relevance += 1;
                }
            }

            if (paper.Venue is not null && venues.Contains(paper.Venue))
            {
                relevance += 1;
            }

            if (relevance > 0 || !hasCriteria)
            {
                supporting.Add((paper, relevance));
            }
        }

        // Papers matching half as well as the best one are noise ("Sequence Scheduling" for "sequence parallelism").
        var threshold = supporting.Count == 0 ? 0 : supporting.Max(s => s.Relevance) / 2;
        return supporting
            .Where(s => s.Relevance >= threshold)
            .OrderByDescending(s => s.Relevance)
            .ThenByDescending(s => s.Paper.FirstAuthor)
            .ThenByDescending(s => s.Paper.PeerReviewed)
            .ThenByDescending(s => s.Paper.Year ?? 0)
            .Select(s => s.Paper)
            .ToList();
    }

    /// <summary>Papers per requested venue (in range); without venues asked for, the three commonest among the supporting papers.</summary>
    private List<VenueCount> VenueCounts(StoredCandidate candidate, List<StoredPublication> supporting, bool hasCriteria)
    {
        if (venues.Count > 0)
        {
            return candidate.Publications
                .Where(p => p.Venue is not null && venues.Contains(p.Venue) && (since is null || p.Year >= since))
                .GroupBy(p => p.Venue!, StringComparer.OrdinalIgnoreCase) // filtered on non-null above
                .Select(g => new VenueCount(g.Key, g.Count()))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Venue, StringComparer.Ordinal)
                .ToList();
        }

        return hasCriteria
            ? supporting
                .Where(p => p.Venue is not null)
                .GroupBy(p => p.Venue!, StringComparer.OrdinalIgnoreCase) // filtered on non-null above
                .Select(g => new VenueCount(g.Key, g.Count()))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Venue, StringComparer.Ordinal)
                .Take(3)
                .ToList()
            : [];
    }
}
