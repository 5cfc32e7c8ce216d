namespace Talent.Cli.Commands;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>A user mistake (bad argument, missing file): one line on stderr, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The work could not be done for a reason the user can act on: one line on stderr, exit 1.</summary>
internal sealed class WorkException(string message) : Exception(message);
