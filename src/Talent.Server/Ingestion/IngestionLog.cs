using Microsoft.Extensions.Logging;

namespace Talent.Server;

/// <summary>Ingestion's transient failures (event ids 2111 and up).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Document {SourceId} not extracted in time, retried later (not a rejection): {Reason}")]
    public static partial void ExtractionTimedOut(ILogger logger, string sourceId, string reason);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Warning, Message = "Inbox entry {InboxId} ({SourceId}) failed at {Attempts} starts; recorded as rejected instead of being submitted again")]
    public static partial void InboxGaveUp(ILogger logger, long inboxId, string sourceId, int attempts);
}
