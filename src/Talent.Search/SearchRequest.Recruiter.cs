namespace Talent.Search;

/// <summary>The recruiter filters of a search: school, employer (ever or now), place, title words, degree, experience, an upper year.</summary>
public sealed partial record SearchRequest
{
    /// <summary>Schools (any of them; words of the institution's name, "Stanford" finds "Stanford University").</summary>
    public IReadOnlyList<string> Schools { get; init; } = [];

    /// <summary>Employers, current or past (any of them).</summary>
    public IReadOnlyList<string> Companies { get; init; } = [];

    /// <summary>Employers of a current role (any of them).</summary>
    public IReadOnlyList<string> CurrentCompanies { get; init; } = [];

    /// <summary>Places: a city, region or country (any of them).</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>Words of a job title, current or past (every one of them).</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>Highest degree levels (any of them): Doctorate, Master's, Bachelor's.</summary>
    public IReadOnlyList<string> Degrees { get; init; } = [];

    /// <summary>At least this many years of experience.</summary>
    public int? MinYears { get; init; }

    /// <summary>At most this many years of experience.</summary>
    public int? MaxYears { get; init; }

    /// <summary>Only candidates with a publication in or before this year (with <see cref="Since"/>: a paper within the years).</summary>
    public int? Until { get; init; }

    /// <summary>The caller may see contact data: an e-mail, phone or homepage typed as the query finds its owner, and a nameless card shows one.</summary>
    public bool ContactLookup { get; init; }

    public bool HasRecruiterFilters =>
        Schools.Count > 0 || Companies.Count > 0 || CurrentCompanies.Count > 0 || Locations.Count > 0 || Titles.Count > 0 || Degrees.Count > 0
        || MinYears is not null || MaxYears is not null || Until is not null;

    /// <summary>This request with the recruiter filters, checked against the same limits as the others; or the field errors.</summary>
    public (SearchRequest? Request, IDictionary<string, string[]> Errors) WithRecruiterFilters(
        IEnumerable<string>? schools, IEnumerable<string>? companies, IEnumerable<string>? currentCompanies, IEnumerable<string>? locations,
        IEnumerable<string>? titles, IEnumerable<string>? degrees, int? minYears, int? maxYears, int? until)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = this with
        {
            Schools = CheckFilter("school", schools, errors),
            Companies = CheckFilter("company", companies, errors),
            CurrentCompanies = CheckFilter("current_company", currentCompanies, errors),
            Locations = CheckFilter("location", locations, errors),
            Titles = CheckFilter("title", titles, errors),
            Degrees = CheckFilter("degree", degrees, errors),
            MinYears = minYears,
            MaxYears = maxYears,
            Until = until,
        };
        foreach (var (name, years) in new[] { ("min_years", minYears), ("max_years", maxYears) })
        {
            if (years is < 0 or > 80)
            {
                errors[name] = [$"'{name}' must be between 0 and 80 years, not {years}."];
            }
        }

        if (until is < 1900 or > 2100)
        {
            errors["until"] = [$"'until' must be a year between 1900 and 2100, not {until}."];
        }
        else if (until < Since)
        {
            errors["until"] = [$"'until' ({until}) is before 'since' ({Since})."];
        }

        return errors.Count > 0 ? (null, errors) : (request, errors);
    }
}
