using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;

namespace Talent.Search;

/// <summary>
/// The Lucene index of candidates: one document per candidate. Owns the one <c>IndexWriter</c> of its
/// directory (unless opened read-only) and a <c>SearcherManager</c> refreshed in the background.
/// The last change sequence applied is kept in the commit user data.
/// </summary>
public sealed partial class CandidateIndex : IDisposable
{
    /// <summary>Commit user-data key holding the last change sequence applied.</summary>
    public const string SequenceKey = "talent.sequence";

    /// <summary>Commit user-data key holding the analysis of words the documents were made with (<see cref="Recruiting.FoldingAnalyzer.Signature"/>).</summary>
    public const string AnalysisKey = "talent.analysis";

    private const string ProcessLockFile = "talent-writer.lock";

    /// <summary>Write buffer of the live index: changes arrive a batch at a time and are committed every second or so.</summary>
    private const double LiveWriteBufferMegabytes = 64;

    /// <summary>
    /// Write buffer of a generation being rebuilt: it takes every candidate at once, and each flush of a full buffer is a
    /// segment to merge later; a larger buffer means fewer, larger segments and less merging.
    /// </summary>
    private const double RebuildWriteBufferMegabytes = 128;

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The background refresh runs only while someone reads: each reopen flushes the writer's buffered documents into
    /// one more small segment to merge later, which a worker nobody searches would pay for nothing.
    /// </summary>
    private static readonly TimeSpan ReadersGoneAfter = TimeSpan.FromSeconds(5);

    private readonly string path;
    private readonly ProfileCatalogs catalogs;
    private readonly SearchOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Recruiting.FoldingAnalyzer analyzer;
    private readonly Analyzer indexAnalyzer;
    private readonly Lucene.Net.Store.Directory directory;
    private readonly IndexWriter? writer;
    private readonly Timer? refreshTimer;
    private readonly System.Threading.Lock openLock = new();
    private readonly RelatedTopics relatedTopics;
    private readonly FacetOrdinals.Cache facetCache = new();
    private volatile SearcherManager? searchers;
    private readonly FileStream? processLock;
    private long writerSequence;

    /// <summary>
    /// The highest candidate id ever written to this index. Candidate ids only grow, so a higher one cannot have a
    /// document yet and is added without the delete-by-term an update costs.
    /// </summary>
    private long highestIndexedId;

    /// <summary>The analysis the documents of a writable index were made with, as its last commit recorded it.</summary>
    private readonly string indexedAnalysis = "";
    private long lastReadTimestamp;
    private volatile bool backgroundRefresh = true;
    private bool disposed;

    private CandidateIndex(string path, ProfileCatalogs catalogs, ILogger logger, bool forWriting, SearchOptions? options, TimeProvider? clock, double writeBufferMegabytes = LiveWriteBufferMegabytes)
    {
        this.path = path;
        this.options = options ?? new SearchOptions();
        this.clock = clock ?? TimeProvider.System;
        this.catalogs = catalogs;
        this.logger = logger;
        relatedTopics = new RelatedTopics(catalogs.Topics);
        analyzer = new Recruiting.FoldingAnalyzer(catalogs.Compounds);
        indexAnalyzer = CandidateDocument.IndexAnalyzer(analyzer);
        if (forWriting)
        {
            System.IO.Directory.CreateDirectory(path);
        }

        // The memory-mapped directory FSDirectory.Open picks on Linux is slow and crashes under parallel load in this version.
        directory = new NIOFSDirectory(new DirectoryInfo(path));
        if (forWriting)
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, indexAnalyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                // Erasure purges every deleted document (see PurgeDeleted), not only segments with many deletions.
                MergePolicy = new TieredMergePolicy { ForceMergeDeletesPctAllowed = 0 },
                // Fewer, larger flushed segments, so less merging.
                RAMBufferSizeMB = writeBufferMegabytes,
            };
            try
            {
                // Lucene.Net's native lock takes only a shared flock on Linux, so another process could open a
                // second writer. An exclusive lock file of our own (FileShare.None is an exclusive flock there)
                // makes the writer one per directory across processes too.
                processLock = new FileStream(System.IO.Path.Combine(path, ProcessLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                writer = new IndexWriter(directory, config);
            }
            catch (Exception e) when (e is LockObtainFailedException or IOException)
            {
                processLock?.Dispose();
                directory.Dispose();
                throw new IndexInUseException(path, e);
            }

            writerSequence = ParseSequence(writer.CommitData);
            indexedAnalysis = writer.CommitData.TryGetValue(AnalysisKey, out var analysis) ? analysis : writer.NumDocs == 0 ? analyzer.Signature : "";
            highestIndexedId = HighestId(directory);
            searchers = new SearcherManager(writer, true, new Bm25SearcherFactory(facetCache));
            refreshTimer = new Timer(_ => RefreshInBackground(), null, RefreshInterval, RefreshInterval);
        }
        else
        {
            TryOpenReader();
        }
    }

