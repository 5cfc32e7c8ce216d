using System.ComponentModel;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Server.Access;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>
/// Shortlists for recruiters: named lists of candidates with tags and a note each, shared by every caller who may read
/// candidates. Changes are audited in their own transaction (<see cref="ShortlistStore"/>); reading a list's candidates
/// or exporting them is audited as a search is.
/// </summary>
public static class ShortlistEndpoints
{
    public static void MapShortlistEndpoints(this IEndpointRouteBuilder app)
    {
        // The list's own routes without a trailing slash (a group's "" pattern would give one).
        app.MapGet("/api/shortlists", List).WithTags("Shortlists").WithName("ListShortlists").WithSummary("Every shortlist with its owner, creation time and number of candidates");
        app.MapPost("/api/shortlists", Create).WithTags("Shortlists").WithName("CreateShortlist").WithSummary("Create a shortlist; 400 naming 'name' for an empty, too long or taken name");
        var group = app.MapGroup("/api/shortlists").WithTags("Shortlists");
        group.MapPatch("/{id:long}", Rename).WithName("RenameShortlist").WithSummary("Rename a shortlist");
        group.MapDelete("/{id:long}", Delete).WithName("DeleteShortlist").WithSummary("Delete a shortlist and its entries");
        group.MapGet("/{id:long}", Show).WithName("GetShortlist").WithSummary("A shortlist's tags and candidates as cards (name, title, employer, place, tags, note), only those with a tag when 'tag' is given");
        group.MapGet("/{id:long}/export", Export)
            .WithName("ExportShortlist")
            .WithSummary("A shortlist's candidates as CSV (default) or JSON lines")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        group.MapPut("/{id:long}/candidates/{candidate:long}", Put)
            .WithName("PutShortlistCandidate")
            .WithSummary("Put a candidate on a shortlist with tags and a note, or change them; 404 for an unknown list or candidate");
        group.MapDelete("/{id:long}/candidates/{candidate:long}", Remove).WithName("RemoveShortlistCandidate").WithSummary("Take a candidate off a shortlist");
        app.MapGet("/api/candidates/{id:long}/shortlists", OfCandidate)
            .WithTags("Shortlists")
            .WithName("GetCandidateShortlists")
            .WithSummary("The shortlists a candidate is on, with their tags and note there");
    }

    internal static async Task<Ok<IReadOnlyList<Shortlist>>> List(ShortlistStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    internal static async Task<Results<Created<Shortlist>, ValidationProblem>> Create(ShortlistRequest request, HttpContext context, ShortlistStore store, CancellationToken cancellationToken)
    {
        var result = await store.CreateAsync(request.Name, Actor(context), cancellationToken);
        return result.Value is { } created
            ? TypedResults.Created($"/api/shortlists/{created.Id}", created)
            : Invalid(result);
    }

    internal static async Task<Results<Ok<Shortlist>, ValidationProblem, NotFound<ProblemDetails>>> Rename(
        long id, ShortlistRequest request, HttpContext context, ShortlistStore store, CancellationToken cancellationToken) =>
        Answer(await store.RenameAsync(id, request.Name, Actor(context), cancellationToken));

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> Delete(long id, HttpContext context, ShortlistStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, Actor(context), cancellationToken) is { Succeeded: true }
            ? TypedResults.NoContent()
            : NotFound($"No shortlist with id {id}.");

    internal static async Task<Results<Ok<ShortlistView>, ValidationProblem, NotFound<ProblemDetails>>> Show(
        long id,
        [FromQuery(Name = "tag"), Description("Only the candidates with this tag")] string? tag,
        HttpContext context,
        ShortlistStore store,
        LiveIndex live,
        AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var (filter, error) = tag is null ? (null, null) : ShortlistRules.CheckTag(tag);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tag"] = [error] });
        }

        if (await store.GetAsync(id, cancellationToken) is not { } list || await store.EntriesAsync(id, filter, cancellationToken) is not { } entries)
        {
            return NotFound($"No shortlist with id {id}.");
        }

        List<ShortlistCard> cards;
        using (var lease = live.Acquire())
        {
            cards = ShortlistCards.Compose(entries, lease.Index);
        }

        await audit.RecordAsync(context, "shortlist", $"shortlist {id}", cards.Select(c => c.CandidateId));
        var tags = await store.TagsAsync(id, cancellationToken);
        return TypedResults.Ok(new ShortlistView(list.Id, list.Name, list.Owner, list.CreatedAt, list.Entries, filter, tags, cards));
    }

