using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Talent.Search.Matching;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>The query entry points of the index: search, match and similar candidates, each within its limits and time budget.</summary>
public sealed partial class CandidateIndex
{
    /// <summary>
    /// Runs a search. Bad syntax and a query over its <see cref="QueryLimits"/> come back as field errors, a search that
    /// runs past its time budget as <see cref="SearchOutcome.OverBudget"/>; when <paramref name="cancellationToken"/> is
    /// cancelled (the caller went away) the search stops and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public SearchOutcome Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(disposed, this);
        using var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.Limits.TimeBudgetMilliseconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var budget = new QueryBudget(linked.Token);
        var manager = searchers;
        IndexSearcher? searcher = null;
        try
        {
            if (manager is null)
            {
                // No index yet: nobody matches, but bad syntax is still an error, as it is against a full index.
                if (!string.IsNullOrWhiteSpace(request.Query))
                {
                    _ = new CandidateQueryParser(analyzer, catalogs, Operator.AND, options.FieldBoosts, options.Limits, budget).ParseBounded(WithCompoundsJoined(request).Query!);
                }

                return new SearchOutcome.Found(new SearchResponse(0, 0, [], new SearchFacets([], [], [], [], [])));
            }

            searcher = AcquireFrom(manager);
            return new SearchOutcome.Found(new CandidateSearch(searcher, analyzer, catalogs, relatedTopics, facetCache, WithCompoundsJoined(request), options, clock.GetUtcNow().Year, budget, Vectors).Run());
        }
        catch (ParseException e)
        {
            // The one place query syntax errors become a field error.
            return Invalid(QuerySyntaxHint.Describe(request.Query, e.Message));
        }
        catch (QueryRefusedException e)
        {
            return Invalid(e.Message);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return Invalid($"The query expands to more than {BooleanQuery.MaxClauseCount} clauses; use fewer words or wildcards.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = QueryOverBudgetException.Describe(options.Limits.TimeBudgetMilliseconds);
            Log.SearchOverBudget(logger, options.Limits.TimeBudgetMilliseconds, budget.Spent);
            return new SearchOutcome.OverBudget(reason);
        }
        finally
        {
            if (searcher is not null)
            {
                manager!.Release(searcher); // a searcher is only acquired from a manager
            }
        }
    }

    /// <summary>
    /// Candidates ranked by fit (0..1) to a job or paper description. Throws <see cref="QueryOverBudgetException"/> past
    /// the time budget, and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public MatchResponse Match(MatchRequest request, MatchWeights? weights = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(disposed, this);
        return WithinBudget(budget => WithSearcher(s => new CandidateMatch(s, analyzer, catalogs, weights ?? options.Match, budget, Vectors).Run(request), new MatchResponse(0, [])), cancellationToken);
    }

    /// <summary>
    /// Candidates most like this one: their own titles, abstracts, topics and skills are the description.
    /// Null when the candidate is not in the index. Budget and cancellation as for <see cref="Match"/>.
    /// </summary>
    public MatchResponse? Similar(long candidateId, int top, MatchWeights? weights = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return WithinBudget(
            budget => WithSearcher(
                s =>
                {
                    var found = s.Search(new TermQuery(new Term(IndexFields.Id, CandidateDocument.IdTerm(candidateId))), 1).ScoreDocs;
                    if (found.Length == 0 || Ranking.StoredCandidates.Of(s, found[0].Doc) is not { Candidate: { } candidate } read)
                    {
                        return null;
                    }

                    var description = string.Join(
                        "\n",
                        candidate.Publications.Select(p => p.Title + "\n" + p.Abstract)
                            .Concat(candidate.Topics)
                            .Append(candidate.Skills.Count == 0 ? "" : "Skills: " + string.Join(", ", candidate.Skills)) // a list: "Go" there is a skill
                            .Append(read.OwnText));
                    var request = new MatchRequest
                    {
                        Text = description.Length > MatchRequest.MaxTextLength ? description[..MatchRequest.MaxTextLength] : description,
                        Top = top,
                        Exclude = new HashSet<long> { candidateId },
                        QueryVector = SimilarVector(candidateId),
                    };
                    return new CandidateMatch(s, analyzer, catalogs, weights ?? options.Match, budget, Vectors).Run(request);
                },
                null),
            cancellationToken);
    }

    private T WithinBudget<T>(Func<QueryBudget, T> run, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.Limits.TimeBudgetMilliseconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var budget = new QueryBudget(linked.Token);
        try
        {
            return run(budget);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SearchOverBudget(logger, options.Limits.TimeBudgetMilliseconds, budget.Spent);
            throw new QueryOverBudgetException(QueryOverBudgetException.Describe(options.Limits.TimeBudgetMilliseconds));
        }
    }

    private SearchOutcome.Invalid Invalid(string message)
    {
        Log.SearchRejected(logger, message);
        return new SearchOutcome.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["q"] = [message] });
    }

    /// <summary>The request with the compounds its query writes apart written together (see <see cref="Recruiting.FoldingAnalyzer.JoinCompounds"/>).</summary>
    private SearchRequest WithCompoundsJoined(SearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? request : request with { Query = analyzer.JoinCompounds(request.Query) };
}
