namespace Talent.Search.Matching;

/// <summary>A validated match: a job or paper description, optionally about one candidate. Build one with <see cref="Create"/>.</summary>
public sealed record MatchRequest
{
    public const int MaxTextLength = 20_000;

    /// <summary>The most candidates one HTTP answer holds.</summary>
    public const int MaxTop = 100;

    /// <summary>The most candidates one command-line answer holds (<c>talent match</c> and <c>similar --top</c>): the same as a search's.</summary>
    public const int MaxCommandLineTop = SearchRequest.MaxCommandLineSize;

    public string Text { get; init; } = "";

    /// <summary>Score only this candidate (the answer holds it, or nothing when it is not in the index).</summary>
    public long? CandidateId { get; init; }

    public int Top { get; init; } = 10;

    /// <summary>Candidates left out of the answer (the candidate whose similar people are asked for).</summary>
    public IReadOnlySet<long> Exclude { get; init; } = new HashSet<long>();

    /// <summary>The description's sentence vector when the caller has it already (similar: the candidate's own vectors).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public float[]? QueryVector { get; init; }

    /// <summary>Checks limits and returns either a request or the field errors (field name to messages).</summary>
    public static (MatchRequest? Request, IDictionary<string, string[]> Errors) Create(string? text, long? candidateId, int? top, int maxTop = MaxTop)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["text"] = ["The description is empty; give the text of a job or paper description."];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [$"The description is {text.Length} characters long; the limit is {MaxTextLength}."];
        }

        if (top < 1 || top > maxTop)
        {
            errors["top"] = [$"'top' must be between 1 and {maxTop}, not {top}."];
        }

        if (candidateId is < 1)
        {
            errors["candidateId"] = [$"'candidateId' must be a positive candidate id, not {candidateId}."];
        }

        return errors.Count > 0 ? (null, errors) : (new MatchRequest { Text = text, CandidateId = candidateId, Top = top ?? 10 }, errors);
    }
}

/// <summary>The answer to a match, in the JSON shape of <c>POST /api/match</c> and <c>talent match --json</c>.</summary>
public sealed record MatchResponse(double TookMs, IReadOnlyList<MatchHit> Results)
{
    /// <summary>Set by a service answering before it is ready (a demo still loading, an index catching up): why the answer may be incomplete.</summary>
    public string? Notice { get; init; }
}

/// <summary>
/// A candidate and their fit in [0, 1]: the share of the description's weighted words their closest papers
/// cover (cosine of tf-idf vectors), so the same fit means the same closeness whatever the description.
/// </summary>
public sealed record MatchHit(long Id, string? Name, string? Headline, double Fit, HitMatches Matches, IReadOnlyList<PaperFit> Evidence, FitSignals? Signals = null);

/// <summary>A paper of the candidate and its similarity (0..1) to the description.</summary>
public sealed record PaperFit(string Title, string? Venue, int? Year, double Similarity);

/// <summary>
/// How a fit was reached: <see cref="Ranker"/> is <c>hybrid</c> (words and meaning) or says why words alone
/// ranked this candidate; <see cref="Words"/> and <see cref="Meaning"/> are the two text similarities (0..1) before
/// skills and topics; the required skills the description names are split into those the candidate has and not, and so
/// are the skills it only wishes for;
/// <see cref="Order"/> is what candidates are ordered by: a soft maximum over their few closest texts, raised by the
/// catalog as the fit is (see <see cref="MatchWeights.ClosestTexts"/>).
/// </summary>
public sealed record FitSignals(string Ranker, double Words, double? Meaning, IReadOnlyList<string> SkillsPresent, IReadOnlyList<string> SkillsMissing, double? Order = null)
{
    /// <summary>The skills the description only wishes for ("Nice to have: Redis") that the candidate has; null when it wishes for none.</summary>
    public IReadOnlyList<string>? PreferredPresent { get; init; }

    /// <summary>The skills the description only wishes for that the candidate lacks; null when it wishes for none.</summary>
    public IReadOnlyList<string>? PreferredMissing { get; init; }
}