    internal static async Task<Results<PushStreamHttpResult, ValidationProblem, NotFound<ProblemDetails>>> Export(
        long id,
        [FromQuery(Name = "format"), Description("csv (default) or json (one JSON object per line)")] string? format,
        [FromQuery(Name = "tag"), Description("Only the candidates with this tag")] string? tag,
        HttpContext context,
        ShortlistStore store,
        LiveIndex live,
        AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !json && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            errors["format"] = [$"'format' must be csv or json, not '{(format.Length > 20 ? format[..20] + "…" : format)}'."];
        }

        var (filter, error) = tag is null ? (null, null) : ShortlistRules.CheckTag(tag);
        if (error is not null)
        {
            errors["tag"] = [error];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await store.EntriesAsync(id, filter, cancellationToken) is not { } entries)
        {
            return NotFound($"No shortlist with id {id}.");
        }

        List<ShortlistCard> cards;
        using (var lease = live.Acquire())
        {
            cards = ShortlistCards.Compose(entries, lease.Index);
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
                if (json)
                {
                    await ShortlistCards.WriteJsonLinesAsync(cards, writer, context.RequestAborted);
                }
                else
                {
                    await ShortlistCards.WriteCsvAsync(cards, writer, context.RequestAborted);
                }

                await audit.RecordAsync(context, "shortlist export", $"shortlist {id}", cards.Select(c => c.CandidateId));
            },
            json ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
            json ? $"talent-shortlist-{id}.jsonl" : $"talent-shortlist-{id}.csv");
    }

    internal static async Task<Results<Ok<ShortlistEntry>, ValidationProblem, NotFound<ProblemDetails>>> Put(
        long id, long candidate, ShortlistEntryRequest? request, HttpContext context, ShortlistStore store, CancellationToken cancellationToken) =>
        Answer(await store.PutEntryAsync(id, candidate, request?.Tags, request?.Note, Actor(context), cancellationToken));

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> Remove(
        long id, long candidate, HttpContext context, ShortlistStore store, CancellationToken cancellationToken) =>
        await store.RemoveEntryAsync(id, candidate, Actor(context), cancellationToken) is { Succeeded: false } failed
            ? NotFound(failed.Error + ".")
            : TypedResults.NoContent();

    internal static async Task<Ok<IReadOnlyList<ShortlistMembership>>> OfCandidate(long id, HttpContext context, ShortlistStore store, AuditTrail audit, CancellationToken cancellationToken)
    {
        var lists = await store.OfCandidateAsync(id, cancellationToken);
        if (lists.Count > 0)
        {
            await audit.RecordAsync(context, "candidate shortlists", null, [id]);
        }

        return TypedResults.Ok(lists);
    }

    /// <summary>Who calls, as shortlists and the audit trail record it: the API key (by prefix) or anonymous local use, and the client address.</summary>
    internal static ShortlistActor Actor(HttpContext context)
    {
        var keyId = long.TryParse(context.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var key) ? key : (long?)null;
        var name = context.User.Identity?.Name ?? "unknown";
        return new ShortlistActor(keyId is null ? name : $"API key {name}", keyId, context.Connection.RemoteIpAddress?.ToString());
    }

    private static Results<Ok<T>, ValidationProblem, NotFound<ProblemDetails>> Answer<T>(ShortlistResult<T> result) =>
        result switch
        {
            { Succeeded: true, Value: { } value } => TypedResults.Ok(value),
            { Failure: ShortlistFailure.NotFound } => NotFound(result.Error + "."),
            _ => Invalid(result),
        };

    private static ValidationProblem Invalid<T>(ShortlistResult<T> result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field ?? "body"] = [result.Error ?? "not valid"] });

    private static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = char.ToUpperInvariant(detail[0]) + detail[1..], Status = StatusCodes.Status404NotFound });
}

/// <summary>Body of <c>POST /api/shortlists</c> and <c>PATCH /api/shortlists/{id}</c>: the list's name (1-100 characters).</summary>
public sealed record ShortlistRequest(string? Name);

/// <summary>
/// Body of <c>PUT /api/shortlists/{id}/candidates/{candidate}</c>: tags (at most 10, each up to 40 characters, stored
/// lower-case) and a note (up to 2,000 characters); both replace what the entry had.
/// </summary>
public sealed record ShortlistEntryRequest(IReadOnlyList<string?>? Tags, string? Note);
