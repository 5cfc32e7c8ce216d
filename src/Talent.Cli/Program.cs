using System.CommandLine;
using Talent.Cli.Commands;

namespace Talent.Cli;

/// <summary>The <c>talent</c> executable. Exit codes: 0 success, 1 failure of the work, 2 bad usage.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = TalentCommands.Create();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"talent: {error.Message}");
            }

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
}
