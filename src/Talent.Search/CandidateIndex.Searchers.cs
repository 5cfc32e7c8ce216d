using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Search.Ranking;

namespace Talent.Search;

/// <summary>
/// The searchers over the index: opened when an index appears, refreshed in the background while someone searches,
/// and acquired for one read at a time.
/// </summary>
public sealed partial class CandidateIndex
{
    /// <summary>Makes changes since the last refresh visible to searches without committing (read-only: opens newer commits).</summary>
    public void Refresh()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (searchers is null)
        {
            if (TryOpenReader())
            {
                Log.IndexAppeared(logger, path);
            }

            return;
        }

        searchers.MaybeRefreshBlocking();
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read, T whenEmpty, bool isSearch = true)
    {
        var manager = searchers;
        if (manager is null)
        {
            return whenEmpty;
        }

        var searcher = isSearch ? AcquireFrom(manager) : manager.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    private bool TryOpenReader()
    {
        lock (openLock)
        {
            if (searchers is not null)
            {
                return false;
            }

            if (!System.IO.Directory.Exists(path) || !DirectoryReader.IndexExists(directory))
            {
                return false;
            }

            try
            {
                searchers = new SearcherManager(directory, new Bm25SearcherFactory(facetCache));
                return true;
            }
            catch (IOException e) when (SegmentInfos.GetLastCommitGeneration(directory) <= 1)
            {
                // The writer is still writing its first commit (segments_1 exists but is not complete): the index appears
                // on a later refresh, as if it were not there yet.
                Log.IndexNotReadableYet(logger, path, e.Message);
                return false;
            }
        }
    }

    private IndexSearcher AcquireFrom(SearcherManager manager)
    {
        Volatile.Write(ref lastReadTimestamp, clock.GetTimestamp());
        return manager.Acquire();
    }

    /// <summary>The background refresh's tick: searchers see new changes when someone searched within <see cref="ReadersGoneAfter"/>.</summary>
    internal void RefreshInBackground()
    {
        if (!backgroundRefresh || clock.GetElapsedTime(Volatile.Read(ref lastReadTimestamp)) > ReadersGoneAfter)
        {
            return;
        }

        try
        {
            searchers?.MaybeRefresh();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a tick was due; nothing left to refresh.
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Log.RefreshFailed(logger, e);
        }
    }

    private sealed class Bm25SearcherFactory(FacetOrdinals.Cache facetCache) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Read new segments' facet ordinals now, on the refresh thread, rather than in the first search.
            foreach (var leaf in reader.Leaves)
            {
                FacetOrdinals.For(leaf.AtomicReader, facetCache);
            }

            return new IndexSearcher(reader) { Similarity = new ListFieldSimilarity() };
        }
    }
}
