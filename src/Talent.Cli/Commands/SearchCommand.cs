using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Server.Api;
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
        var until = new Option<int?>("--until") { Description = "Only candidates with a publication in or before this year (with --since: within the years)" };
        var top = new Option<int>("--top") { Description = "Number of candidates to show (up to 1000; with --format, to export: up to 10000)", DefaultValueFactory = _ => 10 };
        var explain = new Option<bool>("--explain") { Description = "Print each result's score split by ranking signal" };
        var filters = RecruiterOptions.Create();
        var format = new Option<string?>("--format") { Description = "Export the ranked candidates as csv or json (one object per line) instead of printing cards" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("search", "Ranked candidates with their evidence") { query, skill, topic, venue, since, until, top, explain, format, Output.Json };
        filters.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var exporting = parseResult.GetValue(format) is not null;
            var count = parseResult.GetValue(top);
            var most = exporting ? CandidateIndex.MaxExport : SearchRequest.MaxCommandLineSize;
            if (count < 1 || count > most)
            {
                throw new UsageException($"--top must be between 1 and {most}{(exporting ? " for an export" : "")}, not {count}.");
            }

            var (request, errors) = SearchRequest.Create(
                parseResult.GetValue(query), parseResult.GetValue(skill), parseResult.GetValue(topic), parseResult.GetValue(venue),
                parseResult.GetValue(since), 1, exporting ? 1 : count, SearchRequest.MaxCommandLineSize);
            if (request is null)
            {
                throw new UsageException(FirstError(errors));
            }

            var (filtered, filterErrors) = filters.Apply(parseResult, request, parseResult.GetValue(until));
            if (filtered is null)
            {
                throw new UsageException(FirstError(filterErrors));
            }

            // Whoever can read the data folder may see contact data.
            request = filtered with { Explain = parseResult.GetValue(explain), ContactLookup = true };
            using var index = await OpenCaughtUpAsync(parseResult, cancellationToken);
            IndexFreshness.WarnIfAnalysisChanged(index);
            using var model = await CliVectors.AttachAsync(parseResult, index, cancellationToken);
            var outcome = index.Search(request, cancellationToken);
            await WriteAsync(parseResult, outcome, Described(parseResult, query, skill, topic, venue), index, request, count, parseResult.GetValue(format), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The last committed index, opened again when catching up with the data folder committed more.</summary>
    private static async Task<CandidateIndex> OpenCaughtUpAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = CliSettings.Configuration(parseResult);
        var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section), readsDocuments: false);
        var indexRoot = Path.GetFullPath(CliSettings.Options<IndexOptions>(configuration, IndexOptions.Section).Directory);
        CandidateIndex Open() => CandidateIndex.OpenReadOnly(IndexLocation.Current(indexRoot), catalogs, NullLogger.Instance, CliSettings.Options<SearchOptions>(configuration, SearchOptions.Section));
        var index = Open();
        if (await IndexFreshness.CatchUpAsync(parseResult, index.LastAppliedSequence, cancellationToken))
        {
            index.Dispose();
            index = Open();
        }

        return index;
    }

    /// <summary>
    /// The outcome on stdout, the ranked candidates exported as <paramref name="exportFormat"/> (when given), as JSON or as
    /// cards, and recorded in the audit trail as <paramref name="described"/>; an invalid search is bad usage, one over its
    /// time budget failed work.
    /// </summary>
    private static async Task WriteAsync(
        ParseResult parseResult, SearchOutcome outcome, string described, CandidateIndex index, SearchRequest request, int count, string? exportFormat, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case SearchOutcome.Invalid invalid:
                throw new UsageException(FirstError(invalid.Errors));
            case SearchOutcome.OverBudget over:
                throw new WorkException(over.Reason);
            case SearchOutcome.Found found when exportFormat is not null:
                await CliAudit.RecordAsync(parseResult, "search", described, found.Response.Results.Select(r => r.Id), cancellationToken);
                await ExportAsync(index, request, count, exportFormat, cancellationToken);
                break;
            case SearchOutcome.Found found:
                await CliAudit.RecordAsync(parseResult, "search", described, found.Response.Results.Select(r => r.Id), cancellationToken);
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

    private static async Task ExportAsync(CandidateIndex index, SearchRequest request, int count, string format, CancellationToken cancellationToken)
    {
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 16 * 1024);
        var hits = index.Export(request, count, cancellationToken);
        _ = string.Equals(format, "json", StringComparison.Ordinal)
            ? await SearchExport.WriteJsonLinesAsync(hits, stdout, cancellationToken)
            : await SearchExport.WriteCsvAsync(hits, stdout, cancellationToken);
    }

    private static void Print(SearchResponse response)
    {
        var near = response.NearMatches > 0 ? $", the last {response.NearMatches} holding most of the words but not all" : "";
        Console.WriteLine($"{response.Total} candidate{(response.Total == 1 ? "" : "s")}{near} ({response.TookMs:0.#} ms)");
        var rank = 0;
        foreach (var hit in response.Results)
        {
            rank++;
            PrintCard(rank, hit);
        }
    }

    /// <summary>One ranked candidate as a card: who and where, a near match said so, highlights, what matched, with <c>--explain</c> how it was ranked, and its papers as evidence.</summary>
    private static void PrintCard(int rank, SearchHit hit)
    {
        Console.WriteLine();
        var fit = hit.Fit is { } value ? $"fit {value}% {hit.FitLabel}" : $"score {hit.Score:0.00}";
        Console.WriteLine($"{rank}. {hit.DisplayName}  [id {hit.Id}, {fit}]");
        var role = string.Join(" at ", new[] { hit.Title, hit.Employer }.Where(s => !string.IsNullOrEmpty(s)));
        var line = string.Join(" · ", new[] { role, hit.Location }.Where(s => !string.IsNullOrEmpty(s)));
        if (line.Length > 0)
        {
            Console.WriteLine($"   {line}");
        }

        if (hit.NearMatch == true)
        {
            Console.WriteLine("   near match: holds most of the query's words, not every one");
        }

        foreach (var highlight in hit.Highlights)
        {
            Console.WriteLine($"   {highlight}");
        }

        PrintMatched(hit.Matches);
        PrintRanking(hit);
        foreach (var evidence in hit.Evidence)
        {
            var where = string.Join(' ', new[] { evidence.Venue, evidence.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => s is not null));
            Console.WriteLine($"   · {evidence.Title}{(where.Length > 0 ? $" ({where})" : "")}{(evidence.FirstAuthor ? " — first author" : evidence.LastAuthor ? " — last author" : "")}");
        }
    }

    /// <summary>The skills, topics and venues the candidate matched, on one line when there are any.</summary>
    private static void PrintMatched(HitMatches matched)
    {
        var matches = new List<string>();
        if (matched.Skills.Count > 0)
        {
            matches.Add("skills: " + string.Join(", ", matched.Skills));
        }

        if (matched.Topics.Count > 0)
        {
            matches.Add("topics: " + string.Join(", ", matched.Topics));
        }

        if (matched.Venues.Count > 0)
        {
            matches.Add("venues: " + string.Join(", ", matched.Venues.Select(v => $"{v.Venue} ×{v.Count}")));
        }

        if (matches.Count > 0)
        {
            Console.WriteLine($"   matched {string.Join(" · ", matches)}");
        }
    }

    /// <summary>With <c>--explain</c>: the score split by signal, the order of a re-ranked hit and its parts, and the ranker.</summary>
    private static void PrintRanking(SearchHit hit)
    {
        if (hit.Signals is { Count: > 0 } signals)
        {
            Console.WriteLine("   score " + string.Join(" + ", signals.OrderByDescending(s => s.Value).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.###}"))));
        }

        if (hit.Order is { } order)
        {
            var parts = new[] { ("words", (double?)order.Words), ("body of work", order.BodyOfWork), ("meaning", order.Meaning) }
                .Where(p => p.Item2 is not null).Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Item1} {p.Item2:0.###}"));
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   order {order.Value:0.###}: {string.Join(", ", parts)} (each relative to the best hit)"));
        }

        if (hit.Ranker is { } ranker)
        {
            Console.WriteLine(hit.Meaning is { } meaning
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   ranker: {ranker} (meaning {meaning:0.###})")
                : $"   ranker: {ranker}");
        }
    }
}
