namespace Talent.Cli.Commands;

/// <summary>Progress on stderr for long runs: a rewritten line on a terminal, a line every 10% otherwise.</summary>
internal sealed class ProgressLine(int total, string unit)
{
    private const int MinimumToShow = 50;
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private int done;
    private int lastDecile;

    public void Advance()
    {
        done++;
        if (total < MinimumToShow)
        {
            return;
        }

        var rate = done / Math.Max(0.001, (DateTimeOffset.UtcNow - started).TotalSeconds);
        var line = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{done}/{total} {unit} ({rate:0}/s)");
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\r{line}   ");
        }
        else if (done * 10 / total > lastDecile)
        {
            lastDecile = done * 10 / total;
            Console.Error.WriteLine(line);
        }
    }

    public void Done()
    {
        if (total >= MinimumToShow && !Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }
    }
}
