using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Search;
using Talent.Server.Access;
using Talent.Server.Indexing;

namespace Talent.Server.Api;

/// <summary><c>GET /api/search/export</c>: a search's ranked candidates as CSV or JSON lines, streamed.</summary>
public static class SearchExportEndpoints
{
    private const int DefaultLimit = 1000;

    public static void MapSearchExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search/export", Export)
            .WithName("ExportSearch")
            .WithSummary("A search's ranked candidates as CSV (default) or JSON lines, streamed one candidate at a time")
            .WithTags("Search")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");

    /// <summary>
    /// Checks the search as <c>GET /api/search</c> does (400, 503), then writes the candidates while reading them from
    /// the index, so a large export holds one candidate at a time. The export is audited with the ids it sent.
    /// </summary>
    internal static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        [AsParameters] SearchParameters parameters,
        [FromQuery(Name = "format"), Description("csv (default) or json (one JSON object per line)")] string? format,
        [FromQuery(Name = "limit"), Description("Most candidates to export (1-10000, default 1000)")] string? limit,
        HttpContext context,
        LiveIndex live,
        AuditTrail audit)
    {
        var (request, errors) = parameters.ToRequest(context, ["format", "limit"]);
        var extra = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var max = SearchParameters.ParseInt(limit, "limit", extra) ?? DefaultLimit;
        if (max is < 1 or > CandidateIndex.MaxExport)
        {
            extra["limit"] = [$"'limit' must be between 1 and {CandidateIndex.MaxExport}, not {max}."];
        }

        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !json && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            extra["format"] = [$"'format' must be csv or json, not '{(format.Length > 20 ? format[..20] + "…" : format)}'."];
        }

        if (request is null || extra.Count > 0)
        {
            return TypedResults.ValidationProblem(request is null ? errors.Concat(extra).ToDictionary() : extra);
        }

        // The search once at size 1: bad syntax or a query over its budget is answered before any row is sent.
        using (var lease = live.Acquire())
        {
            switch (lease.Index.Search(request with { Size = 1 }, context.RequestAborted))
            {
                case SearchOutcome.Invalid invalid:
                    return TypedResults.ValidationProblem(invalid.Errors);
                case SearchOutcome.OverBudget over:
                    return SearchEndpoints.OverBudget(over.Reason);
            }
        }

        var contentType = json ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8";
        var fileName = json ? "talent-search.jsonl" : "talent-search.csv";
        return TypedResults.Stream(
            async body =>
            {
                var cancellationToken = context.RequestAborted;
                using var lease = live.Acquire();
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
                var hits = lease.Index.Export(request, max, cancellationToken);
                var ids = json
                    ? await SearchExport.WriteJsonLinesAsync(hits, writer, cancellationToken)
                    : await SearchExport.WriteCsvAsync(hits, writer, cancellationToken);
                await audit.RecordAsync(context, "export", context.Request.QueryString.Value, ids);
            },
            contentType,
            fileName);
    }
}
