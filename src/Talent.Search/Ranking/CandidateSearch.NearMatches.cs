using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Talent.Search.Ranking;

namespace Talent.Search;

internal sealed partial class CandidateSearch
{
    /// <summary>
    /// Share of a short query's weight (its words weighted by rarity, <see cref="WordVectors"/>) that one text of a
    /// candidate — a paper's title and abstract, or their own words — must hold for the candidate to be a near match:
    /// half, so of "intelligent agents" a text holding the rarer word counts and one holding only the common word does not.
    /// </summary>
    internal const double NearShare = 0.5;

    /// <summary>Candidates holding some words of the query that are read for a near match, at most (the best of them by words).</summary>
    private const int NearReads = BodyOfWork.Window;

    /// <summary>The near matches listed after the hits holding every word, by Lucene document.</summary>
    private readonly HashSet<int> near = [];

    /// <summary>
    /// Whether the hits of a query whose words are all required leave room for near matches: a short query with words,
    /// fewer than <see cref="BodyOfWork.Window"/> candidates holding every one, but some (nobody at all is the fallback
    /// to any word in <see cref="Ranked"/>).
    /// </summary>
    private bool LeavesRoomForNear(Operator words, TopDocs everyWord) =>
        words == Operator.AND && queryTerms.Count >= 2 && everyWord.TotalHits is > 0 and < BodyOfWork.Window;

    /// <summary>
    /// The hits holding every word, then the candidates who hold most of the query without every word (a text holding
    /// <see cref="NearShare"/> of its weight), found among the best hits of any word and listed after them, up to the
    /// window. A recruiter's pool of a few hundred people seldom has many holding every word of "intelligent agents",
    /// and the people who write on agents are the next answer; a large pool fills the window with exact hits and never
    /// reads further. The near matches are returned in <see cref="near"/>; the query that found them explains them.
    /// </summary>
    private (TopDocs Top, Query Query) WithNearMatches(Query everyWordQuery, TopDocs everyWord)
    {
        var anyWord = Build(Operator.OR);
        if (anyWord.Equals(everyWordQuery))
        {
            // A quoted phrase, or words joined by AND: any word finds what every word found.
            return (everyWord, everyWordQuery);
        }

        var (candidates, _) = Execute(anyWord, countFacets: false);
        var exact = everyWord.ScoreDocs.Select(d => d.Doc).ToHashSet();
        var weights = new WordVectors(searcher, analyzer).Of(FreeTextOf(request.Query));
        var room = BodyOfWork.Window - everyWord.ScoreDocs.Length;
        var admitted = new List<ScoreDoc>();
        foreach (var hit in candidates.ScoreDocs.Where(h => !exact.Contains(h.Doc)).Take(NearReads))
        {
            budget.Check();
            if (HoldsMostOf(weights, hit.Doc))
            {
                admitted.Add(hit);
                near.Add(hit.Doc);
                if (admitted.Count == room)
                {
                    break;
                }
            }
        }

        return (new TopDocs(everyWord.TotalHits + admitted.Count, [.. everyWord.ScoreDocs, .. admitted], everyWord.MaxScore), anyWord);
    }

    /// <summary>Whether one of the candidate's texts holds at least <see cref="NearShare"/> of the query's weight.</summary>
    private bool HoldsMostOf(Dictionary<string, double> query, int doc)
    {
        var read = StoredCandidates.Of(searcher, doc);
        if (read.OwnText is { Length: > 0 } own && WordVectors.Coverage(query, analyzer, own) >= NearShare)
        {
            return true;
        }

        return read.Candidate?.Publications.Any(p => WordVectors.Coverage(query, analyzer, p.Title, p.Abstract) >= NearShare) == true;
    }

    /// <summary>The re-ranked hits with the near matches after every hit holding all the words, each group in its order.</summary>
    private ScoreDoc[] ExactBeforeNear(ScoreDoc[] ranked) =>
        near.Count == 0 ? ranked : [.. ranked.Where(h => !near.Contains(h.Doc)), .. ranked.Where(h => near.Contains(h.Doc))];
}