    /// <summary>Opens (creating if needed) the index in <paramref name="directory"/> with a writer.</summary>
    public static CandidateIndex OpenForWriting(string directory, ProfileCatalogs catalogs, ILogger logger, SearchOptions? options = null, TimeProvider? clock = null)
    {
        var index = new CandidateIndex(directory, catalogs, logger, forWriting: true, options, clock);
        Log.IndexOpened(logger, directory, "writer", index.LastAppliedSequence, index.CountAsLogged);
        return index;
    }

    /// <summary>
    /// Opens a new generation for a rebuild: nobody searches it until it is committed, so it is not reopened in the
    /// background (each reopen would flush the documents added so far into one more small segment to merge).
    /// <see cref="ResumeBackgroundRefresh"/> makes it a live index.
    /// </summary>
    public static CandidateIndex OpenForRebuild(string directory, ProfileCatalogs catalogs, ILogger logger, SearchOptions? options = null, TimeProvider? clock = null)
    {
        var index = new CandidateIndex(directory, catalogs, logger, forWriting: true, options, clock, RebuildWriteBufferMegabytes) { backgroundRefresh = false };
        Log.IndexOpened(logger, directory, "rebuild", index.LastAppliedSequence, index.CountAsLogged);
        return index;
    }

    /// <summary>Searches see new changes within the refresh interval again (after a rebuild is swapped in).</summary>
    public void ResumeBackgroundRefresh() => backgroundRefresh = true;

    /// <summary>Opens the last commit of an existing index for searching only (no lock taken). An absent index searches as empty.</summary>
    public static CandidateIndex OpenReadOnly(string directory, ProfileCatalogs catalogs, ILogger logger, SearchOptions? options = null, TimeProvider? clock = null)
    {
        var index = new CandidateIndex(directory, catalogs, logger, forWriting: false, options, clock);
        Log.IndexOpened(logger, directory, "read-only", index.LastAppliedSequence, index.CountAsLogged);
        return index;
    }

    /// <summary>The index directory.</summary>
    public string DirectoryPath => path;

    /// <summary>
    /// True when the index's documents were made with another analysis of words than the one queries now get (a newer
    /// Talent, or another <c>config/compounds.json</c>): some queries miss them until the index is rebuilt. A writable
    /// index that held no documents when opened is made with the current analysis.
    /// </summary>
    public bool AnalysisChanged => writer is not null
        ? !string.Equals(indexedAnalysis, analyzer.Signature, StringComparison.Ordinal)
        : WithSearcher(
            s => s.IndexReader is DirectoryReader { NumDocs: > 0 } reader
                && !(reader.IndexCommit.UserData.TryGetValue(AnalysisKey, out var analysis) && string.Equals(analysis, analyzer.Signature, StringComparison.Ordinal)),
            false,
            isSearch: false);

    /// <summary>The change sequence of the last commit.</summary>
    public long LastAppliedSequence
    {
        get
        {
            if (writer is not null)
            {
                return Interlocked.Read(ref writerSequence);
            }

            return WithSearcher(s => s.IndexReader is DirectoryReader reader ? ParseSequence(reader.IndexCommit.UserData) : 0L, 0L);
        }
    }

    /// <summary>Number of candidates visible to searches (a read that keeps the background refresh going, as a search does).</summary>
    public int Count => WithSearcher(s => s.IndexReader.NumDocs, 0);

    /// <summary>
    /// <see cref="Count"/> for a log line: read without counting as a search. The count every open logged kept a new
    /// writer refreshing in the background for its first seconds, and each refresh flushes the documents buffered so far
    /// into one more small segment to merge.
    /// </summary>
    public int CountAsLogged => WithSearcher(s => s.IndexReader.NumDocs, 0, isSearch: false);

    /// <summary>Adds or replaces the candidate's document (visible to searches after the next refresh).</summary>
    public void Upsert(long candidateId, CandidateProfile profile, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var doc = CandidateDocument.Create(candidateId, profile, updatedAt, catalogs, options.IndexRecruiterFields);
        if (candidateId > Interlocked.Read(ref highestIndexedId))
        {
            // Never written here: nothing to replace.
            Writer.AddDocument(doc);
            RaiseHighestIndexedId(candidateId);
        }
        else
        {
            Writer.UpdateDocument(new Term(IndexFields.Id, CandidateDocument.IdTerm(candidateId)), doc);
        }
    }

