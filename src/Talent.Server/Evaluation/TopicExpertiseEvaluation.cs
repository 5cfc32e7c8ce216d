using System.Globalization;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Search.Baselines;
using Talent.Search.Matching;

namespace Talent.Server.Evaluation;

/// <summary>
/// Topic queries over the reviewer-expertise researchers, as a recruiter types them ("question answering",
/// "reinforcement learning"): who works on a subject, judged by what they went on to write. Candidates are half of each
/// researcher's whole record (<see cref="ExpertProfiles.Whole"/>); a catalog topic is a query, and a researcher is
/// relevant to it when at least <see cref="MentionsForExpertise"/> papers of the other half name it (the catalog's name
/// or a synonym, in the title or abstract). Topics with fewer than <see cref="MinimumRelevant"/> relevant researchers are left out. Talent's search
/// and match rank everyone by the topic's name, beside plain BM25 over one document per researcher and BM25 paper voting
/// (the strong baseline of topic queries in expert finding: a sum over papers rewards sustained work on a subject).
/// </summary>
public sealed class TopicExpertiseEvaluation(GoldStandardDataset dataset, ProfileCatalogs catalogs, GoldStandardVectors? vectors = null)
{
    /// <summary>
    /// Candidates read as ingestion reads documents: each one's papers written as dblp's XML of a person (titles, authors,
    /// years), extracted and merged. Their papers are then titles alone, so the dataset should be titles-only too.
    /// </summary>
    public bool CandidatesAsDblpXml { get; init; }

    public const string Bm25 = ExpertFindingEvaluation.Bm25;
    public const string Voting = ExpertFindingEvaluation.Voting;
    public const string Search = "Talent search, the topic as query";
    public const string Match = "Talent match, the topic as description";

    /// <summary>Papers of the held-out half that must name a topic for their author to count as working on it.</summary>
    public const int MentionsForExpertise = 3;

    /// <summary>Researchers a topic needs to be a query.</summary>
    public const int MinimumRelevant = 2;

    public ExpertFindingReport Run(IProgress<string>? progress = null)
    {
        var experts = new ExpertFindingEvaluation(dataset, catalogs, vectors);
        var profiles = experts.WholeRecordProfiles();
        var participants = profiles.Keys.Order(StringComparer.Ordinal).ToList();
        var queries = Queries(experts, profiles);
        var systems = new List<ExpertFindingScore>();

        using (var perResearcher = new Bm25Baseline(GoldStandardCandidates.Documents(dataset, profiles)))
        {
            systems.Add(ExpertFindingEvaluation.Score(Bm25, queries, participants, topic => perResearcher.Score(topic)));
        }

        using (var papers = new Bm25Baseline(experts.PaperDocuments(profiles)))
        {
            systems.Add(ExpertFindingEvaluation.Score(Voting, queries, participants, topic => ExpertFindingEvaluation.Vote(papers, topic)));
        }

        GoldStandardCandidates.WithIndex(dataset, catalogs, profiles, asDblpXml: CandidatesAsDblpXml, run: index =>
        {
            index.Vectors = vectors?.For(dataset, profiles, GoldStandardCandidates.Id);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{queries.Count} topics as queries over {participants.Count} researchers"));
            systems.Add(ExpertFindingEvaluation.Score(Search, queries, participants, topic => index.Search(new SearchRequest { Query = Escape(topic), Size = SearchRequest.MaxSize }) switch
            {
                SearchOutcome.Found found => ExpertFindingEvaluation.ByRank(found.Response.Results.Select(hit => hit.Id), participants.Count),
                var other => throw new InvalidOperationException($"Search refused the topic {topic}: {other}"),
            }));
            systems.Add(ExpertFindingEvaluation.Score(Match, queries, participants, topic => ExpertFindingEvaluation.ByRank(
                index.Match(new MatchRequest { Text = topic, Top = participants.Count }, vectors is null ? new MatchWeights { Semantic = 0 } : new MatchWeights()).Results.Select(hit => hit.Id),
                participants.Count)));
            return 0;
        });

        return new ExpertFindingReport(ExpertProfiles.Whole, participants.Count, queries.Count, queries.Count == 0 ? 0 : queries.Average(q => q.Relevant.Count), systems);
    }

    /// <summary>Every catalog topic that at least two researchers work on, with those researchers.</summary>
    private List<(string Query, IReadOnlySet<string> Relevant)> Queries(ExpertFindingEvaluation experts, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles)
    {
        var mentions = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (participant, paperIds) in dataset.Authorship().Where(a => profiles.ContainsKey(a.Key)))
        {
            var heldOut = paperIds.Where(ExpertFindingEvaluation.IsWholeRecordQuery).Where(experts.Usable).Distinct(StringComparer.Ordinal);
            foreach (var topic in heldOut.SelectMany(id => catalogs.Topics.FindIn(dataset.Papers[id].Text).Distinct(StringComparer.Ordinal)))
            {
                var byResearcher = mentions.TryGetValue(topic, out var found) ? found : mentions[topic] = new(StringComparer.Ordinal);
                byResearcher[participant] = byResearcher.GetValueOrDefault(participant) + 1;
            }
        }

        return mentions
            .Select(m => (Query: m.Key, Relevant: (IReadOnlySet<string>)m.Value.Where(r => r.Value >= MentionsForExpertise).Select(r => r.Key).ToHashSet(StringComparer.Ordinal)))
            .Where(q => q.Relevant.Count >= MinimumRelevant)
            .OrderBy(q => q.Query, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A topic's name as search's query language reads it as words.</summary>
    private static string Escape(string topic) => Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(topic);
}
