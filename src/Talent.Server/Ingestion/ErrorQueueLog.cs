using Microsoft.Extensions.Logging;

namespace Talent.Server.Ingestion;

internal static partial class ErrorQueueLog
{
    [LoggerMessage(EventId = 2121, Level = LogLevel.Information, Message = "Erasure read {Examined} messages in the broker's error queues and removed {Removed}")]
    public static partial void Erased(ILogger logger, int examined, int removed);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Error, Message = "Erasure could not finish in the broker's error queues; the erasure report says so")]
    public static partial void Failed(ILogger logger, Exception exception);
}
