using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Profiles.Catalogs;
using Talent.Search.QueryCost;

namespace Talent.Search.Matching;

/// <summary>
/// One match over one acquired searcher. Expert finding by body of work: the description and every paper of a
/// candidate become tf-idf vectors (document frequencies from the index), each paper gets its cosine with the
/// description, and the candidate's fit aggregates the closest papers: a share for the best paper plus a power
/// mean over the closest <see cref="MatchWeights.TopPapers"/>, so the fit reflects the body of work, not one
/// lucky word overlap in a concatenated document.
/// Canonical topics and skills the description names and the candidate holds raise the fit towards 1.
/// </summary>
internal sealed class CandidateMatch(IndexSearcher searcher, Analyzer analyzer, ProfileCatalogs catalogs, MatchWeights weights, QueryBudget? budget = null)
{
    private readonly QueryBudget budget = budget ?? QueryBudget.Unlimited;

    private const int MaxEvidence = 3;

    private readonly Dictionary<string, double> idfCache = new(StringComparer.Ordinal);

    public MatchResponse Run(MatchRequest request)
    {
        var stopwatch = Stopwatch.StartNew();
        var description = Vector(request.Text);
        var wantedTopics = catalogs.Topics.FindIn(request.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wantedSkills = catalogs.Skills.FindIn(request.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var hits = new List<MatchHit>();
        foreach (var docId in Candidates(request, description))
        {
            budget.Check();
            if (CandidateDocument.Read(searcher.Doc(docId)) is not { } candidate || request.Exclude.Contains(candidate.Id))
            {
                continue;
            }

            hits.Add(Score(candidate, description, wantedTopics, wantedSkills));
        }

        var results = hits
            .Where(h => h.Fit > 0 || request.CandidateId is not null)
            .OrderByDescending(h => h.Fit)
            .ThenBy(h => h.Id)
            .Take(request.Top)
            .ToList();
        return new MatchResponse(Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3), results);
    }

    /// <summary>The fit of one stored candidate, for the evaluation and for <see cref="Run"/>.</summary>
    internal MatchHit Score(StoredCandidate candidate, IReadOnlyDictionary<string, double> description, IReadOnlySet<string> wantedTopics, IReadOnlySet<string> wantedSkills)
    {
        var papers = candidate.Publications
            .Select(p => (Paper: p, Similarity: Cosine(description, Vector(p.Title + "\n" + p.Abstract))))
            .OrderByDescending(p => p.Similarity)
            .ToList();
        var best = papers.Count == 0 ? 0 : papers[0].Similarity;
        var topMean = papers.Count == 0 ? 0 : Math.Pow(papers.Take(weights.TopPapers).Average(p => Math.Pow(p.Similarity, weights.Power)), 1 / weights.Power);
        var textFit = (weights.BestPaper * best) + ((1 - weights.BestPaper) * topMean);

        var matchedTopics = candidate.Topics.Where(wantedTopics.Contains).ToList();
        var matchedSkills = candidate.Skills.Where(wantedSkills.Contains).ToList();
        var wanted = wantedTopics.Count + wantedSkills.Count;
        var catalogShare = wanted == 0 ? 0 : (double)(matchedTopics.Count + matchedSkills.Count) / wanted;

        // Catalog evidence only raises the fit, towards 1: a description naming a topic never punishes text evidence.
        var fit = Math.Clamp(textFit + ((1 - textFit) * weights.Catalog * catalogShare), 0, 1);
        var evidence = papers
            .Where(p => p.Similarity > 0)
            .Take(MaxEvidence)
            .Select(p => new PaperFit(p.Paper.Title, p.Paper.Venue, p.Paper.Year, Math.Round(p.Similarity, 4)))
            .ToList();
        return new MatchHit(candidate.Id, candidate.Name, candidate.Headline, Math.Round(fit, 6), new HitMatches(matchedSkills, matchedTopics, []), evidence);
    }

    /// <summary>A unit tf-idf vector of the text's analysed terms: sublinear term frequency times smoothed idf.</summary>
    internal Dictionary<string, double> Vector(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var stream = analyzer.GetTokenStream(IndexFields.Abstracts, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var value = term.ToString();
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }

            stream.End();
        }

        var vector = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        var squares = 0d;
        foreach (var (term, count) in counts)
        {
            var weight = (1 + Math.Log(count)) * Idf(term);
            vector[term] = weight;
            squares += weight * weight;
        }

        if (squares == 0)
        {
            return vector;
        }

        var length = Math.Sqrt(squares);
        foreach (var term in counts.Keys)
        {
            vector[term] /= length;
        }

        return vector;
    }

    private static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0d;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>Smoothed idf over candidates (a candidate "contains" a word used in any title or abstract of theirs).</summary>
    private double Idf(string term)
    {
        if (idfCache.TryGetValue(term, out var idf))
        {
            return idf;
        }

        var reader = searcher.IndexReader;
        var df = Math.Max(reader.DocFreq(new Term(IndexFields.Titles, term)), reader.DocFreq(new Term(IndexFields.Abstracts, term)));
        idf = Math.Log((reader.NumDocs + 1d) / (df + 1d)) + 1;
        idfCache[term] = idf;
        return idf;
    }

    private IEnumerable<int> Candidates(MatchRequest request, Dictionary<string, double> description)
    {
        if (request.CandidateId is { } id)
        {
            return searcher.Search(new TermQuery(new Term(IndexFields.Id, CandidateDocument.IdTerm(id))), 1).ScoreDocs.Select(d => d.Doc);
        }

        // Retrieval by the description's heaviest words; the per-paper fit then re-ranks the best of them.
        var query = new BooleanQuery(true);
        foreach (var (term, weight) in description.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(weights.QueryTerms))
        {
            query.Add(new TermQuery(new Term(IndexFields.Titles, term)) { Boost = (float)weight }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Abstracts, term)) { Boost = (float)weight }, Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var top = TopScoreDocCollector.Create(weights.RerankDepth + request.Exclude.Count, docsScoredInOrder: false);
        searcher.Search(query, new BudgetedCollector(top, budget));
        return top.GetTopDocs().ScoreDocs.Select(d => d.Doc);
    }
}

/// <summary>How a fit is computed; defaults tuned on the development half of the reviewer-expertise benchmark.</summary>
public sealed record MatchWeights
{
    /// <summary>Share of the fit given to the single closest paper; the rest goes to the mean of the <see cref="TopPapers"/> closest.</summary>
    public double BestPaper { get; init; }

    public int TopPapers { get; init; } = 20;

    /// <summary>
    /// Exponent of the power mean over the closest papers: above 1 leans towards the best paper, 1 is the plain mean,
    /// below 1 rewards several moderately close papers (measured best on the benchmark: 0.5).
    /// </summary>
    public double Power { get; init; } = 0.5;

    /// <summary>How far matched catalog topics and skills move the fit towards 1.</summary>
    public double Catalog { get; init; } = 0.2;

    /// <summary>Description words used to retrieve candidates before re-ranking.</summary>
    public int QueryTerms { get; init; } = 64;

    /// <summary>Candidates retrieved and re-ranked by their papers.</summary>
    public int RerankDepth { get; init; } = 200;
}
