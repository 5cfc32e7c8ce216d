using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Talent.Search;
using Talent.Search.QueryCost;
using Talent.Server.Access;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

public static class SearchEndpoints
{
    private static readonly HashSet<string> Parameters = new(StringComparer.Ordinal) { "q", "skill", "topic", "venue", "since", "page", "size" };

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", Search)
            .WithName("SearchCandidates")
            .WithSummary("Ranked candidates with evidence and facets")
            .WithTags("Search");

    /// <summary>
    /// The search, answered 400 when the query is malformed or over its limits, 429 when the caller already runs as many
    /// expensive queries as allowed, and 503 when it ran past its time budget; it stops when the client goes away.
    /// </summary>
    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> Search(HttpContext context, LiveIndex live, AuditTrail audit, ExpensiveQueryGate gate)
    {
        var request = context.Request;
        var query = request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var unknown in query.Keys.Where(k => !Parameters.Contains(k)))
        {
            errors[unknown] = [$"Unknown parameter '{unknown}'; expected one of: {string.Join(", ", Parameters)}."];
        }

        var since = ParseInt(query, "since", errors);
        var page = ParseInt(query, "page", errors);
        var size = ParseInt(query, "size", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (searchRequest, requestErrors) = SearchRequest.Create(
            query["q"].ToString(), Values(query, "skill"), Values(query, "topic"), Values(query, "venue"), since, page, size);
        if (searchRequest is null)
        {
            return TypedResults.ValidationProblem(requestErrors);
        }

        var (permit, refusal) = QueryShape.IsExpensive(searchRequest.Query) ? gate.Enter(context) : (null, null);
        if (refusal is not null)
        {
            return refusal;
        }

        SearchOutcome outcome;
        using (permit)
        using (var lease = live.Acquire())
        {
            outcome = lease.Index.Search(searchRequest, context.RequestAborted);
        }

        switch (outcome)
        {
            case SearchOutcome.Found found:
                await audit.RecordAsync(context, "search", request.QueryString.Value, found.Response.Results.Select(r => r.Id));
                return TypedResults.Ok(found.Response);
            case SearchOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors);
            case SearchOutcome.OverBudget over:
                return OverBudget(over.Reason);
            default:
                throw new InvalidOperationException("Unknown search outcome.");
        }
    }

    /// <summary>503 for a query stopped at its time budget: the service is fine, this query cost too much now.</summary>
    internal static ProblemHttpResult OverBudget(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Query over its time budget", detail: reason);

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query[name].Where(v => v is not null).Select(v => v!); // filtered to non-null just before

    private static int? ParseInt(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
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
