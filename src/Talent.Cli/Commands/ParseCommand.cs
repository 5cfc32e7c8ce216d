using System.CommandLine;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Server.Configuration;
using Talent.Server.Ingestion;

namespace Talent.Cli.Commands;

/// <summary><c>talent parse FILE…</c>: extraction without storing anything.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents to extract profiles from", Arity = ArgumentArity.OneOrMore };
        var command = new Command("parse", "Extract profiles from documents without storing them") { files, Output.Json };
        command.SetAction(parseResult =>
        {
            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var limits = CliSettings.Options<IngestionOptions>(configuration, IngestionOptions.Section).Limits;
            var extractor = new ProfileExtractor(catalogs, limits);
            var json = parseResult.GetValue(Output.Json);
            var paths = parseResult.GetValue(files) ?? [];
            var profiles = new List<ExtractedProfile>();
            var failed = 0;
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    throw new UsageException($"{path}: no such file");
                }

                // The one size limit, checked before the file is read: a PDF or DOCX by its bytes, text by its UTF-8 bytes.
                var size = new FileInfo(path).Length;
                var result = limits.SizeProblem(size) is { } tooLarge
                    ? new ExtractionResult.Rejected(tooLarge)
                    : extractor.Extract(DocumentText.ForExtraction(path, File.ReadAllBytes(path)));
                switch (result)
                {
                    case ExtractionResult.Accepted accepted:
                        profiles.Add(accepted.Profile);
                        if (!json)
                        {
                            PrintSummary(path, accepted.Profile);
                        }

                        break;
                    case ExtractionResult.Rejected rejected:
                        failed++;
                        Console.Error.WriteLine($"rejected {path}: {rejected.Reason}");
                        break;
                }
            }

            if (json)
            {
                if (paths.Length == 1 && profiles.Count == 1)
                {
                    Output.WriteJson(profiles[0]);
                }
                else
                {
                    Output.WriteJson(profiles);
                }
            }

            return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    internal static ProfileCatalogs LoadCatalogs(CatalogOptions options)
    {
        try
        {
            return ProfileCatalogs.Load(options.ResolvedDirectory);
        }
        catch (CatalogException e)
        {
            throw new WorkException(e.Message);
        }
    }

    private static void PrintSummary(string path, ExtractedProfile profile)
    {
        Console.WriteLine($"{path}: {profile.Name ?? "(no name stated)"}");
        if (profile.Emails.Count > 0)
        {
            Console.WriteLine($"  e-mail:       {string.Join(", ", profile.Emails)}");
        }

        foreach (var education in profile.Education)
        {
            Console.WriteLine($"  education:    {education.Degree} {education.Institution} {education.Start}–{education.End}".Replace("  ", " ", StringComparison.Ordinal));
        }

        foreach (var role in profile.Experience)
        {
            Console.WriteLine($"  experience:   {role.Title}, {role.Organization} {role.Start}–{role.End}");
        }

        Console.WriteLine($"  publications: {profile.Publications.Count}");
        foreach (var publication in profile.Publications)
        {
            Console.WriteLine($"    {publication.Title} [{publication.Venue ?? "no venue"} {publication.Year}]{(publication.FirstAuthor ? " first author" : "")}");
        }

        if (profile.Skills.Count > 0)
        {
            Console.WriteLine($"  skills:       {string.Join(", ", profile.Skills)}");
        }

        if (profile.Topics.Count > 0)
        {
            Console.WriteLine($"  topics:       {string.Join(", ", profile.Topics)}");
        }
    }
}
