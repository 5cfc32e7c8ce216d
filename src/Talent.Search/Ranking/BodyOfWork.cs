using Lucene.Net.Search;
using Talent.Search.Matching;

namespace Talent.Search.Ranking;

/// <summary>
/// Re-ranks the best first-pass hits of a search by body of work, as match orders people: each of a candidate's papers
/// is as close to the query as the words it shares with it — the share of the query's tf-idf weight its title and
/// abstract hold, <c>wordCloseness</c> — and, with sentence vectors (<see cref="Meaning"/>), the cosine of their
/// vectors, mixed in a fixed share (<see cref="Meaning.Share"/> to meaning). Each paper's closeness is weighted by
/// author position (first author 1, others <see cref="OtherAuthor"/>), kind (peer-reviewed 1, preprint
/// <see cref="Preprint"/>), the venue's tier and recency (<see cref="RecencyFloor"/>); papers outside a requested venue
/// or year range do not count, and the candidate's own words (headline, roles, interests, skills) are one more text at
/// <see cref="OwnWords"/>. For a query that is a sentence or a title, a candidate's body of work is a soft maximum over
/// their <see cref="Closest.Texts"/> closest texts (the closest, plus a little for each nearly as close), so several
/// strongly relevant papers count, and a prolific candidate's other work neither lowers the score nor, paper by paper,
/// adds up past the author of the closest work. For a subject — a few words that all must be found — it is the sum over
/// the closest texts of each one's weight times its closeness squared (<see cref="Closest.Summed"/>): how much someone
/// wrote on the subject, whatever their place among its authors, where a paper that holds only a word or two of it
/// counts little. The window is ordered by body of work alone, the first pass's order (BM25 fields, which chose the window)
/// breaking ties: a share of the first pass in the order brought back the prolific candidates it favours (a record's
/// BM25 over all of its papers grows with their number). A candidate whose vectors are not computed yet is read by words
/// alone.
/// </summary>
internal static class BodyOfWork
{
    public const double OtherAuthor = 0.4;
    public const double Preprint = 0.5;
    public const double RecencyHalfLifeYears = 4;

    /// <summary>
    /// What an old paper still counts for: recency halves the rest every <see cref="RecencyHalfLifeYears"/>, so a
    /// paper of this year counts fully and a paper of ten years ago a little over half. Chosen on the expert-finding
    /// title queries (docs/ranking.md): without a floor, a researcher's older work on a subject was lost to the soft maximum.
    /// </summary>
    public const double RecencyFloor = 0.5;

    public const int Window = 100;

    /// <summary>Weight of a candidate's own words in the body of work: a statement, counted like a preprint.</summary>
    public const double OwnWords = Preprint;

    public static ScoreDoc[] Rerank(
        ScoreDoc[] hits, Func<int, (StoredCandidate? Candidate, string OwnText)> read, Scoring query, Meaning? meaning = null, IDictionary<int, HitOrder>? orders = null)
    {
        if (query.WordCloseness is null || hits.Length < 2)
        {
            return hits;
        }

        var window = Math.Min(hits.Length, Window);
        var rows = hits.Take(window).Select(h => read(h.Doc)).ToList();
        var candidates = rows.Select(r => r.Candidate).ToList();

        // Vectors are read only for an order they can change.
        var vectors = meaning is { Share: > 0 } ? meaning.Read(candidates) : null;
        var body = new double[window];
        var byWords = new double[window];
        for (var i = 0; i < window; i++)
        {
            if (candidates[i] is not { } candidate)
            {
                continue;
            }

            (body[i], byWords[i], var byMeaning) = BodyOf(candidate, rows[i].OwnText, query, vectors?.Query, vectors?.Candidates[i], meaning?.Share ?? 0);
            if (byMeaning is { } value)
            {
                meaning!.Closeness[candidate.Id] = value;
            }
        }

        var bestBody = body.Max();
        if (bestBody <= 0)
        {
            return hits;
        }

        var bestWords = hits.Take(window).Max(h => float.IsFinite(h.Score) ? h.Score : 0);
        var bestByWords = byWords.Max();
        var bestByMeaning = meaning?.Closeness.Count > 0 ? meaning.Closeness.Values.Max() : 0;

        // The hits keep their words' score (what --explain's signals add up to); only their order changes, the first
        // pass's order breaking ties.
        var ordered = hits.Take(window)
            .Select((h, i) =>
            {
                if (orders is not null)
                {
                    double? byMeaning = candidates[i] is { } c && bestByMeaning > 0 && meaning!.Closeness.TryGetValue(c.Id, out var m) ? m / bestByMeaning : null;
                    orders.Add(h.Doc, new HitOrder(
                        Math.Round(body[i] / bestBody, 4),
                        bestWords > 0 && float.IsFinite(h.Score) ? Math.Round(h.Score / bestWords, 4) : 0,
                        bestByWords > 0 ? Math.Round(byWords[i] / bestByWords, 4) : null,
                        byMeaning is { } value ? Math.Round(value, 4) : null));
                }

                return (Hit: h, Place: i, Body: body[i]);
            })
            .OrderByDescending(h => h.Body)
            .ThenBy(h => h.Place)
            .Select(h => h.Hit);
        return ordered.Concat(hits.Skip(window)).ToArray();
    }

