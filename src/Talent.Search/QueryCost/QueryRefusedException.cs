namespace Talent.Search.QueryCost;

/// <summary>
/// A query that breaks one of the <see cref="QueryLimits"/>: the message names the part of the query and the limit.
/// Not a <c>ParseException</c>, so Lucene's parser lets it through unchanged; <see cref="CandidateIndex.Search"/> turns
/// it into a field error.
/// </summary>
internal sealed class QueryRefusedException(string message) : Exception(message)
{
    /// <summary>A part of the query quoted in a message, cut to a readable length.</summary>
    public static string Quote(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
