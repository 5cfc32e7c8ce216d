using Microsoft.Extensions.Logging;

namespace Talent.Server;

/// <summary>The inbox's lifecycle events (event ids 2101 and up).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Submitted {Count} documents again from the inbox (accepted before the last stop, not stored yet)")]
    public static partial void InboxReplayed(ILogger logger, int count);
}
