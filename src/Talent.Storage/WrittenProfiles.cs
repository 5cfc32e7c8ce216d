using System.Collections.Concurrent;
using Talent.Profiles.Merging;

namespace Talent.Storage;

/// <summary>
/// The merged profiles the batch writer has just committed, each under the change sequence it was written with, so
/// that the index takes them from memory instead of reading and parsing them back from the change log. Only a
/// profile written with exactly the change being read is taken; anything else (a later write of the same candidate,
/// a restart, a full cache) is read from SQLite as before, which stays the source of truth.
/// </summary>
internal sealed class WrittenProfiles(int capacity)
{
    private readonly ConcurrentDictionary<long, Written> byCandidate = new();

    public int Count => byCandidate.Count;

    /// <summary>
    /// Profiles of a transaction about to commit (so the index, reading right after the commit, finds them); a later
    /// write of a candidate replaces an earlier one. <see cref="Remove"/> takes them back if the commit fails.
    /// </summary>
    public void Add(IReadOnlyList<Written> committed)
    {
        foreach (var written in committed)
        {
            if (byCandidate.Count >= capacity && !byCandidate.ContainsKey(written.CandidateId))
            {
                continue; // nobody is taking them (no index in this process, or it is far behind): SQLite has them
            }

            byCandidate.AddOrUpdate(written.CandidateId, written, (_, held) => held.Sequence > written.Sequence ? held : written);
        }
    }

    /// <summary>Takes back what a transaction that did not commit had added.</summary>
    public void Remove(IReadOnlyList<Written> uncommitted)
    {
        foreach (var written in uncommitted)
        {
            byCandidate.TryRemove(new KeyValuePair<long, Written>(written.CandidateId, written));
        }
    }

    /// <summary>Drops profiles of changes up to <paramref name="sequence"/>: whoever read those has them already.</summary>
    public void Forget(long sequence)
    {
        foreach (var (candidateId, written) in byCandidate)
        {
            if (written.Sequence <= sequence)
            {
                byCandidate.TryRemove(new KeyValuePair<long, Written>(candidateId, written));
            }
        }
    }

    /// <summary>The profile written with change <paramref name="sequence"/> of the candidate, removed from here; false for any other.</summary>
    public bool TryTake(long candidateId, long sequence, out Written written)
    {
        if (byCandidate.TryGetValue(candidateId, out written!) && written.Sequence == sequence)
        {
            byCandidate.TryRemove(new KeyValuePair<long, Written>(candidateId, written));
            return true;
        }

        return false;
    }

    /// <summary>A candidate's merged profile as one change wrote it.</summary>
    public sealed record Written(long CandidateId, long Sequence, CandidateProfile Profile, DateTimeOffset UpdatedAt);
}
