using System.Text.RegularExpressions;
using Talent.Profiles;
using Talent.Profiles.Extraction;

namespace Talent.Server.Ingestion;

/// <summary>
/// Extraction of a document ran out of time. The extractor's patterns have wall-clock time-outs, so on a host
/// starved of CPU a good document can trip one: that is a transient failure, retried with backoff, never a
/// rejection (which is remembered by content hash, so the same content would never be tried again).
/// </summary>
public sealed class ExtractionTimedOutException : Exception
{
    public ExtractionTimedOutException()
    {
    }

    public ExtractionTimedOutException(string message)
        : base(message)
    {
    }

    public ExtractionTimedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExtractionTimedOutException(string sourceId, string reason, Exception? innerException)
        : base($"extraction of {sourceId} ran out of time ({reason}); it is tried again", innerException)
    {
        SourceId = sourceId;
    }

    public string? SourceId { get; }

    /// <summary>
    /// Extracts <paramref name="input"/>, turning a time-out (a pattern's <see cref="RegexMatchTimeoutException"/>,
    /// thrown or reported as a "bounded time" rejection) into this exception.
    /// </summary>
    public static ExtractionResult ExtractOrThrow(ProfileExtractor extractor, DocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(input);
        ExtractionResult result;
        try
        {
            result = extractor.Extract(input);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new ExtractionTimedOutException(input.SourceId, "a pattern timed out", e);
        }

        return result is ExtractionResult.Rejected rejected && IsTimeOut(rejected.Reason)
            ? throw new ExtractionTimedOutException(input.SourceId, rejected.Reason, null)
            : result;
    }

    /// <summary>Whether a rejection reason says the document ran out of time rather than what is wrong with it.</summary>
    public static bool IsTimeOut(string reason) =>
        reason.Contains("bounded time", StringComparison.OrdinalIgnoreCase) || reason.Contains("timed out", StringComparison.OrdinalIgnoreCase);
}
