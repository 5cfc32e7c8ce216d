using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Search.QueryCost;
using Talent.Search.Ranking;

namespace Talent.Search.Matching;

/// <summary>
/// One match over one acquired searcher. Expert finding by body of work, with words and meaning: the description
/// and every paper of a candidate become tf-idf vectors (document frequencies from the index) and, once the
/// candidate's sentence vectors exist, sentence vectors too. Each paper's similarity mixes the two cosines in a
/// fixed share (<see cref="MatchWeights.Semantic"/>); the body of work is a power mean over the closest
/// <see cref="MatchWeights.TopPapers"/>, so several close papers count and further papers on other subjects do
/// not dilute it. A candidate's own words (headline, summary, roles, interests, skills) are one more text, so engineers
/// without papers match too. Required skills the description names (in lists too, where "Go" is a skill, see
/// <see cref="DescriptionSkills"/>) and the candidate holds, or has through a skill that implies them ("SQL" through
/// "PostgreSQL"), raise the fit towards 1, and the fit lists the ones present and missing. Candidates are ordered by
/// a soft maximum over their few closest texts (<see cref="MatchWeights.ClosestTexts"/>), raised by the catalog as the
/// fit is, so the author of the paper closest to a description is not outranked by someone whose many papers are all a
/// little close to it.
/// </summary>
internal sealed class CandidateMatch(IndexSearcher searcher, Analyzer analyzer, ProfileCatalogs catalogs, MatchWeights weights, QueryBudget? budget = null, ICandidateVectorSource? vectors = null)
{
    public const string Hybrid = "hybrid";
    public const string NoVectorsYet = "lexical: this candidate's vectors are not computed yet";
    public const string NoQueryVector = "lexical: no sentence vector for the description";
    public const string LexicalOnly = "lexical: sentence vectors are off";

    private const int MaxEvidence = 3;

    /// <summary>What a skill the description only wishes for ("Nice to have: Redis") weighs in the catalog's share, against 1 for a required one.</summary>
    private const double PreferredSkill = 0.5;

    private readonly QueryBudget budget = budget ?? QueryBudget.Unlimited;

    /// <summary>Fields of a candidate's own words (<see cref="OwnText"/>), searched beside titles and abstracts so engineers are found.</summary>
    private static readonly string[] OwnFields = [IndexFields.Roles, IndexFields.SkillsText, IndexFields.Headline, IndexFields.Summary, IndexFields.Interests];

    private readonly WordVectors wordVectors = new(searcher, analyzer);

    public MatchResponse Run(MatchRequest request)
    {
        var stopwatch = Stopwatch.StartNew();
        var description = Vector(request.Text);
        var query = Query(request);
        var wantedTopics = catalogs.Topics.FindIn(request.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wantedSkills = DescriptionSkills.Read(request.Text, catalogs);

        var found = new List<(StoredCandidate Candidate, string OwnText)>();
        foreach (var docId in Candidates(request, description, wantedSkills.All))
        {
            budget.Check();
            if (StoredCandidates.Of(searcher, docId) is { Candidate: { } candidate } read && !request.Exclude.Contains(candidate.Id))
            {
                found.Add((candidate, read.OwnText));
            }
        }

        // The vectors of every candidate to re-rank in one read: a read per candidate added a fifth to a match (docs/benchmarks.md).
        var stored = query.Vector is null ? null : vectors?.FindMany(found.Select(f => f.Candidate.Id).ToList());
        var matchQuery = new MatchQuery(description, query.Vector, query.Ranker, TopicShare(request.Text, wantedTopics));
        var hits = new List<MatchHit>(found.Count);
        foreach (var (candidate, ownText) in found)
        {
            budget.Check();
            hits.Add(Score(candidate, ownText, matchQuery, wantedTopics, wantedSkills, stored));
        }

        wordVectors.Share();
        var results = hits
            .Where(h => h.Fit > 0 || request.CandidateId is not null)
            .OrderByDescending(h => h.Signals?.Order ?? h.Fit)
            .ThenByDescending(h => h.Fit)
            .ThenBy(h => h.Id)
            .Take(request.Top)
            .ToList();
        return new MatchResponse(Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3), results);
    }

