using Microsoft.Extensions.Logging;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;

namespace Talent.Search;

/// <summary>
/// The Lucene index of candidates: one document per candidate. Owns the one <c>IndexWriter</c> of its
/// directory (unless opened read-only) and a <c>SearcherManager</c> refreshed in the background.
/// The last change sequence applied is kept in the commit user data.
/// </summary>
public sealed class CandidateIndex : IDisposable
{
    /// <summary>Opens (creating if needed) the index in <paramref name="directory"/> with a writer.</summary>
    public static CandidateIndex OpenForWriting(string directory, ProfileCatalogs catalogs, ILogger logger) => throw new NotImplementedException();

    /// <summary>Opens the last commit of an existing index for searching only (no lock taken). An absent index searches as empty.</summary>
    public static CandidateIndex OpenReadOnly(string directory, ProfileCatalogs catalogs, ILogger logger) => throw new NotImplementedException();

    /// <summary>The change sequence of the last commit.</summary>
    public long LastAppliedSequence => throw new NotImplementedException();

    /// <summary>Number of candidates visible to searches.</summary>
    public int Count => throw new NotImplementedException();

    public void Upsert(long candidateId, CandidateProfile profile, DateTimeOffset updatedAt) => throw new NotImplementedException();

    public void Delete(long candidateId) => throw new NotImplementedException();

    /// <summary>Commits pending changes, recording <paramref name="appliedSequence"/>, and refreshes searchers.</summary>
    public void Commit(long appliedSequence) => throw new NotImplementedException();

    /// <summary>Makes changes since the last refresh visible to searches without committing.</summary>
    public void Refresh() => throw new NotImplementedException();

    public SearchOutcome Search(SearchRequest request) => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}
