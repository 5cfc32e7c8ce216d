using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Search.Matching;
using Talent.Search.QueryCost;
using Talent.Server.Access;
using Talent.Server.Health;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

public static class MatchEndpoints
{
    public static void MapMatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/match", Match)
            .WithMetadata(RequestOrigin.ReadsOnly.Instance)
            .WithName("MatchCandidates")
            .WithSummary("Candidates ranked by fit (0..1) to a job or paper description")
            .WithTags("Match");
        app.MapGet("/api/candidates/{id:long}/similar", Similar)
            .WithName("SimilarCandidates")
            .WithSummary("Candidates whose work is most like this candidate's")
            .WithTags("Match");
    }

    /// <summary>The body of <c>POST /api/match</c>.</summary>
    public sealed record MatchBody(string? Text, long? CandidateId, int? Top);

    /// <summary>A match: 429 when the caller already runs as many expensive queries as allowed, 503 past its time budget.</summary>
    internal static async Task<Results<Ok<MatchResponse>, ValidationProblem, ProblemHttpResult>> Match(MatchBody? body, HttpContext context, LiveIndex live, AuditTrail audit, ExpensiveQueryGate gate, ServiceReadiness readiness)
    {
        var (request, errors) = MatchRequest.Create(body?.Text, body?.CandidateId, body?.Top);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (permit, refusal) = gate.Enter(context);
        if (refusal is not null)
        {
            return refusal;
        }

        MatchResponse response;
        using (permit)
        using (var lease = live.Acquire())
        {
            try
            {
                response = lease.Index.Match(request, cancellationToken: context.RequestAborted);
            }
            catch (QueryOverBudgetException e)
            {
                return SearchEndpoints.OverBudget(e.Message);
            }
        }

        var described = request.Text.Length > 200 ? request.Text[..200] + "…" : request.Text;
        await audit.RecordAsync(context, "match", described, response.Results.Select(r => r.Id));
        return TypedResults.Ok(response with { Notice = readiness.AnswerNotice });
    }

    internal static async Task<Results<Ok<MatchResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> Similar(long id, int? top, HttpContext context, LiveIndex live, AuditTrail audit, ExpensiveQueryGate gate, ServiceReadiness readiness)
    {
        if (top is < 1 or > MatchRequest.MaxTop)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["top"] = [$"'top' must be between 1 and {MatchRequest.MaxTop}, not {top}."],
            });
        }

        var (permit, refusal) = gate.Enter(context);
        if (refusal is not null)
        {
            return refusal;
        }

        MatchResponse? response;
        using (permit)
        using (var lease = live.Acquire())
        {
            try
            {
                response = lease.Index.Similar(id, top ?? 10, cancellationToken: context.RequestAborted);
            }
            catch (QueryOverBudgetException e)
            {
                return SearchEndpoints.OverBudget(e.Message);
            }
        }

        if (response is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Candidate not found", Detail = $"No candidate with id {id} in the index.", Status = 404 });
        }

        await audit.RecordAsync(context, "similar", id.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Results.Select(r => r.Id).Prepend(id));
        return TypedResults.Ok(response with { Notice = readiness.AnswerNotice });
    }
}
