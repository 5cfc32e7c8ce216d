using Lucene.Net.Search;
using Talent.Profiles.Catalogs;

namespace Talent.Search.Ranking;

/// <summary>
/// Re-ranks the best first-pass hits of a search by body of work, as match orders people: each of a candidate's papers
/// is as close to the query as the words it shares with it — the share of the query's tf-idf weight its title and
/// abstract hold, <c>wordCloseness</c> — and, with sentence vectors (<see cref="Meaning"/>), the cosine of their
/// vectors, mixed in a fixed share (<see cref="Meaning.Share"/> to meaning). Each paper's closeness is weighted by
/// author position (first or last author 1, others <see cref="OtherAuthor"/>), kind (peer-reviewed 1, preprint
/// <see cref="Preprint"/>), the venue's tier and recency (<see cref="RecencyFloor"/>); papers outside a requested venue
/// or year range do not count, and the candidate's own words (headline, summary, roles, interests, skills) are one more
/// text at <see cref="OwnWords"/>, as are the catalog skills the query names that they list
/// (<see cref="Scoring.SkillsHeld"/>), unless the query asks for venues or years (a statement has neither). A candidate's
/// body of work is the sum, over their <see cref="Scoring.ClosestTexts"/> closest texts, of each text's weight times its
/// closeness squared: several strongly relevant papers count, as first author or co-author, a prolific candidate's
/// other work never lowers it, and papers that each hold a word or two of the query count little (a paper holding a
/// quarter of the query's weight counts a sixteenth), so they do not add up past the author of the close ones. The
/// window is ordered by body of work alone, the first pass's order (BM25 fields, which chose the window) breaking ties:
/// a share of the first pass in the order brought back the prolific candidates it favours (a record's BM25 over all of
/// its papers grows with their number). A candidate whose vectors are not computed yet is read by words alone.
/// </summary>
internal static class BodyOfWork
{
    /// <summary>
    /// What a middle author's paper counts for beside a first or last author's. Chosen on the expert-finding and topic
    /// evaluations with each researcher's place in their author lists (docs/ranking.md): at 0.4, established researchers,
    /// who are seldom first authors, fell below the people who cite their subjects. The last author of a list of two or
    /// more that names every author counts as the first does: in most fields it is the senior author's place, who leads
    /// the work (measured on the topic evaluations, docs/ranking.md).
    /// </summary>
    public const double OtherAuthor = 0.7;

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
        ScoreDoc[] hits,
        Func<int, (StoredCandidate? Candidate, string OwnText)> read,
        Scoring query,
        Meaning? meaning = null,
        IDictionary<int, HitOrder>? orders = null,
        IDictionary<long, ClosestText>? closestTexts = null)
    {
        if (query.WordCloseness is null || hits.Length == 0)
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

            (body[i], byWords[i], var byMeaning, var closest) = BodyOf(candidate, rows[i].OwnText, query, vectors?.Query, vectors?.Candidates[i], meaning?.Share ?? 0);
            if (byMeaning is { } value)
            {
                meaning!.Closeness[candidate.Id] = value;
            }

            if (closest is { } text && closestTexts is not null)
            {
                closestTexts[candidate.Id] = text;
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
    /// (null without vectors), with the one text that is closest in words (null when none holds a word of the query).
    /// </summary>
    private static (double Body, double ByWords, double? ByMeaning, ClosestText? Closest) BodyOf(
        StoredCandidate candidate, string ownText, Scoring query, float[]? queryVector, CandidateVectors? stored, double share)
    {
        // Each paper's text is analysed once: its closeness in words is read again for the mix with meaning.
        var inWords = new Dictionary<StoredPublication, double>(ReferenceEqualityComparer.Instance);
        double Words(StoredPublication paper) => inWords.TryGetValue(paper, out var known) ? known : inWords[paper] = query.Words(paper);

        var ownWordsText = query.OwnWordsOf(candidate, ownText);
        var ownWords = ownWordsText.Length == 0 ? 0 : query.WordCloseness!(ownWordsText, null);
        var byWords = Evidence(candidate, Words, query, ownWords);
        var closest = Closest(inWords, query.PapersOnly ? 0 : ownWords, ownText);
        if (queryVector is null || stored is null)
        {
            return (byWords, byWords, null, closest);
        }

        var ownMeaning = Cosine(queryVector, stored.Profile);
        var body = Evidence(
            candidate,
            paper => ((1 - share) * Words(paper)) + (share * Cosine(queryVector, stored.Publication(paper.Title))),
            query,
            ((1 - share) * ownWords) + (share * ownMeaning));
        return (body, byWords, Evidence(candidate, paper => Cosine(queryVector, stored.Publication(paper.Title)), query, ownMeaning), closest);
    }

    /// <summary>A text a candidate is read by: a paper's title and abstract (<see cref="More"/>), or their own words.</summary>
    internal readonly record struct ClosestText(string Text, string? More = null);

    /// <summary>The text closest to the query in words among the papers read and the own words (null when none holds a word).</summary>
    private static ClosestText? Closest(Dictionary<StoredPublication, double> papers, double ownWords, string ownText)
    {
        ClosestText? closest = ownWords > 0 ? new ClosestText(ownText) : null;
        var best = ownWords;
        foreach (var (paper, words) in papers)
        {
            if (words > best)
            {
                (best, closest) = (words, new ClosestText(paper.Title, paper.Abstract));
            }
        }

        return closest;
    }

    /// <summary>
    /// What the query asks of a body of work: its words' closeness to a text in one or two parts (null without words), how many of a
    /// candidate's closest texts it adds up, the requested venues and years, the venues' tier weights and the year recency
    /// counts from.
    /// </summary>
    internal sealed record Scoring(Func<string, string?, double>? WordCloseness, int ClosestTexts, IReadOnlySet<string> Venues, int? Since, Func<string, double> TierWeight, int CurrentYear)
    {
        /// <summary>Catalog skills the query names or requires (canonical names), which a candidate's card says they have or lack.</summary>
        public IReadOnlySet<string> Skills { get; init; } = new HashSet<string>();

        /// <summary>The catalog whose <c>parents</c> say which listed skills imply a skill asked for (none: only listed ones count).</summary>
        public SkillCatalog? Catalog { get; init; }

        /// <summary>
        /// The share of <see cref="Skills"/> the candidate holds: lists, or lists a skill implying it through
        /// <see cref="Catalog"/>'s parents (0 when the query names none).
        /// </summary>
        public double SkillsHeld(StoredCandidate candidate) =>
            Skills.Count == 0 ? 0 : (double)Skills.Count(s => candidate.Skills.Contains(s, StringComparer.OrdinalIgnoreCase) || HeldThrough(candidate, s)) / Skills.Count;

        /// <summary>
        /// Their own words, and after them the skills asked for that they hold only through a skill they list ("SQL" for
        /// PostgreSQL), as their own words would name them had they listed them: holding a skill is not less than
        /// mentioning it.
        /// </summary>
        public string OwnWordsOf(StoredCandidate candidate, string ownText)
        {
            var implied = Skills.Where(s => !candidate.Skills.Contains(s, StringComparer.OrdinalIgnoreCase) && HeldThrough(candidate, s)).ToList();
            return implied.Count == 0 ? ownText : ownText + (ownText.Length > 0 ? "\n" : "") + string.Join(", ", implied);
        }

        private bool HeldThrough(StoredCandidate candidate, string skill) =>
            Catalog is not null && Catalog.Implying(candidate.Skills, skill).Any();

        /// <summary>Whether the query asks for venues or years: then papers alone are evidence, not a candidate's own words.</summary>
        public bool PapersOnly => Venues.Count > 0 || Since is not null;

        /// <summary>A paper's closeness in words: its title and abstract.</summary>
        public double Words(StoredPublication paper) =>
            WordCloseness is null ? 0 : WordCloseness(paper.Title, paper.Abstract);

        /// <summary>Whether the paper is within the requested venues and years.</summary>
        public bool Counts(StoredPublication paper) =>
            !(Since is { } from && paper.Year < from) && (Venues.Count == 0 || (paper.Venue is not null && Venues.Contains(paper.Venue)));

        /// <summary>What a paper's closeness is multiplied by: author position, kind, tier and age.</summary>
        public double Weight(StoredPublication paper)
        {
            var age = paper.Year is { } year ? Math.Max(0, CurrentYear - year) : RecencyHalfLifeYears;
            return (paper.FirstAuthor || paper.LastAuthor ? 1 : OtherAuthor) * (paper.PeerReviewed ? 1 : Preprint) * (paper.Venue is null ? 1 : TierWeight(paper.Venue))
                * (RecencyFloor + ((1 - RecencyFloor) * Math.Pow(0.5, age / RecencyHalfLifeYears)));
        }
    }

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
    /// The sum over the candidate's <see cref="Scoring.ClosestTexts"/> closest texts — papers within the requested venues
    /// and years, each close to the query by <paramref name="closeness"/> (0–1) and weighted (<see cref="Scoring.Weight"/>),
    /// their own words (<paramref name="own"/>, weighted <see cref="OwnWords"/>) and the query's skills they list (as
    /// much) — of weight × closeness². A soft maximum let the weights decide: with the researchers' places in their author lists, one first-authored paper on a
    /// subject outranked ten co-authored ones, and on <c>talent eval topics</c> search fell from 0.82 to 0.53, below paper
    /// voting's 0.75; a plain sum let many papers that each hold a word of the query add up past the author of the close ones.
    /// </summary>
    private static double Evidence(StoredCandidate candidate, Func<StoredPublication, double> closeness, Scoring query, double own)
    {
        var values = new List<double>(candidate.Publications.Count + 2);
        if (own > 0 && !query.PapersOnly)
        {
            values.Add(OwnWords * own * own);
        }

        if (query.SkillsHeld(candidate) is > 0 and var held && !query.PapersOnly)
        {
            values.Add(OwnWords * held * held);
        }

        foreach (var paper in candidate.Publications)
        {
            if (query.Counts(paper) && closeness(paper) is > 0 and var value)
            {
                values.Add(query.Weight(paper) * value * value);
            }
        }

        return values.OrderDescending().Take(query.ClosestTexts).Sum();
    }
}
