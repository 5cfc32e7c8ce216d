namespace Talent.Tests.Hardening;

/// <summary>The calling thread's own CPU time, for bounds that a machine busy with other work must not break.</summary>
internal static class ThreadCpu
{
    /// <summary>
    /// CPU time of the calling thread (Linux: utime + stime in <c>/proc/thread-self/stat</c>, in clock ticks of 10 ms), so
    /// that a machine busy with other work does not count against an extraction; zero where there is no such file.
    /// </summary>
    public static TimeSpan Now()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
