using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary><c>talent search</c>: the same search entry point as <c>GET /api/search</c>, over the last committed index.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("QUERY") { Description = "Free text, quoted phrases, AND / OR / NOT, field filters", Arity = ArgumentArity.ZeroOrOne };
        var skill = new Option<string[]>("--skill") { Description = "Required skill (repeatable)" };
        var topic = new Option<string[]>("--topic") { Description = "Required research topic (repeatable)" };
        var venue = new Option<string[]>("--venue") { Description = "Required publication venue (repeatable)" };
        var since = new Option<int?>("--since") { Description = "Only candidates with a publication in or after this year" };
        var top = new Option<int>("--top") { Description = "Number of candidates to show", DefaultValueFactory = _ => 10 };
        var explain = new Option<bool>("--explain") { Description = "Print each result's score split by signal (index field)" };
        var command = new Command("search", "Ranked candidates with their evidence") { query, skill, topic, venue, since, top, explain, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (request, errors) = SearchRequest.Create(
                parseResult.GetValue(query), parseResult.GetValue(skill), parseResult.GetValue(topic), parseResult.GetValue(venue),
                parseResult.GetValue(since), 1, parseResult.GetValue(top));
            if (request is null)
            {
                throw new UsageException(FirstError(errors));
            }

            request = request with { Explain = parseResult.GetValue(explain) };

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var indexRoot = Path.GetFullPath(CliSettings.Options<IndexOptions>(configuration, IndexOptions.Section).Directory);
            CandidateIndex Open() => CandidateIndex.OpenReadOnly(IndexLocation.Current(indexRoot), catalogs, NullLogger.Instance, CliSettings.Options<SearchOptions>(configuration, SearchOptions.Section));
            var index = Open();
            if (await IndexFreshness.CatchUpAsync(parseResult, index.LastAppliedSequence, cancellationToken))
            {
                index.Dispose();
                index = Open();
            }

            using var _ = index;
            switch (index.Search(request, cancellationToken))
            {
                case SearchOutcome.Invalid invalid:
                    throw new UsageException(FirstError(invalid.Errors));
                case SearchOutcome.OverBudget over:
                    throw new WorkException(over.Reason);
                case SearchOutcome.Found found:
                    await CliAudit.RecordAsync(parseResult, "search", Described(parseResult, query, skill, topic, venue), found.Response.Results.Select(r => r.Id), cancellationToken);
                    if (parseResult.GetValue(Output.Json))
                    {
                        Output.WriteJson(found.Response);
                    }
                    else
                    {
                        Print(found.Response);
                    }

                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The search as the audit trail keeps it, in the shape of the HTTP query string.</summary>
    private static string Described(ParseResult parseResult, Argument<string?> query, params Option<string[]>[] filters)
    {
        var parts = new List<string>();
        if (parseResult.GetValue(query) is { Length: > 0 } text)
        {
            parts.Add("q=" + text);
        }

        foreach (var filter in filters)
        {
            parts.AddRange((parseResult.GetValue(filter) ?? []).Select(v => $"{filter.Name.TrimStart('-')}={v}"));
        }

        return string.Join('&', parts);
    }

    private static string FirstError(IDictionary<string, string[]> errors) => errors.Select(e => e.Value.FirstOrDefault() ?? e.Key).First();

    private static void Print(SearchResponse response)
    {
        Console.WriteLine($"{response.Total} candidate{(response.Total == 1 ? "" : "s")} ({response.TookMs:0.#} ms)");
        var rank = 0;
        foreach (var hit in response.Results)
        {
            rank++;
            Console.WriteLine();
            Console.WriteLine($"{rank}. {hit.Name ?? "(unnamed)"}  [id {hit.Id}, score {hit.Score:0.00}]");
            if (!string.IsNullOrEmpty(hit.Headline))
            {
                Console.WriteLine($"   {hit.Headline}");
            }

            var matches = new List<string>();
            if (hit.Matches.Skills.Count > 0)
            {
                matches.Add("skills: " + string.Join(", ", hit.Matches.Skills));
            }

            if (hit.Matches.Topics.Count > 0)
            {
                matches.Add("topics: " + string.Join(", ", hit.Matches.Topics));
            }

            if (hit.Matches.Venues.Count > 0)
            {
                matches.Add("venues: " + string.Join(", ", hit.Matches.Venues.Select(v => $"{v.Venue} ×{v.Count}")));
            }

            if (matches.Count > 0)
            {
                Console.WriteLine($"   matched {string.Join(" · ", matches)}");
            }

            if (hit.Signals is { Count: > 0 } signals)
            {
                Console.WriteLine("   score " + string.Join(" + ", signals.OrderByDescending(s => s.Value).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.###}"))));
            }

            foreach (var evidence in hit.Evidence)
            {
                var where = string.Join(' ', new[] { evidence.Venue, evidence.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => s is not null));
                Console.WriteLine($"   · {evidence.Title}{(where.Length > 0 ? $" ({where})" : "")}{(evidence.FirstAuthor ? " — first author" : "")}");
            }
        }
    }
}