    /// <summary>
    /// A candidate's body of work — each paper's closeness mixing words and meaning (<paramref name="share"/> to meaning)
    /// when the candidate has vectors, words alone otherwise — and the same read by words alone and by meaning alone
    /// (null without vectors).
    /// </summary>
    private static (double Body, double ByWords, double? ByMeaning) BodyOf(
        StoredCandidate candidate, string ownText, Scoring query, float[]? queryVector, CandidateVectors? stored, double share)
    {
        // Each paper's text is analysed once: its closeness in words is read again for the mix with meaning.
        var inWords = new Dictionary<StoredPublication, double>(ReferenceEqualityComparer.Instance);
        double Words(StoredPublication paper) => inWords.TryGetValue(paper, out var known) ? known : inWords[paper] = query.Words(paper);

        var ownWords = ownText.Length == 0 ? 0 : query.WordCloseness!(ownText);
        var byWords = Evidence(candidate, Words, query, ownWords);
        if (queryVector is null || stored is null)
        {
            return (byWords, byWords, null);
        }

        var ownMeaning = Cosine(queryVector, stored.Profile);
        var body = Evidence(
            candidate,
            paper => ((1 - share) * Words(paper)) + (share * Cosine(queryVector, stored.Publication(paper.Title))),
            query,
            ((1 - share) * ownWords) + (share * ownMeaning));
        return (body, byWords, Evidence(candidate, paper => Cosine(queryVector, stored.Publication(paper.Title)), query, ownMeaning));
    }

    /// <summary>
    /// What the query asks of a body of work: its words' closeness to a text (null without words), the soft maximum
    /// (<see cref="Closest"/>), the requested venues and years, the venues' tier weights and the year recency counts from.
    /// </summary>
    internal sealed record Scoring(Func<string, double>? WordCloseness, Closest Closest, IReadOnlySet<string> Venues, int? Since, Func<string, double> TierWeight, int CurrentYear)
    {
        /// <summary>A paper's closeness in words: its title and abstract.</summary>
        public double Words(StoredPublication paper) =>
            WordCloseness is null ? 0 : WordCloseness(paper.Abstract is null ? paper.Title : paper.Title + "\n" + paper.Abstract);

        /// <summary>Whether the paper is within the requested venues and years.</summary>
        public bool Counts(StoredPublication paper) =>
            !(Since is { } from && paper.Year < from) && (Venues.Count == 0 || (paper.Venue is not null && Venues.Contains(paper.Venue)));

        /// <summary>What a paper's closeness is multiplied by: author position, kind, tier and age.</summary>
        public double Weight(StoredPublication paper)
        {
            var age = paper.Year is { } year ? Math.Max(0, CurrentYear - year) : RecencyHalfLifeYears;
            return (paper.FirstAuthor ? 1 : OtherAuthor) * (paper.PeerReviewed ? 1 : Preprint) * (paper.Venue is null ? 1 : TierWeight(paper.Venue))
                * (RecencyFloor + ((1 - RecencyFloor) * Math.Pow(0.5, age / RecencyHalfLifeYears)));
        }
    }

    /// <summary>
    /// How a body of work is read from its texts' weighted closeness: a soft maximum (temperature
    /// <paramref name="Softness"/>) over the <paramref name="Texts"/> closest, as match orders people
    /// (<see cref="MatchWeights"/>), or, <paramref name="Summed"/>, the sum over the <paramref name="Texts"/> with the
    /// most of each one's weight times its closeness squared. The soft maximum lets weights decide: with a co-author's
    /// papers at 0.4, one first-authored paper on a subject outranked ten co-authored ones (on <c>talent eval topics</c>
    /// with the researchers' places in their author lists, search fell from 0.82 to 0.53, below paper voting's 0.75); a
    /// plain sum let many papers that each hold a word of the query add up past the author of the close ones.
    /// </summary>
    internal sealed record Closest(int Texts, double Softness, bool Summed = false);

    /// <summary>
    /// Sentence vectors for the window (<see cref="Read"/>: the query's vector and each candidate's, or null when the
    /// query has none), the share of each paper's closeness that is meaning, and, after a re-rank, each candidate's body
    /// of work by meaning alone (<see cref="Closeness"/>, for <c>--explain</c>).
    /// </summary>
    internal sealed record Meaning(Func<IReadOnlyList<StoredCandidate?>, WindowVectors?> Read, double Share)
    {
        public Dictionary<long, double> Closeness { get; } = [];
    }

    /// <summary>The query's vector and the vectors of the window's candidates, in its order (null where not computed yet).</summary>
    internal sealed record WindowVectors(float[] Query, IReadOnlyList<CandidateVectors?> Candidates);

    /// <summary>The cosine of the query's sentence vector and a text's, 0 when it has none or they point apart.</summary>
    private static double Cosine(float[] query, float[]? text) => text is null ? 0 : Math.Max(0, VectorMath.Cosine(query, text));

    /// <summary>
    /// The candidate's papers within the requested venues and years, each close to the query by <paramref name="closeness"/>
    /// (0–1) and weighted (<see cref="Scoring.Weight"/>), with their own words as one more text (<paramref name="own"/>,
    /// weighted <see cref="OwnWords"/>), read as <see cref="Closest"/> says.
    /// </summary>
    private static double Evidence(StoredCandidate candidate, Func<StoredPublication, double> closeness, Scoring query, double own)
    {
        var texts = new List<(double Closeness, double Weight)>(candidate.Publications.Count + 1);
        if (own > 0)
        {
            texts.Add((own, OwnWords));
        }

        foreach (var paper in candidate.Publications)
        {
            if (query.Counts(paper) && closeness(paper) is > 0 and var value)
            {
                texts.Add((value, query.Weight(paper)));
            }
        }

        if (texts.Count == 0)
        {
            return 0;
        }

        if (query.Closest.Summed)
        {
            return texts.Select(t => t.Weight * t.Closeness * t.Closeness).OrderDescending().Take(query.Closest.Texts).Sum();
        }

        return CandidateMatch.SoftMaximum(texts.Select(t => t.Closeness * t.Weight).OrderDescending().Take(query.Closest.Texts).ToList(), query.Closest.Softness);
    }
}
