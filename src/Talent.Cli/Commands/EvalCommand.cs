using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Talent.Server.Configuration;
using Talent.Server.Evaluation;

namespace Talent.Cli.Commands;

/// <summary><c>talent eval goldstandard</c>: ranking quality on the reviewer-expertise benchmark, Talent beside two baselines.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Folder of the reviewer-expertise gold standard (default: ../shared/data/reviewer-expertise-goldstandard beside the checkout)" };
        var evaluations = new Option<string?>("--evaluations") { Description = "Ratings file (default: the dataset's evaluations.tsv, the development half)" };
        var scoresOut = new Option<string?>("--scores-out") { Description = "Write Talent's scores for profile version 1 as JSON {participant_id: {paper_id: score}}" };
        var versions = new Option<int[]>("--version") { Description = "Profile versions to run (repeatable; default all ten)" };
        var goldstandard = new Command("goldstandard", "Loss on the reviewer-expertise gold standard (lower is better; constant scorer 0.5)") { dataset, evaluations, scoresOut, versions };
        goldstandard.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(dataset) ?? DefaultDataset()
                ?? throw new UsageException("No dataset folder: pass --dataset DIR (the Talent.sln checkout has no ../shared/data/reviewer-expertise-goldstandard beside it).");
            if (!GoldStandardDataset.IsPresent(directory))
            {
                throw new UsageException($"{directory}: not a reviewer-expertise gold standard folder (papers.jsonl and profiles_d20.jsonl expected).");
            }

            var ratingsFile = parseResult.GetValue(evaluations);
            if (ratingsFile is not null && !File.Exists(ratingsFile))
            {
                throw new UsageException($"{ratingsFile}: no such file");
            }

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var data = GoldStandardDataset.Load(directory, ratingsFile);
            var chosen = parseResult.GetValue(versions) is { Length: > 0 } some ? some : null;
            var report = new GoldStandardEvaluation(data, catalogs).Run(chosen, progress: new Progress<string>(m => Console.Error.WriteLine(m)));
            Print(report);
            if (parseResult.GetValue(scoresOut) is { } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(report.TalentScoresVersion1, new JsonSerializerOptions { WriteIndented = true }));
            }

            return ExitCodes.Success;
        });
        var eval = new Command("eval", "Ranking quality on published benchmarks") { goldstandard };
        return eval;
    }

    private static string? DefaultDataset() =>
        CliSettings.RepositoryRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "reviewer-expertise-goldstandard"))
            : null;

    private static void Print(GoldStandardReport report)
    {
        var versions = report.Systems.SelectMany(s => s.ByVersion.Keys).Distinct().Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reviewer-expertise gold standard: {report.Researchers} researchers, {report.RatedPapers} rated papers; loss, lower is better (constant scorer 0.500)"));
        Console.WriteLine();
        var header = $"{"system",-52} {"mean",7} " + string.Join(' ', versions.Select(v => $"{"v" + v.ToString(CultureInfo.InvariantCulture),6}"));
        Console.WriteLine(header);
        foreach (var system in report.Systems.Concat(report.References))
        {
            var cells = versions.Select(v => system.ByVersion.TryGetValue(v, out var loss) ? loss.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6) : "".PadLeft(6));
            var name = report.References.Contains(system) ? "reference " + system.System : system.System;
            Console.WriteLine($"{name,-52} {system.Mean.ToString("0.0000", CultureInfo.InvariantCulture),7} {string.Join(' ', cells)}");
        }
    }
}
