using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Talent.Search;

namespace Talent.Server.Api;

/// <summary>
/// The query parameters of <c>GET /api/search</c> and its export, declared so the OpenAPI document lists each one.
/// Numbers arrive as text and are checked in code, so a bad one is a 400 naming the parameter.
/// </summary>
public sealed class SearchParameters
{
    /// <summary>Every parameter name a search accepts (the export adds its own).</summary>
    public static readonly string[] Names =
        ["q", "skill", "topic", "venue", "since", "until", "page", "size", "school", "company", "current_company", "location", "title", "degree", "min_years", "max_years"];

    [FromQuery(Name = "q"), Description("Free text over names, schools, employers, titles, places, skills, topics and papers; quoted phrases, AND / OR / NOT, and filters such as school:, company:, location:, skill:, venue:, since:, until:. An e-mail, phone or homepage finds its owner.")]
    public string? Q { get; init; }

    [FromQuery(Name = "skill"), Description("Required skill (repeatable; every one)")]
    public string[]? Skill { get; init; }

    [FromQuery(Name = "topic"), Description("Required research topic (repeatable; every one)")]
    public string[]? Topic { get; init; }

    [FromQuery(Name = "venue"), Description("Publication venue (repeatable; any of them)")]
    public string[]? Venue { get; init; }

    [FromQuery(Name = "since"), Description("A publication in or after this year (1900-2100)")]
    public string? Since { get; init; }

    [FromQuery(Name = "until"), Description("A publication in or before this year (1900-2100); with since, a publication within the years")]
    public string? Until { get; init; }

    [FromQuery(Name = "page"), Description("1-based page number (at most 1000)")]
    public string? Page { get; init; }

    [FromQuery(Name = "size"), Description("Results per page (1-100)")]
    public string? Size { get; init; }

    [FromQuery(Name = "school"), Description("School (repeatable; any of them): words of the institution's name")]
    public string[]? School { get; init; }

    [FromQuery(Name = "company"), Description("Employer, current or past (repeatable; any of them)")]
    public string[]? Company { get; init; }

    [FromQuery(Name = "current_company"), Description("Employer of a current role (repeatable; any of them)")]
    public string[]? CurrentCompany { get; init; }

    [FromQuery(Name = "location"), Description("City, region or country (repeatable; any of them)")]
    public string[]? Location { get; init; }

    [FromQuery(Name = "title"), Description("Words of a job title, current or past (repeatable; every one)")]
    public string[]? Title { get; init; }

    [FromQuery(Name = "degree"), Description("Highest degree level (repeatable; any of them): Doctorate, Master's, Bachelor's")]
    public string[]? Degree { get; init; }

    [FromQuery(Name = "min_years"), Description("At least this many years of experience (0-80)")]
    public string? MinYears { get; init; }

    [FromQuery(Name = "max_years"), Description("At most this many years of experience (0-80)")]
    public string? MaxYears { get; init; }

    /// <summary>The request these parameters make, or the field errors; <paramref name="context"/> decides whether contact data may be looked up.</summary>
    internal (SearchRequest? Request, IDictionary<string, string[]> Errors) ToRequest(HttpContext context, IEnumerable<string> alsoAllowed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var allowed = Names.Concat(alsoAllowed).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in context.Request.Query.Keys.Where(k => !allowed.Contains(k)))
        {
            errors[unknown] = [$"Unknown parameter '{unknown}'; expected one of: {string.Join(", ", allowed)}."];
        }

        var since = ParseInt(Since, "since", errors);
        var until = ParseInt(Until, "until", errors);
        var page = ParseInt(Page, "page", errors);
        var size = ParseInt(Size, "size", errors);
        var minYears = ParseInt(MinYears, "min_years", errors);
        var maxYears = ParseInt(MaxYears, "max_years", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (request, requestErrors) = SearchRequest.Create(Q, Skill, Topic, Venue, since, page, size);
        if (request is null)
        {
            return (null, requestErrors);
        }

        var (filtered, filterErrors) = request.WithRecruiterFilters(School, Company, CurrentCompany, Location, Title, Degree, minYears, maxYears, until);
        return filtered is null
            ? (null, filterErrors)
            : (filtered with { ContactLookup = context.User.IsInRole("recruiter") || context.User.IsInRole("admin") }, filterErrors);
    }

    internal static int? ParseInt(string? raw, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [$"'{name}' must be a whole number, not '{(raw.Length > 20 ? raw[..20] + "…" : raw)}'."];
        return null;
    }
}
