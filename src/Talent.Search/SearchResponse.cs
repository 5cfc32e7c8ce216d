namespace Talent.Search;

/// <summary>
/// The answer to a search, in the JSON shape of <c>GET /api/search</c> and <c>talent search --json</c>. <see cref="Total"/>
/// counts every candidate listed, <see cref="NearMatches"/> among them; the facets count the others (those the query's words find).
/// </summary>
public sealed record SearchResponse(int Total, double TookMs, IReadOnlyList<SearchHit> Results, SearchFacets Facets)
{
    /// <summary>
    /// Of <see cref="Total"/>, the near matches listed after the candidates holding every word of a short query: when
    /// fewer than a hundred hold them all, candidates with a paper (or their own words) holding at least half of the
    /// query's weight follow them, each marked <see cref="SearchHit.NearMatch"/>.
    /// </summary>
    public int NearMatches { get; init; }

    /// <summary>Set by a service answering before it is ready (a demo still loading, an index catching up): why the answer may be incomplete.</summary>
    public string? Notice { get; init; }
}

/// <summary>
/// What a re-ranked hit is ordered by (<see cref="Value"/>, higher first: its body of work, each paper's closeness to
/// the query mixing words and meaning, docs/ranking.md) and how it reads, each divided by its best among the re-ranked
/// hits: <see cref="Words"/> (the BM25 fields' score, which chose the re-ranked hits and breaks ties),
/// <see cref="BodyOfWork"/> (the body of work by words alone; null when no text of anyone holds the query's words) and
/// <see cref="Meaning"/> (by sentence vectors alone; null without them).
/// </summary>
public sealed record HitOrder(double Value, double Words, double? BodyOfWork, double? Meaning);

/// <summary>
/// A ranked candidate. <see cref="Signals"/> (only when explaining) is the score split by ranking signal. The card fields
/// (<see cref="Title"/> to <see cref="Skills"/>) say who the person is and, in plain words, why they matched.
/// </summary>
public sealed record SearchHit(
    long Id,
    string? Name,
    string? Headline,
    double Score,
    HitMatches Matches,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyDictionary<string, double>? Signals = null)
{
    /// <summary>
    /// With <c>--explain</c>: how the hit was ordered, <c>hybrid</c> (words, body of work and meaning) or why by words
    /// alone (sentence vectors off, the candidate's not computed yet, no vector for the query, below the re-ranked hits).
    /// </summary>
    public string? Ranker { get; init; }

    /// <summary>With <c>--explain</c> and <c>hybrid</c>: how close the candidate's work is to the query's sentence vector, 0 to 1.</summary>
    public double? Meaning { get; init; }

    /// <summary>
    /// With <c>--explain</c>, for the best hits a search re-ranks by body of work: the value they are ordered by and
    /// its parts (<see cref="Score"/> is the words' score alone, which <see cref="Signals"/> add up to).
    /// </summary>
    public HitOrder? Order { get; init; }

    /// <summary>True when the candidate holds most of a short query but not every word (see <see cref="SearchResponse.NearMatches"/>); null otherwise.</summary>
    public bool? NearMatch { get; init; }

    /// <summary>The name to show: the stated name, else "Name not stated" with a homepage or e-mail when the caller may see contact data.</summary>
    public string DisplayName { get; init; } = Name ?? CandidateCard.NameNotStated;

    /// <summary>Current (else latest) job title.</summary>
    public string? Title { get; init; }

    /// <summary>Employer of the current role.</summary>
    public string? Employer { get; init; }

    /// <summary>City and country, as far as the documents say.</summary>
    public string? Location { get; init; }

    /// <summary>How well the candidate fits the search, 0 to 100 (null when browsing without criteria).</summary>
    public int? Fit { get; init; }

    /// <summary>The fit in a word: Strong, Good, Partial or Weak.</summary>
    public string? FitLabel { get; init; }

    /// <summary>The strongest evidence as short sentences ("3 first-author papers on video generation, 2 at ICLR"; "has Rust, gRPC; lacks Terraform").</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>Top skills, those the search asked for first and marked.</summary>
    public IReadOnlyList<SkillMark> Skills { get; init; } = [];
}

/// <summary>A skill on a card; <see cref="Matched"/> when the search asked for it.</summary>
public sealed record SkillMark(string Name, bool Matched);

/// <summary>Why a candidate matched: the canonical skills, topics and venues of the query they hold.</summary>
public sealed record HitMatches(IReadOnlyList<string> Skills, IReadOnlyList<string> Topics, IReadOnlyList<VenueCount> Venues);

public sealed record VenueCount(string Venue, int Count);

/// <summary>A supporting paper; <see cref="LastAuthor"/>: the candidate closes its author list, the senior author's place in most fields.</summary>
public sealed record Evidence(string Title, string? Venue, int? Year, bool FirstAuthor, bool LastAuthor = false);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Venues,
    IReadOnlyList<FacetValue> Skills,
    IReadOnlyList<FacetValue> Topics,
    IReadOnlyList<FacetValue> Institutions,
    IReadOnlyList<FacetValue> Years)
{
    /// <summary>Employers, current or past.</summary>
    public IReadOnlyList<FacetValue> Employers { get; init; } = [];

    public IReadOnlyList<FacetValue> CurrentEmployers { get; init; } = [];

    public IReadOnlyList<FacetValue> Cities { get; init; } = [];

    public IReadOnlyList<FacetValue> Countries { get; init; } = [];

    /// <summary>Highest degree level.</summary>
    public IReadOnlyList<FacetValue> Degrees { get; init; } = [];

    /// <summary>Years of experience in ranges ("3–5 years").</summary>
    public IReadOnlyList<FacetValue> Experience { get; init; } = [];
}

public sealed record FacetValue(string Value, int Count);

/// <summary>Search either answers or reports what was wrong with the request, per field.</summary>
public abstract record SearchOutcome
{
    public sealed record Found(SearchResponse Response) : SearchOutcome;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : SearchOutcome;

    /// <summary>The search ran past its time budget and was stopped; <see cref="Reason"/> says which budget.</summary>
    public sealed record OverBudget(string Reason) : SearchOutcome;
}
