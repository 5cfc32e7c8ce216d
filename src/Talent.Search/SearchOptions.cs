using System.ComponentModel.DataAnnotations;
using Talent.Search.Matching;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>
/// Every ranking signal weight of <c>talent search</c>, <c>talent match</c> and their HTTP endpoints, bound to
/// <c>Talent:Search</c>. The defaults are the weights the judged queries and the benchmark were measured with.
/// </summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Talent:Search";

    /// <summary>BM25 boost of each free-text field (publication titles count most, like a topic named in the profile).</summary>
    public Dictionary<string, float> FieldBoosts { get; init; } = new(IndexFields.TextBoosts, StringComparer.Ordinal);

    /// <summary>Boost of the whole query as a loose phrase in titles, abstracts, interests and roles (it reorders the best hits of the other signals).</summary>
    public float PhraseBoost { get; init; } = 2f;

    /// <summary>Words allowed between the phrase's words.</summary>
    public int PhraseSlop { get; init; } = 2;

    /// <summary>Boost of a canonical topic the query names and the candidate holds.</summary>
    public float CatalogTopicBoost { get; init; } = 4f;

    /// <summary>Boost of a canonical skill the query names and the candidate holds.</summary>
    public float CatalogSkillBoost { get; init; } = 3f;

    /// <summary>Boost of a topic the catalog lists as related to one the query names.</summary>
    public float RelatedTopicBoost { get; init; } = 1.5f;

    /// <summary>Boost of a filtered skill or topic that the candidate's paper titles, abstracts, roles or interests name, by any of its catalog names.</summary>
    public float FilterTextBoost { get; init; } = 1f;

    /// <summary>Extra weight of a first-authored paper at a requested venue (a paper anywhere in the list counts 1).</summary>
    public float FirstAuthorVenueBoost { get; init; } = 0.5f;

    /// <summary>
    /// Weight of a paper at a requested venue by the venue's tier in <c>config/venues.json</c> (A*, A, B, C); a venue
    /// not in the catalog counts 1. It multiplies the paper count, first-author and recency signals of that venue.
    /// </summary>
    public Dictionary<string, float> VenueTierWeights { get; init; } = new(StringComparer.Ordinal) { ["A*"] = 1.5f, ["A"] = 1.25f, ["B"] = 1f, ["C"] = 0.5f };

    /// <summary>Boost of a paper at a requested venue published this year; older papers count less (see the half-life).</summary>
    public float VenueRecencyBoost { get; init; } = 0.5f;

    /// <summary>Years after which a venue paper's recency boost is halved.</summary>
    public float VenueRecencyHalfLifeYears { get; init; } = 3f;

    /// <summary>How many years back (this one included) a venue paper earns any recency boost.</summary>
    public int VenueRecencyWindowYears { get; init; } = 10;

    /// <summary>
    /// From this many documents in the index, a search runs on every core at once, a slice of the index's segments each;
    /// below it, on one thread (splitting a small index costs more than it saves).
    /// </summary>
    public int ParallelFromCandidates { get; init; } = 50_000;

    /// <summary>
    /// Whether candidate documents hold the recruiter fields (schools, employers, job titles, places, contact values,
    /// degree, experience and the card facts stored with them). Off only to measure an index of the field set before
    /// them beside one with them (the search benchmark); not a setting, so configuration never binds it.
    /// </summary>
    internal bool IndexRecruiterFields { get; init; } = true;

    /// <summary>
    /// Share of meaning in each paper's closeness to a search's query when sentence vectors are on: the cosine of the
    /// paper's and the query's sentence vectors beside the share of the query's words it holds, in the body of work a
    /// search's best hits are ordered by (see <see cref="Ranking.BodyOfWork"/>). The value match uses
    /// (<c>Talent:Search:Match:Semantic</c>), checked on <c>talent eval experts</c> (paper titles as queries,
    /// docs/ranking.md) against 0.5; 0 ranks searches by words alone.
    /// </summary>
    public float Semantic { get; init; } = 0.7f;

    /// <summary>
    /// How many of a candidate's closest texts the body of work adds up when the query is a few words that all must be
    /// found (a subject: "question answering", "speech synthesis"): who works on a subject shows in how much they wrote on
    /// it, which five papers that each hold every word of the query cannot tell apart. A longer query — a title, a
    /// sentence — adds up match's <see cref="MatchWeights.ClosestTexts"/> (5), where the closest papers decide. Chosen
    /// on <c>talent eval topics</c> (10 against 5 and 20, docs/ranking.md).
    /// </summary>
    public int KeywordClosestTexts { get; init; } = 10;

    /// <summary>How <c>talent match</c> computes a fit.</summary>
    public MatchWeights Match { get; init; } = new();

    /// <summary>What one query may cost: refused syntax, expansions, nesting and the time budget (<c>Talent:Search:Limits</c>).</summary>
    public QueryLimits Limits { get; init; } = new();

    /// <summary>Every weight is a finite, non-negative number; a half-life and windows are positive.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var weights = new List<(string Name, float Value)>
        {
            (nameof(PhraseBoost), PhraseBoost),
            (nameof(CatalogTopicBoost), CatalogTopicBoost),
            (nameof(CatalogSkillBoost), CatalogSkillBoost),
            (nameof(RelatedTopicBoost), RelatedTopicBoost),
            (nameof(FilterTextBoost), FilterTextBoost),
            (nameof(FirstAuthorVenueBoost), FirstAuthorVenueBoost),
            (nameof(VenueRecencyBoost), VenueRecencyBoost),
        };
        weights.AddRange(FieldBoosts.Select(b => ($"{nameof(FieldBoosts)}:{b.Key}", b.Value)));
        weights.AddRange(VenueTierWeights.Select(w => ($"{nameof(VenueTierWeights)}:{w.Key}", w.Value)));
        foreach (var (name, value) in weights.Where(w => !float.IsFinite(w.Value) || w.Value < 0))
        {
            yield return new ValidationResult($"{name} must be a number of at least 0, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", [name]);
        }

        foreach (var field in FieldBoosts.Keys.Where(f => !IndexFields.TextBoosts.ContainsKey(f)))
        {
            yield return new ValidationResult($"{nameof(FieldBoosts)}: unknown field '{field}' (known: {string.Join(", ", IndexFields.TextBoosts.Keys)})", [nameof(FieldBoosts)]);
        }

        if (!float.IsFinite(Semantic) || Semantic is < 0 or > 1)
        {
            yield return new ValidationResult($"{nameof(Semantic)} must be between 0 and 1, not {Semantic.ToString(System.Globalization.CultureInfo.InvariantCulture)}", [nameof(Semantic)]);
        }

        if (PhraseSlop < 0)
        {
            yield return new ValidationResult($"{nameof(PhraseSlop)} must be at least 0", [nameof(PhraseSlop)]);
        }

        if (!float.IsFinite(VenueRecencyHalfLifeYears) || VenueRecencyHalfLifeYears <= 0)
        {
            yield return new ValidationResult($"{nameof(VenueRecencyHalfLifeYears)} must be more than 0", [nameof(VenueRecencyHalfLifeYears)]);
        }

        if (KeywordClosestTexts < 1)
        {
            yield return new ValidationResult($"{nameof(KeywordClosestTexts)} must be at least 1", [nameof(KeywordClosestTexts)]);
        }

        if (ParallelFromCandidates < 1)
        {
            yield return new ValidationResult($"{nameof(ParallelFromCandidates)} must be at least 1", [nameof(ParallelFromCandidates)]);
        }

        if (VenueRecencyWindowYears is < 1 or > 100)
        {
            yield return new ValidationResult($"{nameof(VenueRecencyWindowYears)} must be between 1 and 100", [nameof(VenueRecencyWindowYears)]);
        }

        foreach (var result in Limits.Validate(validationContext))
        {
            yield return result;
        }

        foreach (var (name, problem) in Match.Problems())
        {
            yield return new ValidationResult($"{nameof(Match)}:{name} {problem}", [$"{nameof(Match)}:{name}"]);
        }
    }
}
