using System.Globalization;
using Spectre.Console;

namespace Talent.Cli.Commands;

/// <summary>
/// Progress of long work on stderr: a bar with rate and time left on a terminal, a plain line every 10% otherwise.
/// The work reports how much is done, of how much, and its rate per second.
/// </summary>
internal static class ProgressBar
{
    public static async Task<T> RunAsync<T>(string name, string unit, Func<Action<long, long, double>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            var lastDecile = -1L;
            return await work((done, total, rate) =>
            {
                var decile = total == 0 ? 10 : done * 10 / total;
                if (decile > lastDecile)
                {
                    lastDecile = decile;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {done}/{total} {unit} ({rate:0}/s)"));
                }
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(name, maxValue: 1);
                return await work((done, total, rate) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} {done}/{total} ({rate:0}/s)");
                });
            });
    }
}
