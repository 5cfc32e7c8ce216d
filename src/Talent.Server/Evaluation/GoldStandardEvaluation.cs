using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
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
    IReadOnlyDictionary<string, Dictionary<string, double>> TalentScoresVersion1);

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

    /// <summary>Evaluates <paramref name="versions"/> (all when null) over the first <paramref name="maxResearchers"/> rated researchers (all when null).</summary>
    public GoldStandardReport Run(IReadOnlyCollection<int>? versions = null, int? maxResearchers = null, MatchWeights? weights = null, IProgress<string>? progress = null)
    {
        var evaluations = dataset.Evaluations
            .Select(e => e with { Ratings = e.Ratings.Where(r => dataset.Papers.ContainsKey(r.PaperId)).ToList() })
            .Where(e => e.Ratings.Count > 1)
            .Take(maxResearchers ?? int.MaxValue)
            .ToList();
        var bm25 = new Dictionary<int, double>();
        var fts = new Dictionary<int, double>();
        var talent = new Dictionary<int, double>();
        var lexical = new Dictionary<int, double>();
        var semantic = new Dictionary<int, double>();
        var hybridWeights = weights ?? new MatchWeights();
        var talentScores = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var version in dataset.Profiles.Keys.Where(v => versions is null || versions.Contains(v)).Order())
        {
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"profile version {version}"));
            var profiles = dataset.Profiles[version];
            var documents = profiles.ToDictionary(p => p.Key, p => string.Join("\n", p.Value.Select(id => dataset.Papers.GetValueOrDefault(id)?.Text)), StringComparer.Ordinal);

            using (var baseline = new Bm25Baseline(documents))
            {
                bm25[version] = Loss(evaluations, (participant, paper) => baseline.Score(paper.Text).GetValueOrDefault(participant));
            }

            using (var baseline = new FtsBaseline(documents))
            {
                fts[version] = Loss(evaluations, (participant, paper) => baseline.Score(paper.Text).GetValueOrDefault(participant));
            }

            var scores = version == 1 ? talentScores : null;
            WithTalentIndex(profiles, index =>
            {
                index.Vectors = vectors?.For(dataset, profiles, CandidateId);
                lexical[version] = Loss(evaluations, (participant, paper) => Fit(index, participant, paper, hybridWeights with { Semantic = 0 }));
                if (vectors is not null)
                {
                    semantic[version] = Loss(evaluations, (participant, paper) => Fit(index, participant, paper, hybridWeights with { Semantic = 1 }));
                }

                talent[version] = Loss(evaluations, (participant, paper) =>
                {
                    var fit = Fit(index, participant, paper, hybridWeights);
                    if (scores is not null)
                    {
                        if (!scores.TryGetValue(participant, out var byPaper))
                        {
                            scores[participant] = byPaper = new Dictionary<string, double>(StringComparer.Ordinal);
                        }

                        byPaper[paper.PaperId] = fit;
                    }

                    return fit;
                });
                return 0;
            });
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
            [new SystemLoss(Bm25, bm25), new SystemLoss(Fts5, fts), new SystemLoss(Lexical, lexical), .. vectors is null ? Array.Empty<SystemLoss>() : [new SystemLoss(Semantic, semantic)], new SystemLoss(Talent, talent)],
            references,
            talentScores);
    }

    private static double Fit(CandidateIndex index, string participant, GoldStandardPaper paper, MatchWeights weights) =>
        index.Match(new MatchRequest { Text = paper.Text, CandidateId = CandidateId(participant), Top = 1 }, weights).Results.FirstOrDefault()?.Fit ?? 0;

    /// <summary>Participant ids are Semantic Scholar author ids, numbers: they serve as candidate ids.</summary>
    private static long CandidateId(string participant) => long.Parse(participant, NumberStyles.None, CultureInfo.InvariantCulture);

    private double Loss(List<GoldStandardRatings> evaluations, Func<string, GoldStandardPaper, double> score) =>
        RankingLoss.Loss(evaluations.Select(e => (IReadOnlyList<ScoredRating>)e.Ratings
            .Select(r => new ScoredRating(r.PaperId, r.Rating, score(e.ParticipantId, dataset.Papers[r.PaperId])))
            .ToList()));

    private T WithTalentIndex<T>(IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, Func<CandidateIndex, T> run)
    {
        var directory = Path.Combine(Path.GetTempPath(), "talent-goldstandard-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = CandidateIndex.OpenForWriting(directory, catalogs, NullLogger.Instance);
            var updatedAt = DateTimeOffset.UnixEpoch;
            foreach (var (participant, paperIds) in profiles)
            {
                index.Upsert(CandidateId(participant), ProfileOf(participant, paperIds), updatedAt);
            }

            index.Commit(1);
            return run(index);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>A candidate as ingestion would merge it from a publication list: the papers' titles, abstracts and years.</summary>
    private CandidateProfile ProfileOf(string participant, IReadOnlyList<string> paperIds) => new()
    {
        Name = "participant " + participant,
        Publications = paperIds
            .Select(id => dataset.Papers.GetValueOrDefault(id))
            .Where(p => p is { Title: not null })
            .Select(p => new MergedPublication(new Publication { Title = p!.Title!, Abstract = p.Abstract, Year = p.Year, Kind = PublicationKind.Conference }, [])) // filtered on a title above
            .ToList(),
    };
}
