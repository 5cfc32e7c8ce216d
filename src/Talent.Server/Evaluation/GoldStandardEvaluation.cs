using System.Globalization;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Search.Baselines;
using Talent.Search.Matching;
using Talent.Storage;

namespace Talent.Server.Evaluation;

/// <summary>The loss of one system on each profile version it ran, and their mean.</summary>
public sealed record SystemLoss(string System, IReadOnlyDictionary<int, double> ByVersion)
{
    public double Mean => ByVersion.Count == 0 ? double.NaN : ByVersion.Values.Average();
}

public sealed record GoldStandardReport(
    int Researchers,
    int RatedPapers,
    IReadOnlyList<SystemLoss> Systems,
    IReadOnlyList<SystemLoss> References,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, Dictionary<string, double>>> TalentScores)
{
    /// <summary>Which ranker gave <see cref="TalentScores"/>: the hybrid match as evaluated, words only when it ran without sentence vectors.</summary>
    public string TalentScoresRanker { get; init; } = GoldStandardEvaluation.Talent;
}

/// <summary>
/// Runs the reviewer-expertise benchmark through Talent's real code: per profile version, every researcher's
/// 20 profile papers become a candidate in a real <see cref="CandidateIndex"/> (temporary directory), each rated
/// paper's title and abstract is the description, and its fit to that researcher is the score. Plain Lucene BM25
/// and SQLite FTS5 bm25 over one concatenated document per researcher run beside it.
/// </summary>
public sealed class GoldStandardEvaluation(GoldStandardDataset dataset, ProfileCatalogs catalogs, GoldStandardVectors? vectors = null)
{
    public const string Bm25 = "plain BM25 (Lucene, one document per researcher)";
    public const string Fts5 = "SQLite FTS5 bm25 (one document per researcher)";
    public const string Talent = "Talent match (hybrid)";
    public const string Lexical = "Talent match, words only (tf-idf)";
    public const string Semantic = "Talent match, meaning only (MiniLM)";

    /// <summary>
    /// Evaluates <paramref name="versions"/> (all when null) over the first <paramref name="maxResearchers"/> rated researchers
    /// (all when null). The report's Talent scores per version hold the rated pairs it evaluated or, with
    /// <paramref name="everyPair"/>, every researcher with a profile in that version × every paper of
    /// <see cref="GoldStandardDataset.PredictionPapers"/>, as the dataset's reference predictions do.
    /// </summary>
    public GoldStandardReport Run(IReadOnlyCollection<int>? versions = null, int? maxResearchers = null, MatchWeights? weights = null, IProgress<string>? progress = null, bool everyPair = false)
    {
        var evaluations = dataset.Evaluations
            .Select(e => e with { Ratings = e.Ratings.Where(r => dataset.Papers.ContainsKey(r.PaperId)).ToList() })
            .Where(e => e.Ratings.Count > 1)
            .Take(maxResearchers ?? int.MaxValue)
            .ToList();
        var losses = new TalentLosses();
        var bm25 = new Dictionary<int, double>();
        var fts = new Dictionary<int, double>();
        var talentScores = new Dictionary<int, IReadOnlyDictionary<string, Dictionary<string, double>>>();
        var papers = everyPair ? dataset.PredictionPapers() : null;
        foreach (var version in dataset.Profiles.Keys.Where(v => versions is null || versions.Contains(v)).Order())
        {
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"profile version {version}"));
            var profiles = dataset.Profiles[version];
            var documents = GoldStandardCandidates.Documents(dataset, profiles);

            using (var baseline = new Bm25Baseline(documents))
            {
                bm25[version] = Loss(evaluations, (participant, paper) => baseline.Score(paper.Text).GetValueOrDefault(participant));
            }

            using (var baseline = new FtsBaseline(documents))
            {
                fts[version] = Loss(evaluations, (participant, paper) => baseline.Score(paper.Text).GetValueOrDefault(participant));
            }

