using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Search;
using Talent.Search.QueryCost;
using Talent.Server.Access;
using Talent.Server.Health;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("SearchCandidates")
            .WithSummary("Ranked candidates with evidence and facets")
            .WithTags("Search");
        app.MapSearchExport();
    }

    /// <summary>
    /// The search, answered 400 when the query is malformed or over its limits, 429 when the caller already runs as many
    /// expensive queries as allowed, and 503 when it ran past its time budget; it stops when the client goes away.
    /// </summary>
    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> Search(
        [AsParameters] SearchParameters parameters,
        [FromQuery(Name = "explain"), Description("true: each result's score split by ranking signal (signals) and how it was ordered (ranker: hybrid with its meaning, or why by words alone); slower")] string? explain,
        HttpContext context,
        LiveIndex live,
        AuditTrail audit,
        ExpensiveQueryGate gate,
        ServiceReadiness readiness)
    {
        var request = context.Request;
        var (searchRequest, requestErrors) = parameters.ToRequest(context, ["explain"]);
        if (explain is not (null or "true" or "false"))
        {
            requestErrors = new Dictionary<string, string[]>(requestErrors, StringComparer.Ordinal) { ["explain"] = [$"'explain' must be true or false, not '{explain}'."] };
            searchRequest = null;
        }

        if (searchRequest is null)
        {
            return TypedResults.ValidationProblem(requestErrors);
        }

        searchRequest = searchRequest with { Explain = explain == "true" };

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
                return TypedResults.Ok(found.Response with { Notice = readiness.AnswerNotice });
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
}