    /// <summary>
    /// The share of a description's words that its catalog topics make (each topic counted by the words of its name), at
    /// most 1. A description that is its topics ("question answering", "reinforcement learning for robotics") is about
    /// them, and the topics a candidate holds raise their place in the order by the whole of
    /// <see cref="MatchWeights.Catalog"/>; a paper's abstract or a job ad that names a few topics among a hundred other
    /// words is about much else, and a candidate's topics raise their place by that share only (the fit, which says how
    /// much of what the description names the candidate covers, keeps the whole raise). Without it, a paper as
    /// description put everyone holding one of the several topics its abstract happens to name before its author: the
    /// raise was larger than the differences in closeness between them (docs/ranking.md, "Read from dblp XML").
    /// </summary>
    internal static double TopicShare(string description, IReadOnlyCollection<string> topics)
    {
        if (topics.Count == 0)
        {
            return 0;
        }

        var words = WordCount(description);
        return words == 0 ? 0 : Math.Min(1, topics.Sum(WordCount) / (double)words);
    }

    /// <summary>Runs of letters or digits: "click-through rate prediction" is four.</summary>
    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            count += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return count;
    }

    /// <summary>
    /// The fit of one stored candidate, for the evaluation and for <see cref="Run"/>, with the vectors read for a
    /// whole re-rank (a candidate absent from them has none yet), or without them, reading the candidate's own.
    /// </summary>
    internal MatchHit Score(StoredCandidate candidate, string ownText, MatchQuery query, IReadOnlySet<string> wantedTopics, DescribedSkills wantedSkills, IReadOnlyDictionary<long, CandidateVectors>? read = null)
    {
        var stored = query.Vector is null ? null : read is not null ? read.GetValueOrDefault(candidate.Id) : vectors?.Find(candidate.Id);
        var semantic = stored is not null ? weights.Semantic : 0;
        var papers = candidate.Publications
            .Select(p =>
            {
                var words = wordVectors.Cosine(query.Words, p.Title, p.Abstract);
                var meaning = stored?.Publication(p.Title) is { } v ? Math.Max(0, VectorMath.Cosine(query.Vector, v)) : (double?)null;
                return (Paper: p, Words: words, Meaning: meaning, Similarity: meaning is { } m ? ((1 - semantic) * words) + (semantic * m) : words);
            })
            .OrderByDescending(p => p.Similarity)
            .ToList();
        var body = Aggregate(papers.Select(p => p.Similarity).ToList());
        // The skills also by their catalog names: "Golang, Postgres, k8s" says what "Go, PostgreSQL, Kubernetes" does.
        var ownWords = ownText.Length == 0 ? 0 : wordVectors.Cosine(query.Words, ownText, candidate.Skills.Count == 0 ? null : string.Join(", ", candidate.Skills));
        var ownMeaning = stored?.Profile is { } profile ? Math.Max(0, VectorMath.Cosine(query.Vector, profile)) : (double?)null;
        var own = ownMeaning is { } om ? ((1 - semantic) * ownWords) + (semantic * om) : ownWords;

        var matchedTopics = candidate.Topics.Where(wantedTopics.Contains).ToList();
        var skills = SkillCredit.Of(wantedSkills.Required, candidate.Skills, catalogs.Skills, wantedSkills.Alternatives);
        var bonus = SkillCredit.Of(wantedSkills.Preferred, candidate.Skills, catalogs.Skills, wantedSkills.Alternatives);
        // A skill the description only wishes for counts half as much as a required one, present or missing.
        // Topics raise the fit by Catalog, skills by Skills, each by its share of what the description names.
        var skillsAsked = skills.Requirements + (PreferredSkill * bonus.Requirements);
        var wanted = wantedTopics.Count + skillsAsked;
        var skillCredit = weights.Skills * (skills.Met + (PreferredSkill * bonus.Met));
        var raise = wanted == 0 ? 0 : ((weights.Catalog * matchedTopics.Count) + skillCredit) / wanted;

        // The skills asked for that the candidate holds are one more text, as close as Skills times their share (as search
        // counts the skills a query names): a list of skills says what an ad asks more plainly than its prose, whose
        // closeness to someone's own words differs by chance, and by language (a CV in Chinese is far from an English ad).
        var skillsText = skillsAsked == 0 ? 0 : skillCredit / skillsAsked;
        var textFit = Math.Max(Math.Max(body, own), skillsText);

        // Catalog evidence only raises the fit, towards 1: a description naming a topic never punishes text evidence.
        var fit = Math.Clamp(textFit + ((1 - textFit) * raise), 0, 1);
        var evidence = papers
            .Where(p => p.Similarity > 0)
            .Take(MaxEvidence)
            .Select(p => new PaperFit(p.Paper.Title, p.Paper.Venue, p.Paper.Year, Math.Round(p.Similarity, 4)))
            .ToList();
        var ranker = stored is not null ? Hybrid : query.Vector is null ? query.Ranker : NoVectorsYet;
        var words = Math.Max(Aggregate(papers.Select(p => p.Words).OrderDescending().ToList()), ownWords);
        double? meaningFit = stored is null ? null : Math.Round(Math.Max(Aggregate(papers.Select(p => p.Meaning ?? 0).OrderDescending().ToList()), ownMeaning ?? 0), 4);
        // People are ordered by a soft maximum over their few closest texts (papers, their own words), raised by the
        // catalog like the fit: who wrote the paper closest to a description comes before someone whose many papers are
        // each a little close to it (the fit reads breadth, which is what judges one person's expertise across papers).
        // In the order, topics count by the share of the description they make (TopicShare): the few topics a paper's
        // abstract names among its other words would otherwise outweigh who wrote the closest paper.
        var closest = SoftMaximum(papers.Select(p => p.Similarity).Append(own).Concat(skillsText > 0 ? [skillsText] : []).OrderDescending().Take(weights.ClosestTexts).ToList(), weights.Softness);
        var orderRaise = wanted == 0 ? 0 : ((weights.Catalog * query.TopicShare * matchedTopics.Count) + skillCredit) / wanted;
        var order = closest + ((1 - Math.Min(1, closest)) * orderRaise);
        var signals = new FitSignals(ranker, Math.Round(words, 4), meaningFit, skills.Present, skills.Missing, Math.Round(order, 6))
        {
            PreferredPresent = wantedSkills.Preferred.Count == 0 ? null : bonus.Present,
            PreferredMissing = wantedSkills.Preferred.Count == 0 ? null : bonus.Missing,
        };
        return new MatchHit(candidate.Id, candidate.Name, candidate.Headline, Math.Round(fit, 6), new HitMatches([.. skills.Names, .. bonus.Names], matchedTopics, []), evidence, signals);
    }

    /// <summary>
    /// τ·ln Σ exp(s/τ) over similarities sorted descending: the largest, plus a little for each close to it (at most
    /// τ·ln n); τ = 0 is the largest alone.
    /// </summary>
    internal static double SoftMaximum(IReadOnlyList<double> descending, double softness)
    {
        if (descending.Count == 0)
        {
            return 0;
        }

        var largest = descending[0];
        return softness <= 0 ? largest : largest + (softness * Math.Log(descending.Sum(s => Math.Exp((s - largest) / softness))));
    }

    /// <summary>A share for the best paper plus a power mean over the closest <see cref="MatchWeights.TopPapers"/> (similarities sorted descending).</summary>
    private double Aggregate(List<double> similarities)
    {
        if (similarities.Count == 0)
        {
            return 0;
        }

        var topMean = Math.Pow(similarities.Take(weights.TopPapers).Average(s => Math.Pow(s, weights.Power)), 1 / weights.Power);
        return (weights.BestPaper * similarities[0]) + ((1 - weights.BestPaper) * topMean);
    }

    private (float[]? Vector, string Ranker) Query(MatchRequest request)
    {
        if (vectors is null || weights.Semantic <= 0)
        {
            return (null, LexicalOnly);
        }

        if (request.QueryVector is null && !vectors.AnyStored)
        {
            return (null, NoVectorsYet);
        }

        var vector = request.QueryVector ?? vectors.Query(request.Text, budget.Token);
        return (vector, vector is null ? NoQueryVector : Hybrid);
    }

    /// <summary>A text as a unit tf-idf vector (see <see cref="WordVectors"/>).</summary>
    internal Dictionary<string, double> Vector(string text) => wordVectors.Of(text);

    private IEnumerable<int> Candidates(MatchRequest request, Dictionary<string, double> description, IReadOnlyList<string> wantedSkills)
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
            foreach (var field in OwnFields)
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = (float)weight }, Occur.SHOULD);
            }
        }

        // A candidate with a skill that implies a required one ("PostgreSQL" for "SQL") has it too.
        foreach (var skill in wantedSkills.SelectMany(s => catalogs.Skills.DescendantsOf(s).Prepend(s)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            query.Add(new TermQuery(new Term(IndexFields.Skill, CandidateDocument.KeywordOf(skill))), Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        // At least as many as the answer holds: a command line may ask for more than the re-rank depth.
        var top = TopScoreDocCollector.Create(Math.Max(weights.RerankDepth, request.Top) + request.Exclude.Count, docsScoredInOrder: false);
        searcher.Search(query, new BudgetedCollector(top, budget));
        return top.GetTopDocs().ScoreDocs.Select(d => d.Doc);
    }
}

/// <summary>
/// A description as match reads it: its words' tf-idf weights, its sentence vector, the ranker that applies, and the share
/// of its words its catalog topics make (<see cref="CandidateMatch.TopicShare"/>).
/// </summary>
internal sealed record MatchQuery(IReadOnlyDictionary<string, double> Words, float[]? Vector, string Ranker, double TopicShare = 1);