            talentScores[version] = RunTalent(version, profiles, evaluations, weights ?? new MatchWeights(), papers, losses, progress);
        }

        var references = new List<SystemLoss>();
        foreach (var (name, predictions) in dataset.ReferencePredictions())
        {
            var loss = Loss(evaluations, (participant, paper) =>
                predictions.TryGetValue(participant, out var byPaper) ? byPaper.GetValueOrDefault(paper.PaperId) : 0);
            references.Add(new SystemLoss(name, new Dictionary<int, double> { [1] = loss }));
        }

        return new GoldStandardReport(
            evaluations.Count,
            evaluations.Sum(e => e.Ratings.Count),
            [new SystemLoss(Bm25, bm25), new SystemLoss(Fts5, fts), new SystemLoss(Lexical, losses.Lexical), .. vectors is null ? Array.Empty<SystemLoss>() : [new SystemLoss(Semantic, losses.Semantic)], new SystemLoss(Talent, losses.Hybrid)],
            references,
            talentScores)
        {
            TalentScoresRanker = vectors is null ? Talent + ", words only: no sentence vectors" : Talent,
        };
    }

    /// <summary>
    /// Talent's three losses on one profile version and the hybrid scores: every researcher × every one of
    /// <paramref name="papers"/> first when given (the rated pairs then read from them), else the rated pairs.
    /// </summary>
    private Dictionary<string, Dictionary<string, double>> RunTalent(
        int version,
        IReadOnlyDictionary<string, IReadOnlyList<string>> profiles,
        List<GoldStandardRatings> evaluations,
        MatchWeights weights,
        IReadOnlyList<string>? papers,
        TalentLosses losses,
        IProgress<string>? progress)
    {
        var scores = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        GoldStandardCandidates.WithIndex(dataset, catalogs, profiles, index =>
        {
            index.Vectors = vectors?.For(dataset, profiles, GoldStandardCandidates.Id);
            losses.Lexical[version] = Loss(evaluations, (participant, paper) => Fit(index, participant, paper, weights with { Semantic = 0 }));
            if (vectors is not null)
            {
                losses.Semantic[version] = Loss(evaluations, (participant, paper) => Fit(index, participant, paper, weights with { Semantic = 1 }));
            }

            double Scored(string participant, GoldStandardPaper paper)
            {
                if (!scores.TryGetValue(participant, out var byPaper))
                {
                    scores[participant] = byPaper = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                if (!byPaper.TryGetValue(paper.PaperId, out var fit))
                {
                    byPaper[paper.PaperId] = fit = Fit(index, participant, paper, weights);
                }

                return fit;
            }

            if (papers is not null)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"scoring {profiles.Count} researchers × {papers.Count} papers"));
                foreach (var participant in profiles.Keys)
                {
                    foreach (var paper in papers)
                    {
                        Scored(participant, dataset.Papers[paper]);
                    }
                }
            }

            losses.Hybrid[version] = Loss(evaluations, Scored);
            return 0;
        });
        return scores;
    }

    private static double Fit(CandidateIndex index, string participant, GoldStandardPaper paper, MatchWeights weights) =>
        index.Match(new MatchRequest { Text = paper.Text, CandidateId = GoldStandardCandidates.Id(participant), Top = 1 }, weights).Results.FirstOrDefault()?.Fit ?? 0;

    private double Loss(List<GoldStandardRatings> evaluations, Func<string, GoldStandardPaper, double> score) =>
        RankingLoss.Loss(evaluations.Select(e => (IReadOnlyList<ScoredRating>)e.Ratings
            .Select(r => new ScoredRating(r.PaperId, r.Rating, score(e.ParticipantId, dataset.Papers[r.PaperId])))
            .ToList()));

    /// <summary>Talent's losses by profile version: words only, meaning only (with vectors), and the hybrid as shipped.</summary>
    private sealed class TalentLosses
    {
        public Dictionary<int, double> Lexical { get; } = [];

        public Dictionary<int, double> Semantic { get; } = [];

        public Dictionary<int, double> Hybrid { get; } = [];
    }
}
