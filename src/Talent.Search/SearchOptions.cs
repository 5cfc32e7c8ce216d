using Talent.Search.Matching;

namespace Talent.Search;

/// <summary>
/// Every ranking signal weight of <c>talent search</c>, <c>talent match</c> and their HTTP endpoints, bound to
/// <c>Talent:Search</c>. The defaults are the weights the judged queries and the benchmark were measured with.
/// </summary>
public sealed class SearchOptions
{
    public const string Section = "Talent:Search";

    /// <summary>BM25 boost of each free-text field (publication titles count most, like a topic named in the profile).</summary>
    public Dictionary<string, float> FieldBoosts { get; init; } = new(IndexFields.TextBoosts, StringComparer.Ordinal);

    /// <summary>Boost of the whole query as a loose phrase in titles, abstracts, interests and roles.</summary>
    public float PhraseBoost { get; init; } = 2f;

    /// <summary>Words allowed between the phrase's words.</summary>
    public int PhraseSlop { get; init; } = 2;

    /// <summary>Boost of a canonical topic the query names and the candidate holds.</summary>
    public float CatalogTopicBoost { get; init; } = 4f;

    /// <summary>Boost of a canonical skill the query names and the candidate holds.</summary>
    public float CatalogSkillBoost { get; init; } = 3f;

    /// <summary>Boost of a topic the catalog lists as related to one the query names.</summary>
    public float RelatedTopicBoost { get; init; } = 1.5f;

    /// <summary>Boost of a filtered skill or topic found in the candidate's papers, roles or interests.</summary>
    public float FilterTextBoost { get; init; } = 1f;

    /// <summary>Extra weight of a first-authored paper at a requested venue (a paper anywhere in the list counts 1).</summary>
    public float FirstAuthorVenueBoost { get; init; } = 0.5f;

    /// <summary>How <c>talent match</c> computes a fit.</summary>
    public MatchWeights Match { get; init; } = new();
}
