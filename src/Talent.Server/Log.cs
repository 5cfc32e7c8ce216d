using Microsoft.Extensions.Logging;

namespace Talent.Server;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ready at schema version {Version}")]
    public static partial void DatabaseReady(ILogger logger, int version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Index opened at change sequence {Sequence} with {Count} candidates")]
    public static partial void IndexOpened(ILogger logger, long sequence, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Index caught up to change sequence {Sequence} ({Applied} changes applied)")]
    public static partial void IndexCaughtUp(ILogger logger, long sequence, int applied);

    /// <summary>E-mail addresses and phone numbers in source ids and reasons are masked.</summary>
    public static void DocumentRejected(ILogger logger, string sourceId, string reason) =>
        DocumentRejectedMasked(logger, PersonalData.Mask(sourceId), PersonalData.Mask(reason));

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Rejected document {SourceId}: {Reason}")]
    private static partial void DocumentRejectedMasked(ILogger logger, string sourceId, string reason);

    public static void DocumentProcessed(ILogger logger, string sourceId, long version, string outcome, long? candidateId)
    {
        // Once per document: masking is skipped when the line would not be written.
        if (logger.IsEnabled(LogLevel.Debug))
        {
            DocumentProcessedMasked(logger, PersonalData.Mask(sourceId), version, outcome, candidateId);
        }
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Document {SourceId} version {Version}: {Outcome}, candidate {CandidateId}")]
    private static partial void DocumentProcessedMasked(ILogger logger, string sourceId, long version, string outcome, long? candidateId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Index synchronisation failed; retrying")]
    public static partial void IndexSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Loading {Count} demo profiles")]
    public static partial void DemoLoading(ILogger logger, int count);

    public static void RemovalProcessed(ILogger logger, string what, string id, bool removed) =>
        RemovalProcessedMasked(logger, what, PersonalData.Mask(id), removed);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Removal of {What} {Id}: {Removed}")]
    private static partial void RemovalProcessedMasked(ILogger logger, string what, string id, bool removed);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Reindex finished: {Count} candidates in {Seconds:0.0} s ({Rate:0} per second)")]
    public static partial void ReindexFinished(ILogger logger, int count, double seconds, double rate);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information, Message = "Reindex: {Count} candidates' sentence vectors were not those of their texts now; put back on the embedding backlog")]
    public static partial void VectorsOutOfDate(ILogger logger, int count);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "The index was made with another analysis of words (a newer Talent or another config/compounds.json): rebuilding it in the background; searches use the old one until then")]
    public static partial void IndexAnalysisChangedRebuilding(ILogger logger);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "The index was made with another analysis of words (a newer Talent or another config/compounds.json): some searches miss candidates until talent admin reindex")]
    public static partial void IndexAnalysisChanged(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "Reindex failed; the live index is unchanged")]
    public static partial void ReindexFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Index directory {Directory} not deleted yet: {Reason}")]
    public static partial void IndexDirectoryNotDeleted(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Refreshing the read-only index failed; retrying")]
    public static partial void IndexRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "OPEN TO ANYONE: Talent:Access:AllowAnonymousOnAnyAddress is set, so every request without an API key is served with every role, on {Addresses}")]
    public static partial void OpenToAnyone(ILogger logger, string addresses);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Listening on {Addresses}: API keys required (X-Api-Key); create one with talent admin keys create")]
    public static partial void KeysRequired(ILogger logger, string addresses);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Reindex status file {Path} not written: {Reason}")]
    public static partial void ReindexStatusNotWritten(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Identity {Action} {DecisionId} from another node: recorded {Recorded} (false: held already)")]
    public static partial void DecisionRecorded(ILogger logger, string action, Guid decisionId, bool recorded);
}
