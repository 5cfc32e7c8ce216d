using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Talent.Profiles.Catalogs;

namespace Talent.Server.Api;

/// <summary>Canonical skills, topics and venues from the catalogs in <c>config/</c> that start with what the user typed.</summary>
public static class SuggestEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxPrefixLength = 100;
    private static readonly string[] Fields = ["skill", "topic", "venue"];
    private static readonly HashSet<string> Parameters = new(StringComparer.Ordinal) { "field", "prefix", "limit" };

    public static void MapSuggestEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/suggest", Suggest)
            .WithName("SuggestFilterValues")
            .WithSummary("Catalog skills, topics or venues whose name or synonym starts with a prefix")
            .WithTags("Search");

    /// <summary>A canonical name; <see cref="Matched"/> is the synonym or alias the prefix matched when it was not the name itself.</summary>
    public sealed record Suggestion(string Value, string? Matched, string? Detail);

    internal static Results<Ok<IReadOnlyList<Suggestion>>, ValidationProblem> Suggest(
        HttpRequest request,
        ProfileCatalogs catalogs,
        [FromQuery(Name = "field"), Description("skill, topic or venue")] string? field,
        [FromQuery(Name = "prefix"), Description("The start of a name or synonym")] string? prefix,
        [FromQuery(Name = "limit"), Description("Most suggestions (1-50)")] string? limit)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var unknown in query.Keys.Where(k => !Parameters.Contains(k)))
        {
            errors[unknown] = [$"Unknown parameter '{unknown}'; expected one of: {string.Join(", ", Parameters)}."];
        }

        field ??= "";
        if (!Fields.Contains(field, StringComparer.Ordinal))
        {
            errors["field"] = [$"'field' must be one of: {string.Join(", ", Fields)}."];
        }

        prefix = prefix?.Trim() ?? "";
        if (prefix.Length > MaxPrefixLength)
        {
            errors["prefix"] = [$"The prefix is {prefix.Length} characters long; the limit is {MaxPrefixLength}."];
        }

        var count = DefaultLimit;
        var rawLimit = limit ?? "";
        if (rawLimit.Length > 0 && (!int.TryParse(rawLimit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'limit' must be a whole number between 1 and {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var entries = field switch
        {
            "skill" => catalogs.Skills.All.Select(s => (s.Name, Names: s.Synonyms ?? [], Detail: (string?)s.Category)),
            "topic" => catalogs.Topics.All.Select(t => (t.Name, Names: t.Synonyms ?? [], Detail: (string?)null)),
            _ => catalogs.Venues.All.Select(v => (v.Name, Names: (IReadOnlyList<string>)[.. v.FullName is null ? [] : new[] { v.FullName }, .. v.Aliases ?? []], Detail: (string?)$"{v.FullName ?? v.Name} · tier {v.Tier}")),
        };
        return TypedResults.Ok<IReadOnlyList<Suggestion>>(Rank(entries, prefix).Take(count).ToList());
    }

    /// <summary>
    /// The name starting with the prefix beats a synonym starting with it, which beats a later word of
    /// either starting with it; within a rank an exact name comes first, then catalog order (the catalogs
    /// list common entries first, so "py" offers Python before PyMC).
    /// </summary>
    private static IEnumerable<Suggestion> Rank(IEnumerable<(string Name, IReadOnlyList<string> Names, string? Detail)> entries, string prefix)
    {
        var ranked = new List<(int Rank, Suggestion Suggestion)>();
        foreach (var (name, synonyms, detail) in entries)
        {
            if (string.Equals(name, prefix, StringComparison.OrdinalIgnoreCase))
            {
                ranked.Add((-1, new Suggestion(name, null, detail)));
                continue;
            }

            if (prefix.Length == 0)
            {
                ranked.Add((0, new Suggestion(name, null, detail)));
                continue;
            }

            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                ranked.Add((0, new Suggestion(name, null, detail)));
            }
            else if (synonyms.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } synonym)
            {
                ranked.Add((1, new Suggestion(name, synonym, detail)));
            }
            else if (HasWordStarting(name, prefix))
            {
                ranked.Add((2, new Suggestion(name, null, detail)));
            }
            else if (synonyms.FirstOrDefault(s => HasWordStarting(s, prefix)) is { } inner)
            {
                ranked.Add((3, new Suggestion(name, inner, detail)));
            }
        }

        // A stable sort: catalog order within a rank.
        return ranked.OrderBy(r => r.Rank).Select(r => r.Suggestion);
    }

    private static bool HasWordStarting(string text, string prefix)
    {
        for (var i = text.IndexOf(prefix, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
