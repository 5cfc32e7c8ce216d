namespace Talent.Search;

/// <summary>The answer to a search, in the JSON shape of <c>GET /api/search</c> and <c>talent search --json</c>.</summary>
public sealed record SearchResponse(int Total, double TookMs, IReadOnlyList<SearchHit> Results, SearchFacets Facets);

/// <summary>A ranked candidate. <see cref="Signals"/> (only when explaining) is the score split by the index field each part came from.</summary>
public sealed record SearchHit(long Id, string? Name, string? Headline, double Score, HitMatches Matches, IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<string, double>? Signals = null);

/// <summary>Why a candidate matched: the canonical skills, topics and venues of the query they hold.</summary>
public sealed record HitMatches(IReadOnlyList<string> Skills, IReadOnlyList<string> Topics, IReadOnlyList<VenueCount> Venues);

public sealed record VenueCount(string Venue, int Count);

/// <summary>A supporting paper.</summary>
public sealed record Evidence(string Title, string? Venue, int? Year, bool FirstAuthor);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Venues,
    IReadOnlyList<FacetValue> Skills,
    IReadOnlyList<FacetValue> Topics,
    IReadOnlyList<FacetValue> Institutions,
    IReadOnlyList<FacetValue> Years);

public sealed record FacetValue(string Value, int Count);

/// <summary>Search either answers or reports what was wrong with the request, per field.</summary>
public abstract record SearchOutcome
{
    public sealed record Found(SearchResponse Response) : SearchOutcome;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : SearchOutcome;

    /// <summary>The search ran past its time budget and was stopped; <see cref="Reason"/> says which budget.</summary>
    public sealed record OverBudget(string Reason) : SearchOutcome;
}
