namespace Talent.Tests;

/// <summary>
/// How long a test waits for a condition before it gives up: CI's own limit for a hung test (10 minutes), never a guess
/// of how fast this machine is. Tests wait for conditions; this only ends a wait that would otherwise never end.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>A token cancelled after <see cref="Limit"/>.</summary>
    public static CancellationTokenSource Token() => new(Limit);
}
