using System.CommandLine;
using System.Globalization;
using Talent.Profiles.Evaluation;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary><c>talent eval …</c>: measurements against labelled sets kept in the repository.</summary>
internal static class EvalCommand
{
    /// <summary>Where the labelled extraction set lives, relative to the repository root.</summary>
    public const string DefaultExtractionSet = "tests/Talent.Profiles.Tests/Data/eval";

    public static Command Create()
    {
        var command = new Command("eval", "Measure Talent against labelled sets");
        command.Subcommands.Add(CreateExtraction());
        return command;
    }

    private static Command CreateExtraction()
    {
        var set = new Option<string?>("--set") { Description = $"Folder of documents with NAME.expected.json beside each (default: {DefaultExtractionSet} in the repository)" };
        var command = new Command("extraction", "Field-level precision and recall of the extractor, micro-averaged over the documents") { set, Output.Json };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(set) ?? FindDefaultSet();
            if (!Directory.Exists(directory))
            {
                throw new UsageException($"{directory}: no such folder");
            }

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var report = ExtractionEvaluation.Run(directory, catalogs);
            if (report.Documents == 0)
            {
                throw new UsageException($"{directory}: no *{ExtractionEvaluation.ExpectedSuffix} files");
            }

            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(new
                {
                    report.Documents,
                    Fields = report.Fields.Select(f => new { f.Field, f.Precision, f.Recall, f.Correct, f.Extracted, f.Expected }),
                    report.Errors,
                });
            }
            else
            {
                Console.WriteLine($"{report.Documents} documents in {directory}");
                Console.WriteLine($"{"field",-14}{"precision",10}{"recall",10}{"correct",9}{"extracted",11}{"expected",10}");
                foreach (var f in report.Fields)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Field,-14}{f.Precision,10:0.000}{f.Recall,10:0.000}{f.Correct,9}{f.Extracted,11}{f.Expected,10}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string FindDefaultSet()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultExtractionSet);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new UsageException($"no labelled set found: run inside the repository or pass --set DIR");
    }
}
