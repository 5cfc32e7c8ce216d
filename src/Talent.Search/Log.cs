using Microsoft.Extensions.Logging;

namespace Talent.Search;

/// <summary>The log messages of Talent.Search, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Index opened in {Directory} ({Mode}) at sequence {Sequence} with {Count} candidates")]
    public static partial void IndexOpened(ILogger logger, string directory, string mode, long sequence, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Index committed at sequence {Sequence}")]
    public static partial void IndexCommitted(ILogger logger, long sequence);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Background refresh of the index searcher failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Search rejected: {Reason}")]
    public static partial void SearchRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Index in {Directory} appeared; read-only searcher opened")]
    public static partial void IndexAppeared(ILogger logger, string directory);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Index in {Directory} is being written its first commit; searched once it is complete ({Reason})")]
    public static partial void IndexNotReadableYet(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Query stopped after its time budget of {BudgetMilliseconds} ms, having visited {Work} documents and terms")]
    public static partial void SearchOverBudget(ILogger logger, int budgetMilliseconds, long work);
}
