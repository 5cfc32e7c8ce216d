using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Talent.Server;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary>
/// The one place where flags and <c>TALENT_*</c> variables become configuration keys. Everything
/// else reads options.
/// </summary>
internal static class CliSettings
{
    /// <summary>The data folder's database, created and migrated when missing (commands that write SQLite directly).</summary>
    public static async Task<Talent.Storage.TalentDatabase> OpenDatabaseAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var data = Options<DataOptions>(Configuration(parseResult), DataOptions.Section);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(data.DatabasePath))!); // a full path has a directory
        var database = new Talent.Storage.TalentDatabase(data.DatabasePath);
        await database.MigrateAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, cancellationToken);
        return database;
    }

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder for SQLite and indexes (default: TALENT_DATA, else the repository's data/ and indexes/)",
        Recursive = true,
    };

    public static readonly Option<string?> Transport = new("--transport")
    {
        Description = "Message transport: inmemory or rabbitmq",
        Recursive = true,
    };

    public static readonly Option<string?> RabbitMq = new("--rabbitmq")
    {
        Description = "RabbitMQ URL (default: TALENT_RABBITMQ or amqp://guest:guest@localhost:5672/)",
        Recursive = true,
    };

    static CliSettings()
    {
        Transport.AcceptOnlyFromAmong("inmemory", "rabbitmq");
    }

    /// <summary>Configuration keys set by the command line, on top of files and environment.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parseResult, LogLevel logLevel)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = logLevel.ToString(),
            ["Logging:LogLevel:Microsoft.AspNetCore"] = LogLevel.Warning.ToString(),
            ["Logging:LogLevel:MassTransit"] = LogLevel.Warning.ToString(),
            // A host that fails to start is reported by talent itself, in one line.
            ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = LogLevel.Critical.ToString(),
        };
        var data = parseResult.GetValue(Data) ?? Environment.GetEnvironmentVariable("TALENT_DATA");
        if (!string.IsNullOrWhiteSpace(data))
        {
            overrides[$"{DataOptions.Section}:Directory"] = Path.GetFullPath(data);
            overrides[$"{IndexOptions.Section}:Directory"] = Path.Combine(Path.GetFullPath(data), "indexes");
        }
        else if (Environment.GetEnvironmentVariable("Talent__Data__Directory") is null && RepositoryRoot() is { } root)
        {
            overrides[$"{DataOptions.Section}:Directory"] = Path.Combine(root, "data");
            overrides[$"{IndexOptions.Section}:Directory"] = Path.Combine(root, "indexes");
        }

        if (parseResult.GetValue(Transport) is { } transport)
        {
            overrides[$"{BusOptions.Section}:Transport"] = transport;
        }

        var rabbit = parseResult.GetValue(RabbitMq) ?? Environment.GetEnvironmentVariable("TALENT_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(rabbit))
        {
            overrides[$"{BusOptions.Section}:RabbitMqUrl"] = rabbit;
        }

        return overrides;
    }

    /// <summary>Configuration as a one-shot command sees it, without building a host.</summary>
    public static IConfiguration Configuration(ParseResult parseResult)
    {
        var configuration = new ConfigurationManager();
        TalentApplication.AddTalentConfiguration(configuration, Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production", Overrides(parseResult, LogLevel.Warning));
        return configuration;
    }

    public static T Options<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        // The same checks a host makes when it starts (ValidateDataAnnotations), for commands that build no host.
        var failures = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), failures, validateAllProperties: true))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName, typeof(T), failures.Select(f => f.ErrorMessage ?? string.Join(", ", f.MemberNames)));
        }

        return options;
    }

    /// <summary>The checkout this binary runs from, found by walking up from the working directory to <c>Talent.sln</c>.</summary>
    internal static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Talent.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
