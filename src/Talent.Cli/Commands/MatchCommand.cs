using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Search.Matching;
using Talent.Search.QueryCost;
using Talent.Server.Access;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary><c>talent match</c> and <c>talent similar</c>: the same entry points as <c>POST /api/match</c> and <c>GET /api/candidates/{id}/similar</c>.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var text = new Option<string>("--text") { Description = "File holding the job or paper description", Required = true };
        var candidate = new Option<long?>("--candidate") { Description = "Score only this candidate" };
        var top = new Option<int>("--top") { Description = "Number of candidates to show (up to 1000)", DefaultValueFactory = _ => 10 };
        var command = new Command("match", "Candidates ranked by fit (0..1) to a job or paper description") { text, candidate, top, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(text) ?? "";
            if (!File.Exists(path))
            {
                throw new UsageException($"{path}: no such file");
            }

            var count = CheckTop(parseResult.GetValue(top));
            var (request, errors) = MatchRequest.Create(File.ReadAllText(path), parseResult.GetValue(candidate), count, MatchRequest.MaxCommandLineTop);
            if (request is null)
            {
                throw new UsageException(errors.Select(e => e.Value.FirstOrDefault() ?? e.Key).First());
            }

            using var index = OpenIndex(parseResult);
            IndexFreshness.WarnIfAnalysisChanged(index);
            using var model = await CliVectors.AttachAsync(parseResult, index, cancellationToken);
            var response = WithinBudget(() => index.Match(request));
            if (request.CandidateId is { } id && response.Results.Count == 0)
            {
                throw new WorkException($"No candidate with id {id} in the index.");
            }

            var described = request.Text.Length > AuditTrail.MaxDetailLength ? request.Text[..AuditTrail.MaxDetailLength] : request.Text;
            await CliAudit.RecordAsync(parseResult, "match", described, response.Results.Select(r => r.Id), cancellationToken);
            Write(parseResult, response);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateSimilar()
    {
        var id = new Argument<long>("ID") { Description = "Candidate id" };
        var top = new Option<int>("--top") { Description = "Number of candidates to show (up to 1000)", DefaultValueFactory = _ => 10 };
        var command = new Command("similar", "Candidates whose work is most like this candidate's") { id, top, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = CheckTop(parseResult.GetValue(top));

            using var index = OpenIndex(parseResult);
            IndexFreshness.WarnIfAnalysisChanged(index);
            using var model = await CliVectors.AttachAsync(parseResult, index, cancellationToken);
            var response = WithinBudget(() => index.Similar(parseResult.GetValue(id), count))
                ?? throw new WorkException($"No candidate with id {parseResult.GetValue(id)} in the index.");
            var candidateId = parseResult.GetValue(id);
            await CliAudit.RecordAsync(
                parseResult, "similar", candidateId.ToString(CultureInfo.InvariantCulture), response.Results.Select(r => r.Id).Prepend(candidateId), cancellationToken);
            Write(parseResult, response);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int CheckTop(int count) => count is >= 1 and <= MatchRequest.MaxCommandLineTop
        ? count
        : throw new UsageException($"--top must be between 1 and {MatchRequest.MaxCommandLineTop}, not {count}.");

    /// <summary>A match stopped at its time budget is one line on stderr and exit 1, like any failed work.</summary>
    private static T WithinBudget<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (QueryOverBudgetException e)
        {
            throw new WorkException(e.Message);
        }
    }

    private static CandidateIndex OpenIndex(ParseResult parseResult)
    {
        var configuration = CliSettings.Configuration(parseResult);
        var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section), readsDocuments: false);
        return CandidateIndex.OpenReadOnly(
            IndexLocation.Current(Path.GetFullPath(CliSettings.Options<IndexOptions>(configuration, IndexOptions.Section).Directory)),
            catalogs,
            NullLogger.Instance,
            CliSettings.Options<SearchOptions>(configuration, SearchOptions.Section));
    }

    private static void Write(ParseResult parseResult, MatchResponse response)
    {
        if (parseResult.GetValue(Output.Json))
        {
            Output.WriteJson(response);
            return;
        }

        foreach (var line in Lines(response))
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>
    /// The text form of a match: per candidate its fit and the order value candidates are sorted by, the description's required skills it has and those it lacks on
    /// lines of their own (the skills a candidate has through another named, "SQL (through PostgreSQL)"), the topics it
    /// shares, and its closest papers.
    /// </summary>
    internal static IEnumerable<string> Lines(MatchResponse response)
    {
        yield return $"{response.Results.Count} candidate{(response.Results.Count == 1 ? "" : "s")} ({response.TookMs.ToString("0.#", CultureInfo.InvariantCulture)} ms)";
        var rank = 0;
        foreach (var hit in response.Results)
        {
            rank++;
            yield return "";
            var order = hit.Signals?.Order is { } value ? string.Create(CultureInfo.InvariantCulture, $", order {value:0.000}") : "";
            yield return string.Create(CultureInfo.InvariantCulture, $"{rank}. {hit.Name ?? "(unnamed)"}  [id {hit.Id}, fit {hit.Fit:0.000}{order}]");
            var present = hit.Signals?.SkillsPresent ?? hit.Matches.Skills;
            var missing = hit.Signals?.SkillsMissing ?? [];
            if (present.Count + missing.Count > 0)
            {
                yield return $"   skills present: {(present.Count > 0 ? string.Join(", ", present) : "none")}";
                yield return $"   skills missing: {(missing.Count > 0 ? string.Join(", ", missing) : "none")}";
            }

            if (hit.Signals is { PreferredPresent: { } wishedPresent, PreferredMissing: { } wishedMissing })
            {
                yield return $"   nice to have present: {(wishedPresent.Count > 0 ? string.Join(", ", wishedPresent) : "none")}";
                yield return $"   nice to have missing: {(wishedMissing.Count > 0 ? string.Join(", ", wishedMissing) : "none")}";
            }

            if (hit.Matches.Topics.Count > 0)
            {
                yield return $"   topics: {string.Join(", ", hit.Matches.Topics)}";
            }

            foreach (var paper in hit.Evidence)
            {
                var where = string.Join(' ', new[] { paper.Venue, paper.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null));
                yield return string.Create(CultureInfo.InvariantCulture, $"   · {paper.Title}{(where.Length > 0 ? $" ({where})" : "")} — similarity {paper.Similarity:0.000}");
            }
        }
    }
}
