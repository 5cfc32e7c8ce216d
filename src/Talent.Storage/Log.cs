using Microsoft.Extensions.Logging;

namespace Talent.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    public static partial void MigrationApplied(ILogger logger, int version);
}
