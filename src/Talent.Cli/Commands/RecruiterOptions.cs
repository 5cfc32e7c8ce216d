using System.CommandLine;
using Talent.Search;

namespace Talent.Cli.Commands;

/// <summary>The recruiter filters of <c>talent search</c>, named as the HTTP parameters are.</summary>
internal sealed class RecruiterOptions
{
    private readonly Option<string[]> school = new("--school") { Description = "School, words of its name (repeatable; any of them)" };
    private readonly Option<string[]> company = new("--company") { Description = "Employer, current or past (repeatable; any of them)" };
    private readonly Option<string[]> currentCompany = new("--current-company") { Description = "Employer of a current role (repeatable; any of them)" };
    private readonly Option<string[]> location = new("--location") { Description = "City, region or country (repeatable; any of them)" };
    private readonly Option<string[]> title = new("--title") { Description = "Words of a job title, current or past (repeatable; every one)" };
    private readonly Option<string[]> degree = new("--degree") { Description = "Highest degree level: Doctorate, Master's, Bachelor's (repeatable; any)" };
    private readonly Option<int?> minYears = new("--min-years") { Description = "At least this many years of experience" };
    private readonly Option<int?> maxYears = new("--max-years") { Description = "At most this many years of experience" };

    public static RecruiterOptions Create() => new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { school, company, currentCompany, location, title, degree, minYears, maxYears })
        {
            command.Options.Add(option);
        }
    }

    public (SearchRequest? Request, IDictionary<string, string[]> Errors) Apply(ParseResult parseResult, SearchRequest request, int? until) =>
        request.WithRecruiterFilters(
            parseResult.GetValue(school), parseResult.GetValue(company), parseResult.GetValue(currentCompany), parseResult.GetValue(location),
            parseResult.GetValue(title), parseResult.GetValue(degree), parseResult.GetValue(minYears), parseResult.GetValue(maxYears), until);
}
