using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary><c>talent show ID</c>: one merged candidate with every source.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("ID") { Description = "Candidate id (from talent search)" };
        var command = new Command("show", "One merged candidate with every source") { id, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenStoreAsync(parseResult, cancellationToken);
            var candidateId = parseResult.GetValue(id);
            var candidate = await store.GetCandidateAsync(candidateId, cancellationToken)
                ?? throw new WorkException($"no candidate with id {candidateId}");
            await CliAudit.RecordAsync(parseResult, "candidate", null, [candidateId], cancellationToken);
            var identity = await store.GetIdentityAsync(candidateId, cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(new { candidate.Id, candidate.CreatedAt, candidate.UpdatedAt, candidate.Profile, candidate.Sources, candidate.Merges, Identity = identity });
                return ExitCodes.Success;
            }

            var profile = candidate.Profile;
            Console.WriteLine($"{profile.Name ?? "(unnamed)"}  [id {candidate.Id}, updated {candidate.UpdatedAt:yyyy-MM-dd HH:mm}]");
            if (profile.Summary is { } summary)
            {
                Console.WriteLine($"summary: {summary}");
            }

            Line("e-mail", profile.Emails);
            Line("homepages", profile.Homepages);
            Line("institutions", profile.Institutions);
            Line("organizations", profile.Organizations);
            Line("skills", profile.Skills);
            WriteTopics(profile);
            Console.WriteLine($"publications ({profile.Publications.Count}):");
            foreach (var merged in profile.Publications)
            {
                var p = merged.Publication;
                var claims = merged.Claims.Select(c => c.Venue).Distinct(StringComparer.Ordinal).Count() > 1
                    ? "  (sources say: " + string.Join("; ", merged.Claims.Select(c => $"{c.Venue ?? "no venue"} {c.Year} in {c.SourceId}")) + ")"
                    : "";
                Console.WriteLine($"  · {p.Title} [{p.Venue ?? "no venue"} {p.Year}]{(p.FirstAuthor ? " first author" : "")}{claims}");
            }

            WriteProjects(profile.Projects);
            Console.WriteLine($"sources ({candidate.Sources.Count}):");
            foreach (var source in candidate.Sources)
            {
                var reasons = candidate.Merges.Where(m => m.SourceId == source.SourceId).Select(m => m.Reason);
                var partial = source.Profile.Partial is { } why ? $" — stored as partial: {why}" : "";
                Console.WriteLine($"  · {source.SourceId} (version {source.Version}, {source.ContentType}) — {string.Join("; ", reasons)}{partial}");
            }

            WriteIdentity(identity);

            return ExitCodes.Success;
        });
        return command;
    }

    internal static async Task<CandidateStore> OpenStoreAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        new(await OpenExistingDatabaseAsync(parseResult, cancellationToken), TimeProvider.System);

    /// <summary>The data folder's database, migrated; a folder where nothing was ingested is one line, not a new database.</summary>
    internal static async Task<TalentDatabase> OpenExistingDatabaseAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var data = CliSettings.Options<DataOptions>(CliSettings.Configuration(parseResult), DataOptions.Section);
        if (!File.Exists(data.DatabasePath))
        {
            throw new WorkException($"no database at {data.DatabasePath}; ingest documents first (talent ingest PATH)");
        }

        var database = new TalentDatabase(data.DatabasePath);
        await database.MigrateAsync(NullLogger.Instance, cancellationToken);
        return database;
    }

    /// <summary>Every link among the candidate's sources with its reason, and who decided it when a person did.</summary>
    private static void WriteIdentity(CandidateIdentity? identity)
    {
        if (identity is null)
        {
            return;
        }

        // Links among the candidate's sources, then people's decisions about one of them and another candidate's source.
        foreach (var (heading, links) in new[] { ("links", identity.Links.Where(l => l.Inside).ToList()), ("decisions with other candidates' sources", identity.Links.Where(l => !l.Inside && l.DecidedBy is not null).ToList()) })
        {
            if (heading == "links" || links.Count > 0)
            {
                Console.WriteLine($"{heading} ({links.Count}):");
            }

            foreach (var link in links)
            {
                var who = link.DecidedBy is { } person ? $"decided by {person} at {link.DecidedAt:yyyy-MM-dd HH:mm}" : $"rule, {link.Strength}";
                Console.WriteLine($"  · {link.SourceA} ↔ {link.SourceB}: {link.Reason} ({who}){(link.Superseded ? " — replaced by a later decision" : "")}");
            }
        }

        foreach (var flagged in identity.Flagged)
        {
            Console.WriteLine($"  ! {flagged.SourceId}: {flagged.Reason}");
        }
    }

    /// <summary>Each topic on a line of its own with what states it, or the names on one line for a profile stored without evidence.</summary>
    private static void WriteTopics(CandidateProfile profile)
    {
        if (profile.TopicEvidence.Count == 0)
        {
            Line("topics", profile.Topics);
            return;
        }

        Console.WriteLine($"topics ({profile.Topics.Count}):");
        var evidence = profile.TopicEvidence.ToLookup(e => e.Value.Topic, StringComparer.Ordinal);
        foreach (var topic in profile.Topics)
        {
            var from = evidence[topic].GroupBy(e => e.Value.Kind).Select(kind => kind.First().Value.Describe()).ToList(); // the first statement of each kind
            Console.WriteLine(from.Count == 0 ? $"  · {topic}" : $"  · {topic} — from {string.Join("; ", from)}");
        }
    }

    /// <summary>"projects (2):" and a line per project: its name, its link, and what it is.</summary>
    private static void WriteProjects(IReadOnlyList<Sourced<ProjectEntry>> projects)
    {
        if (projects.Count == 0)
        {
            return;
        }

        Console.WriteLine($"projects ({projects.Count}):");
        foreach (var project in projects.Select(p => p.Value))
        {
            var link = project.Url is { } url ? $" <{url}>" : "";
            var description = project.Description is { } text ? $" — {text}" : "";
            Console.WriteLine($"  · {project.Name}{link}{description}");
        }
    }

    private static void Line(string label, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            Console.WriteLine($"{label}: {string.Join(", ", values)}");
        }
    }
}
