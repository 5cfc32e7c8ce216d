namespace Talent.Search;

/// <summary>A validated search: free text plus structured filters. Build one with <see cref="SearchRequest.Create"/>.</summary>
public sealed partial record SearchRequest
{
    public const int MaxQueryLength = 1000;
    /// <summary>The most results one HTTP page holds.</summary>
    public const int MaxSize = 100;

    /// <summary>The most results one command-line answer holds (<c>talent search --top</c>); HTTP pages hold <see cref="MaxSize"/>.</summary>
    public const int MaxCommandLineSize = 1000;
    public const int MaxPage = 1000;
    public const int MaxFilterValues = 20;
    public const int MaxFilterLength = 100;

    public string Query { get; init; } = "";

    public IReadOnlyList<string> Skills { get; init; } = [];

    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<string> Venues { get; init; } = [];

    public int? Since { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>Split each result's score by signal (Lucene's explanation summarised per field); slower, for people tuning weights.</summary>
    public bool Explain { get; init; }

    public bool IsBrowse => string.IsNullOrWhiteSpace(Query) && Skills.Count == 0 && Topics.Count == 0 && Venues.Count == 0 && Since is null && !HasRecruiterFilters;

    /// <summary>Checks limits and returns either a request or the field errors (field name to messages).</summary>
    public static (SearchRequest? Request, IDictionary<string, string[]> Errors) Create(
        string? query, IEnumerable<string>? skills, IEnumerable<string>? topics, IEnumerable<string>? venues,
        int? since, int? page, int? size, int maxSize = MaxSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        query = query?.Trim() ?? "";
        if (query.Length > MaxQueryLength)
        {
            errors["q"] = [$"The query is {query.Length} characters long; the limit is {MaxQueryLength}."];
        }

        var skillList = CheckFilter("skill", skills, errors);
        var topicList = CheckFilter("topic", topics, errors);
        var venueList = CheckFilter("venue", venues, errors);
        if (since is < 1900 or > 2100)
        {
            errors["since"] = [$"'since' must be a year between 1900 and 2100, not {since}."];
        }

        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"'page' must be between 1 and {MaxPage}, not {page}."];
        }

        if (size < 1 || size > maxSize)
        {
            errors["size"] = [$"'size' must be between 1 and {maxSize}, not {size}."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SearchRequest
        {
            Query = query,
            Skills = skillList,
            Topics = topicList,
            Venues = venueList,
            Since = since,
            Page = page ?? 1,
            Size = size ?? 10,
        }, errors);
    }

    private static List<string> CheckFilter(string name, IEnumerable<string>? values, Dictionary<string, string[]> errors)
    {
        var list = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxFilterValues)
        {
            errors[name] = [$"At most {MaxFilterValues} '{name}' filters are allowed, not {list.Count}."];
        }
        else if (list.Find(v => v.Length > MaxFilterLength) is { } tooLong)
        {
            errors[name] = [$"A '{name}' filter is {tooLong.Length} characters long; the limit is {MaxFilterLength}."];
        }

        return list;
    }
}
