using System.CommandLine;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;
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
        var outFolder = new Option<string?>("--out")
        {
            Description = "Write each document's profile as JSON to this folder as <file name>.json ([] when it is not read) instead of printing it",
        };
        var command = new Command("parse", "Extract profiles from documents without storing them") { files, Output.Json, outFolder };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var limits = CliSettings.Options<IngestionOptions>(configuration, IngestionOptions.Section).Limits;
            var extractor = new ProfileExtractor(catalogs, limits);
            var json = parseResult.GetValue(Output.Json);
            var paths = parseResult.GetValue(files) ?? [];
            var folder = parseResult.GetValue(outFolder) is { } named ? CreateFolder(named) : null;
            var profiles = new List<ExtractedProfile>();
            var failed = 0;
            foreach (var path in paths)
            {
                switch (await ExtractAsync(extractor, limits, path, cancellationToken))
                {
                    case ExtractionResult.Accepted accepted:
                        profiles.Add(accepted.Profile);
                        if (folder is not null)
                        {
                            Output.WriteJson(OutPath(folder, path), accepted.Profile);
                        }
                        else if (!json)
                        {
                            PrintSummary(path, accepted.Profile);
                        }

                        break;
                    case ExtractionResult.Rejected rejected:
                        failed++;
                        Console.Error.WriteLine($"rejected {path}: {rejected.Reason}");
                        if (folder is not null)
                        {
                            Output.WriteJson(OutPath(folder, path), Array.Empty<ExtractedProfile>());
                        }

                        break;
                }
            }

            if (json && folder is null)
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

    private static async Task<ExtractionResult> ExtractAsync(ProfileExtractor extractor, DocumentLimits limits, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }

        // The one size limit, checked before the file is read and while it is: a PDF or DOCX by its bytes, text by its UTF-8 bytes.
        var (bytes, refusal) = await DocumentFiles.ReadAsync(path, limits, cancellationToken);
        return bytes is null ? new ExtractionResult.Rejected(refusal!) : extractor.Extract(DocumentText.ForExtraction(path, bytes));
    }

    private static string CreateFolder(string path)
    {
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {path}: cannot create the folder ({e.Message})");
        }
    }

    private static string OutPath(string folder, string document) => Path.Combine(folder, Path.GetFileName(document) + ".json");

    /// <summary>The catalogs, a bad one refused in one line; a command that reads no document says so (<paramref name="readsDocuments"/> false) and starts sooner.</summary>
    internal static ProfileCatalogs LoadCatalogs(CatalogOptions options, bool readsDocuments = true)
    {
        try
        {
            return ProfileCatalogs.Load(options.ResolvedDirectory, readsDocuments);
        }
        catch (CatalogException e)
        {
            throw new WorkException(e.Message);
        }
    }

    /// <summary>" 2019–2023", " 2019–", or nothing when neither date is known.</summary>
    private static string Dates(string? start, string? end) => start is null && end is null ? string.Empty : $" {start}–{end}";

    private static void PrintSummary(string path, ExtractedProfile profile)
    {
        Console.WriteLine($"{path}: {profile.Name ?? "(no name stated)"}");
        if (profile.Emails.Count > 0)
        {
            Console.WriteLine($"  e-mail:       {string.Join(", ", profile.Emails)}");
        }

        if (profile.Summary is { } summary)
        {
            Console.WriteLine($"  summary:      {summary}");
        }

        foreach (var education in profile.Education)
        {
            var what = string.Join(' ', new[] { education.Degree, education.Institution }.Where(p => !string.IsNullOrWhiteSpace(p)));
            Console.WriteLine($"  education:    {what}{Dates(education.Start, education.End)}");
        }

        foreach (var role in profile.Experience)
        {
            var who = string.Join(", ", new[] { role.Title, role.Organization }.Where(p => !string.IsNullOrWhiteSpace(p)));
            Console.WriteLine($"  experience:   {who}{Dates(role.Start, role.End)}");
        }

        Console.WriteLine($"  publications: {profile.Publications.Count}");
        foreach (var publication in profile.Publications)
        {
            Console.WriteLine($"    {publication.Title} [{publication.Venue ?? "no venue"} {publication.Year}]{(publication.FirstAuthor ? " first author" : "")}");
        }

        foreach (var project in profile.Projects)
        {
            Console.WriteLine($"  project:      {project.Name}{(project.Description is { } text ? " — " + text : "")}");
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
