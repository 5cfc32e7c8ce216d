using System.Globalization;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Search.Baselines;
using Talent.Search.Matching;

namespace Talent.Server.Evaluation;

/// <summary>One system's quality at finding a paper's authors: mean average precision, mean reciprocal rank, precision at 1.</summary>
public sealed record ExpertFindingScore(string System, double MeanAveragePrecision, double MeanReciprocalRank, double PrecisionAtOne);

public sealed record ExpertFindingReport(ExpertProfiles Profiles, int Researchers, int Queries, double RelevantPerQuery, IReadOnlyList<ExpertFindingScore> Systems);

/// <summary>What the candidates of the expert-finding task are made of.</summary>
public enum ExpertProfiles
{
    /// <summary>The gold standard's 20-paper profiles (version 1): every candidate has 20 papers.</summary>
    Recent,

    /// <summary>
    /// Half of each researcher's whole record: candidates from 1 to a few hundred papers, as people are, so a ranking
    /// that rewards the number of papers shows it.
    /// </summary>
    Whole,
}

/// <summary>
/// Paper-as-query expert finding on the reviewer-expertise gold standard's researchers, a task no parameter of the fit
/// was chosen on. Each query is a paper with an abstract that is in nobody's profile, and its relevant candidates are the
/// researchers who wrote it (<c>participants.jsonl</c> holds each researcher's whole record). With
/// <see cref="ExpertProfiles.Recent"/> each researcher is a candidate made of their 20-paper profile (version 1) and every
/// other paper of theirs is a query; with <see cref="ExpertProfiles.Whole"/> their whole record is split by paper (a
/// paper whose id ends in a character of even code is a query for everyone, the rest are profile papers), at most
/// <see cref="QueriesPerResearcher"/> queries per researcher so that the three with 400 papers do not make most of them.
/// Talent's match ranks all candidates by the paper's title and abstract, beside plain BM25 over one document per
/// researcher and BM25 voting (each candidate scores the sum of their papers' scores among the 100 best papers); then
/// Talent's search and plain BM25 rank them by the paper's title alone, a short query as a recruiter types one.
/// </summary>
public sealed class ExpertFindingEvaluation(GoldStandardDataset dataset, ProfileCatalogs catalogs, GoldStandardVectors? vectors = null)
{
    /// <summary>
    /// Candidates read as ingestion reads documents: each one's papers written as dblp's XML of a person (titles, authors,
    /// years), extracted and merged. Their papers are then titles alone, so the dataset should be titles-only too.
    /// </summary>
    public bool CandidatesAsDblpXml { get; init; }

    public const string Bm25 = "plain BM25 (one document per researcher)";
    public const string Voting = "BM25 paper voting (sum over the 100 best papers)";
    public const string Lexical = "Talent match, words only (tf-idf)";
    public const string Semantic = "Talent match, meaning only (MiniLM)";
    public const string Talent = "Talent match (hybrid)";
    public const string TitleSearch = "Talent search, the title as query";
    public const string TitleBm25 = "plain BM25, the title as query";

    /// <summary>Queries taken from one researcher's record at most, with <see cref="ExpertProfiles.Whole"/>.</summary>
    public const int QueriesPerResearcher = 10;

    /// <summary>How many of the best-scoring papers vote in the voting baseline.</summary>
    private const int VotingDepth = 100;

    /// <summary>Each researcher's whole record, read once for every run.</summary>
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> records = new(dataset.Authorship);

    /// <summary>
    /// The queries: each paper with a title and abstract that is in no profile and was written by a candidate, with the
    /// candidates who wrote it, in the order participants.jsonl lists them (at most <paramref name="perResearcher"/> of
    /// each researcher's).
    /// </summary>
    private List<(GoldStandardPaper Paper, IReadOnlySet<string> Authors)> Queries(
        IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, Func<string, bool> isQuery, int perResearcher)
    {
        var inProfiles = profiles.Values.SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
        var authorship = records.Value.Where(a => profiles.ContainsKey(a.Key)).ToList();
        var order = new List<string>();
        foreach (var (_, paperIds) in authorship)
        {
            order.AddRange(paperIds.Where(id => !inProfiles.Contains(id) && isQuery(id) && Usable(id)).Distinct(StringComparer.Ordinal).Take(perResearcher));
        }

        var chosen = order.Distinct(StringComparer.Ordinal).ToList();
        var authors = chosen.ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (participant, paperIds) in authorship)
        {
            foreach (var id in paperIds.Where(authors.ContainsKey))
            {
                authors[id].Add(participant);
            }
        }

