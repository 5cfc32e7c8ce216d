using Talent.Search;

namespace Talent.Server.Indexing;

/// <summary>
/// The index searches use now. A rebuild swaps a new generation in atomically; searches that started
/// on the old one finish on it, and the old one is closed and deleted once the last of them is done.
/// </summary>
/// <param name="initial">The generation live at start.</param>
/// <param name="deleteRetired">Whether this process owns the generation directories (the writer does; a read-only follower does not).</param>
public sealed class LiveIndex(CandidateIndex initial, bool deleteRetired) : IDisposable
{
    private readonly Lock gate = new();
    private Generation current = new(initial);

    /// <summary>The index the synchroniser writes to. Only the synchroniser and the rebuilder may write.</summary>
    public CandidateIndex Current
    {
        get
        {
            lock (gate)
            {
                return current.Index;
            }
        }
    }

    /// <summary>Borrows the live index for one search; dispose the lease when done.</summary>
    public Lease Acquire()
    {
        lock (gate)
        {
            current.Leases++;
            return new Lease(this, current);
        }
    }

    /// <summary>Makes <paramref name="next"/> live; the previous generation is retired.</summary>
    public void Swap(CandidateIndex next)
    {
        Generation retired;
        lock (gate)
        {
            retired = current;
            next.Vectors ??= retired.Index.Vectors;
            current = new Generation(next);
            retired.Retired = true;
            if (retired.Leases > 0)
            {
                return;
            }
        }

        Close(retired, deleteRetired);
    }

    public void Dispose()
    {
        lock (gate)
        {
            current.Index.Dispose();
        }
    }

    private void Release(Generation generation)
    {
        lock (gate)
        {
            generation.Leases--;
            if (!generation.Retired || generation.Leases > 0)
            {
                return;
            }
        }

        Close(generation, deleteRetired);
    }

    private static void Close(Generation generation, bool delete)
    {
        var path = generation.Index.DirectoryPath;
        generation.Index.Dispose();
        if (!delete)
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // The retired generation is no longer named by CURRENT; the next start removes what is left.
        }
    }

    /// <summary>One search's hold on an index generation.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly LiveIndex owner;
        private readonly Generation generation;

        internal Lease(LiveIndex owner, Generation generation)
        {
            this.owner = owner;
            this.generation = generation;
        }

        public CandidateIndex Index => generation.Index;

        public void Dispose() => owner.Release(generation);
    }

    internal sealed class Generation(CandidateIndex index)
    {
        public CandidateIndex Index { get; } = index;

        public int Leases { get; set; }

        public bool Retired { get; set; }
    }
}