    /// <summary>
    /// Adds a candidate without looking for an earlier document of theirs: for a new generation being built, where
    /// none exists. Safe to call from several threads at once.
    /// </summary>
    public void Add(long candidateId, CandidateProfile profile, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Writer.AddDocument(CandidateDocument.Create(candidateId, profile, updatedAt, catalogs, options.IndexRecruiterFields));
        RaiseHighestIndexedId(candidateId);
    }

    public void Delete(long candidateId) => Writer.DeleteDocuments(new Term(IndexFields.Id, CandidateDocument.IdTerm(candidateId)));

    /// <summary>Commits pending changes, recording <paramref name="appliedSequence"/>, and refreshes searchers.</summary>
    public void Commit(long appliedSequence)
    {
        var indexWriter = Writer;
        indexWriter.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SequenceKey] = appliedSequence.ToString(CultureInfo.InvariantCulture),
            [AnalysisKey] = indexedAnalysis,
        });
        indexWriter.Commit();
        Interlocked.Exchange(ref writerSequence, appliedSequence);
        searchers?.MaybeRefreshBlocking();
        Log.IndexCommitted(logger, appliedSequence);
    }

    /// <summary>
    /// Erasure: rewrites every segment that holds deleted documents (earlier versions of updated candidates
    /// included) so no trace of them stays in the index files, commits, and lets the replaced files go as soon
    /// as no search uses them. Returns how many deleted documents the segments held.
    /// </summary>
    public int PurgeDeleted()
    {
        var indexWriter = Writer;
        int deleted;
        using (var reader = DirectoryReader.Open(indexWriter, applyAllDeletes: true))
        {
            deleted = reader.NumDeletedDocs;
        }

        indexWriter.ForceMergeDeletes(doWait: true);
        Commit(LastAppliedSequence);
        indexWriter.DeleteUnusedFiles();
        return deleted;
    }

    /// <summary>
    /// Where <paramref name="needle"/> (case-insensitive) still occurs in the last commit: in any stored field or any
    /// indexed term of any document, deleted documents included. Erasure checks it is nowhere.
    /// </summary>
    internal List<string> FindTraces(string needle)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (!DirectoryReader.IndexExists(directory))
        {
            return [];
        }

        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                foreach (var field in segment.Document(doc).Fields)
                {
                    if ((field.GetStringValue() ?? "").Contains(needle, StringComparison.OrdinalIgnoreCase)
                        || (field.GetBinaryValue() is { } bytes && bytes.Utf8ToString().Contains(needle, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add("stored " + field.Name);
                    }
                }
            }

            foreach (var field in segment.Fields)
            {
                var terms = segment.GetTerms(field)?.GetEnumerator();
                while (terms is not null && terms.MoveNext())
                {
                    if (terms.Term.Utf8ToString().Contains(needle, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add("term " + field);
                    }
                }
            }
        }

        return [.. found];
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (refreshTimer is not null)
        {
            using var stopped = new ManualResetEvent(false);
            if (refreshTimer.Dispose(stopped))
            {
                stopped.WaitOne();
            }
        }

        searchers?.Dispose();
        writer?.Dispose();
        directory.Dispose();
        processLock?.Dispose();
        indexAnalyzer.Dispose();
        analyzer.Dispose();
    }

    private static long ParseSequence(IDictionary<string, string>? userData) =>
        userData is not null && userData.TryGetValue(SequenceKey, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0L;

    private IndexWriter Writer => writer ?? throw new InvalidOperationException("The index was opened read-only.");

    private void RaiseHighestIndexedId(long candidateId)
    {
        var seen = Interlocked.Read(ref highestIndexedId);
        while (candidateId > seen)
        {
            var found = Interlocked.CompareExchange(ref highestIndexedId, candidateId, seen);
            if (found == seen)
            {
                return;
            }

            seen = found;
        }
    }

    /// <summary>The highest candidate id of any document in the last commit, deleted ones included (0 when empty).</summary>
    private static long HighestId(Lucene.Net.Store.Directory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return 0;
        }

        using var reader = DirectoryReader.Open(directory);
        var highest = 0L;
        foreach (var leaf in reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(IndexFields.IdValue);
            for (var doc = 0; ids is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                highest = Math.Max(highest, ids.Get(doc));
            }
        }

        return highest;
    }
}