        return chosen.Select(id => (dataset.Papers[id], (IReadOnlySet<string>)authors[id])).ToList();
    }

    internal bool Usable(string paperId) => dataset.Papers.GetValueOrDefault(paperId) is { Title.Length: > 0 } paper && (paper.Abstract is { Length: > 0 } || paper.AbstractLeftOut);

    /// <summary>
    /// The dataset with the candidates' papers of <paramref name="kind"/> by their titles alone, as a dblp page lists
    /// them; the queries keep their abstracts, and the same papers make the profiles and the queries.
    /// </summary>
    public static GoldStandardDataset TitlesOnly(GoldStandardDataset dataset, ExpertProfiles kind)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (kind == ExpertProfiles.Whole)
        {
            return dataset.WithoutAbstracts(id => !IsWholeRecordQuery(id));
        }

        var profilePapers = dataset.Profiles[1].Values.SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
        return dataset.WithoutAbstracts(profilePapers.Contains);
    }

    /// <summary>With <see cref="ExpertProfiles.Whole"/>: whether a paper is a query (for everyone) rather than a profile paper.</summary>
    internal static bool IsWholeRecordQuery(string paperId) => paperId.Length > 0 && paperId[^1] % 2 == 0;

    /// <summary>Each researcher's whole record less its queries; researchers left with no paper are no candidates.</summary>
    internal Dictionary<string, IReadOnlyList<string>> WholeRecordProfiles() =>
        records.Value
            .Select(a => (a.Key, Papers: (IReadOnlyList<string>)a.Value.Where(id => !IsWholeRecordQuery(id) && Usable(id)).Distinct(StringComparer.Ordinal).ToList()))
            .Where(a => a.Papers.Count > 0)
            .ToDictionary(a => a.Key, a => a.Papers, StringComparer.Ordinal);

    public ExpertFindingReport Run(ExpertProfiles kind = ExpertProfiles.Recent, int? maxQueries = null, MatchWeights? weights = null, IProgress<string>? progress = null)
    {
        var profiles = kind == ExpertProfiles.Whole ? WholeRecordProfiles() : dataset.Profiles[1];
        var queries = (kind == ExpertProfiles.Whole ? Queries(profiles, IsWholeRecordQuery, QueriesPerResearcher) : Queries(profiles, _ => true, int.MaxValue))
            .Take(maxQueries ?? int.MaxValue)
            .ToList();
        var participants = profiles.Keys.Order(StringComparer.Ordinal).ToList();
        var systems = new List<ExpertFindingScore>();

        // One document per researcher, for the whole paper and again for its title alone (the last row).
        using var perResearcher = new Bm25Baseline(GoldStandardCandidates.Documents(dataset, profiles));
        systems.Add(Score(Bm25, queries, participants, paper => perResearcher.Score(paper.Text)));

        using (var baseline = new Bm25Baseline(PaperDocuments(profiles)))
        {
            systems.Add(Score(Voting, queries, participants, paper => Vote(baseline, paper.Text)));
        }

        var chosen = weights ?? new MatchWeights();
        GoldStandardCandidates.WithIndex(dataset, catalogs, profiles, asDblpXml: CandidatesAsDblpXml, run: index =>
        {
            index.Vectors = vectors?.For(dataset, profiles, GoldStandardCandidates.Id);
            var runs = new List<(string Name, MatchWeights Weights)> { (Lexical, chosen with { Semantic = 0 }) };
            if (vectors is not null)
            {
                runs.Add((Semantic, chosen with { Semantic = 1 }));
                runs.Add((Talent, chosen));
            }

            foreach (var (name, runWeights) in runs)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: {queries.Count} papers as queries over {participants.Count} researchers"));
                // Match's own order of people (its answer's order, which is not the fit's alone), as a user sees it.
                systems.Add(Score(name, queries, participants, paper => ByRank(index
                    .Match(new MatchRequest { Text = Description(paper.Text), Top = participants.Count }, runWeights).Results
                    .Select(hit => hit.Id), participants.Count)));
            }

            // A short query as a recruiter types one: the paper's title, to search (its words, not its syntax).
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{TitleSearch}: {queries.Count} titles as queries over {participants.Count} researchers"));
            systems.Add(Score(TitleSearch, queries, participants, paper => index.Search(new SearchRequest { Query = TitleQuery(paper), Size = SearchRequest.MaxSize }) switch
            {
                SearchOutcome.Found found => ByRank(found.Response.Results.Select(hit => hit.Id), participants.Count),
                var other => throw new InvalidOperationException($"Search refused the title of {paper.PaperId}: {other}"),
            }));
            return 0;
        });

        systems.Add(Score(TitleBm25, queries, participants, paper => perResearcher.Score(paper.Title ?? "")));
        return new ExpertFindingReport(kind, participants.Count, queries.Count, queries.Count == 0 ? 0 : queries.Average(q => q.Authors.Count), systems);
    }

    /// <summary>Papers keyed <c>participant TAB paper id</c>, one BM25 document each, for <see cref="Vote"/>.</summary>
    internal Dictionary<string, string> PaperDocuments(IReadOnlyDictionary<string, IReadOnlyList<string>> profiles) =>
        profiles.SelectMany(p => p.Value.Select(id => (Key: p.Key + "\t" + id, Text: dataset.Papers.GetValueOrDefault(id)?.Text ?? "")))
            .ToDictionary(p => p.Key, p => p.Text, StringComparer.Ordinal);

    /// <summary>BM25 voting: each researcher scores the sum of their papers' scores among the best <see cref="VotingDepth"/>.</summary>
    internal static Dictionary<string, double> Vote(Bm25Baseline papers, string text) =>
        papers.Score(text)
            .OrderByDescending(s => s.Value).Take(VotingDepth)
            .GroupBy(s => s.Key[..s.Key.IndexOf('\t', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);

    /// <summary>A paper's title as search's query language reads it as words: its syntax characters escaped, operators as words.</summary>
    private static string TitleQuery(GoldStandardPaper paper)
    {
        var title = (paper.Title ?? "").Replace('"', ' ');
        var escaped = Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(title.Length > 200 ? title[..200] : title);
        return string.Join(' ', escaped.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w is "AND" or "OR" or "NOT" ? w.ToLowerInvariant() : w));
    }

    /// <summary>Candidates in the order a system answered them, as scores: the first gets <paramref name="count"/>, the next one less.</summary>
    internal static Dictionary<string, double> ByRank(IEnumerable<long> candidateIds, int count) =>
        candidateIds
            .Select((id, rank) => (Id: id, Score: count - rank))
            .ToDictionary(hit => hit.Id.ToString(CultureInfo.InvariantCulture), hit => (double)hit.Score, StringComparer.Ordinal);

    /// <summary>A paper's title and abstract within a match description's limit.</summary>
    private static string Description(string text) => text.Length > MatchRequest.MaxTextLength ? text[..MatchRequest.MaxTextLength] : text;

    internal static ExpertFindingScore Score<TQuery>(
        string system,
        IReadOnlyList<(TQuery Query, IReadOnlySet<string> Relevant)> queries,
        IReadOnlyList<string> participants,
        Func<TQuery, IReadOnlyDictionary<string, double>> score)
    {
        double averagePrecision = 0, reciprocalRank = 0, atOne = 0;
        foreach (var (query, authors) in queries)
        {
            var scores = score(query);
            // Candidates the system gives no score come last; equal scores in participant order, the same for every system.
            var ranking = participants.OrderByDescending(p => scores.GetValueOrDefault(p)).ToList();
            var (ap, rr) = Precision(ranking, authors);
            averagePrecision += ap;
            reciprocalRank += rr;
            atOne += authors.Contains(ranking[0]) ? 1 : 0;
        }

        var n = Math.Max(1, queries.Count);
        return new ExpertFindingScore(system, averagePrecision / n, reciprocalRank / n, atOne / n);
    }

    /// <summary>Average precision and reciprocal rank of the first relevant candidate in <paramref name="ranking"/>.</summary>
    internal static (double AveragePrecision, double ReciprocalRank) Precision(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        double found = 0, sum = 0, first = 0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                found++;
                sum += found / (i + 1);
                first = first == 0 ? 1.0 / (i + 1) : first;
            }
        }

        return (relevant.Count == 0 ? 0 : sum / relevant.Count, first);
    }
}
