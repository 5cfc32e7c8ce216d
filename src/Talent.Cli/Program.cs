using System.CommandLine;
using Talent.Cli.Commands;

namespace Talent.Cli;

/// <summary>The <c>talent</c> executable. Exit codes: 0 success, 1 failure of the work, 2 bad usage.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Output.UseTerminalSafeOutput(); // documents and queries are printed: no control sequence of theirs reaches the terminal
        var root = TalentCommands.Create();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 || ParseErrors.UnknownOption(parseResult) is not null)
        {
            await Console.Error.WriteLineAsync($"talent: {ParseErrors.FirstLine(parseResult)}");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"talent: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (WorkException e)
        {
            await Console.Error.WriteLineAsync($"talent: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"talent: bad configuration: {ConfigurationKey(e)}: {e.Failures.FirstOrDefault() ?? e.Message}");
            return ExitCodes.Usage;
        }
        catch (Talent.Profiles.Catalogs.CatalogException e)
        {
            await Console.Error.WriteLineAsync($"talent: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (MassTransit.RabbitMqConnectionException e)
        {
            await Console.Error.WriteLineAsync($"talent: cannot reach the RabbitMQ broker ({e.Message}); check --rabbitmq or Talent:Bus:RabbitMqUrl and that the broker runs");
            return ExitCodes.Failure;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (UnusableDatabase.Contains(e.SqliteErrorCode))
        {
            await Console.Error.WriteLineAsync($"talent: cannot use the database {DatabasePath(parseResult)}: {e.Message.TrimEnd('.')} (is --data the data folder?)");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("talent: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // Process boundary: the full exception goes to the log stream, one line to the user.
            await Console.Error.WriteLineAsync(e.ToString());
            await Console.Error.WriteLineAsync($"talent: unexpected error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// SQLite's codes for a database file that cannot be used as it is — not a database, corrupt, unopenable, read-only,
    /// no permission, the disk full — which a user fixes (another folder, a restore, space), not a program error.
    /// </summary>
    private static readonly HashSet<int> UnusableDatabase = [3, 8, 11, 13, 14, 26];

    /// <summary>The database file the configuration names, for a message about it.</summary>
    private static string DatabasePath(ParseResult parseResult) =>
        CliSettings.Options<Talent.Server.Configuration.DataOptions>(CliSettings.Configuration(parseResult), Talent.Server.Configuration.DataOptions.Section).DatabasePath;

    /// <summary>The configuration section of the options class that failed validation (every options class names its <c>Section</c>).</summary>
    private static string ConfigurationKey(Microsoft.Extensions.Options.OptionsValidationException e) =>
        e.OptionsType.GetField("Section")?.GetValue(null) as string ?? e.OptionsName;
}
