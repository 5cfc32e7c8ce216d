using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server.Configuration;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Server.Indexing;

/// <summary>
/// Where a rebuild stands: what <c>GET /api/admin/reindex</c> and the progress bar show. <see cref="VectorsOutOfDate"/>:
/// candidates whose stored sentence vectors are not those of the texts their profile gives now, put back on the
/// embedding backlog when the rebuild succeeded.
/// </summary>
public sealed record ReindexStatus(
    string State,
    int Done,
    int Total,
    double RatePerSecond,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    int VectorsOutOfDate = 0)
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static ReindexStatus None { get; } = new(Idle, 0, 0, 0, null, null, null);
}

/// <summary>
/// Rebuilds the index from SQLite into a new generation directory in constant memory (candidates are
/// streamed), catches it up with the changes made meanwhile and swaps it in while searches go on. A
/// rebuild that fails or is cancelled deletes its directory and leaves the live index as it was. With sentence vectors
/// on, it also compares each candidate's stored vector keys with the texts its profile gives now (a newer Talent may
/// read a document differently, or put more in a person's own words) and puts those that differ back on the embedding
/// backlog: only their changed texts are embedded again.
/// </summary>
public sealed class IndexRebuilder(
    CandidateStore store,
    IndexSynchronizer synchronizer,
    ProfileCatalogs catalogs,
    IOptions<IndexOptions> options,
    IOptions<SearchOptions> search,
    TimeProvider time,
    ILoggerFactory loggers,
    EmbeddingStore? embeddings = null,
    IOptions<EmbeddingOptions>? embeddingOptions = null,
    EmbeddingDrainer? drainer = null)
{
    private const int ReportEvery = 500;

    /// <summary>File in the index root with the current or last rebuild's <see cref="ReindexStatus"/>.</summary>
    public const string StatusFile = "reindex.json";
    private readonly SemaphoreSlim running = new(1, 1);
    private readonly ILogger logger = loggers.CreateLogger<IndexRebuilder>();
    private ReindexStatus status = ReindexStatus.None;

    public ReindexStatus Status => Volatile.Read(ref status);

    /// <summary>Starts a rebuild unless one is running; false when one already is.</summary>
    public bool TryStartInBackground()
    {
        if (!running.Wait(0))
        {
            return false;
        }

        // Running from the moment it is accepted, so a caller polling right away never sees the previous state.
        Volatile.Write(ref status, new ReindexStatus(ReindexStatus.Running, 0, 0, 0, time.GetUtcNow(), null, null));
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(null, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Background run: the failure is in Status and the log; nobody awaits this task.
                Log.ReindexFailed(logger, e);
            }
            finally
            {
                running.Release();
            }
        });
        return true;
    }

    /// <summary>Rebuilds now; throws <see cref="InvalidOperationException"/> if a rebuild is already running.</summary>
    public async Task<ReindexStatus> RebuildAsync(IProgress<ReindexStatus>? progress, CancellationToken cancellationToken)
    {
        if (!await running.WaitAsync(0, CancellationToken.None))
        {
            throw new InvalidOperationException("a reindex is already running");
        }

        try
        {
            return await RunAsync(progress, cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<ReindexStatus> RunAsync(IProgress<ReindexStatus>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Value.Directory);
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var done = 0;
        var total = 0;
        var progressTurn = new Lock();
        var checkVectors = embeddings is not null && embeddingOptions?.Value.Enabled == true;
        var outOfDate = new ConcurrentBag<long>();
        void Report(string state, string? error = null)
        {
            var next = new ReindexStatus(
                state, done, total, done / Math.Max(0.001, clock.Elapsed.TotalSeconds), startedAt, state == ReindexStatus.Running ? null : time.GetUtcNow(), error, outOfDate.Count);
            Volatile.Write(ref status, next);
            progress?.Report(next);
            WriteStatusFile(root, next);
        }

        CandidateIndex? rebuilt = null;
        try
        {
            var startSequence = await store.LastSequenceAsync(cancellationToken);
            total = await store.CountCandidatesAsync(cancellationToken);
            Report(ReindexStatus.Running);
            rebuilt = CandidateIndex.OpenForRebuild(IndexLocation.NewGeneration(root, startedAt), catalogs, loggers.CreateLogger("Talent.Search"), search.Value, time);
            // One reader streams rows; every core parses profiles and builds documents (IndexWriter takes them concurrently).
            var index = rebuilt;
            await OnOwnThreads(cancellationToken, checkVectors, rows =>
            {
                foreach (var row in rows)
                {
                    var profile = row.ReadProfile();
                    index.Add(row.Id, profile, row.UpdatedAt);
                    if (row.Vectors is { } stored && !CandidateTexts.AreCurrent(profile, stored))
                    {
                        outOfDate.Add(row.Id);
                    }

                    if (Interlocked.Increment(ref done) % ReportEvery == 0)
                    {
                        lock (progressTurn)
                        {
                            total = Math.Max(total, Volatile.Read(ref done));
                            Report(ReindexStatus.Running);
                        }
                    }
                }
            });

            rebuilt.Commit(startSequence);
            rebuilt.ResumeBackgroundRefresh();
            await synchronizer.ReplaceAsync(rebuilt, root, cancellationToken);
            rebuilt = null; // the live index owns it now
            if (!outOfDate.IsEmpty)
            {
                await embeddings!.EnqueueAsync(outOfDate.ToList(), cancellationToken);
                drainer?.Wake();
                Log.VectorsOutOfDate(logger, outOfDate.Count);
            }

            total = done;
            Report(ReindexStatus.Succeeded);
            Log.ReindexFinished(logger, done, clock.Elapsed.TotalSeconds, done / Math.Max(0.001, clock.Elapsed.TotalSeconds));
            return Status;
        }
        catch (Exception e)
        {
            Report(ReindexStatus.Failed, e is OperationCanceledException ? "interrupted" : e.Message);
            throw;
        }
        finally
        {
            if (rebuilt is not null)
            {
                var path = rebuilt.DirectoryPath;
                rebuilt.Dispose();
                TryDelete(path);
            }
        }
    }

    /// <summary>
    /// Streams every candidate from one reader thread to one worker thread per core, all threads of their own: a rebuild is
    /// long and CPU-bound, and on the thread pool it would leave the searches this process serves meanwhile waiting for
    /// the pool to grow.
    /// </summary>
    private async Task OnOwnThreads(CancellationToken cancellationToken, bool vectorKeys, Action<IEnumerable<StoredCandidateRow>> work)
    {
        using var rows = new BlockingCollection<StoredCandidateRow>(boundedCapacity: 4096);
        using var failed = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, failed.Token);
        var threads = new List<Task>
        {
            Start("talent-reindex-read", () =>
            {
                try
                {
                    foreach (var row in store.StreamCandidates(stop.Token, vectorKeys))
                    {
                        rows.Add(row, stop.Token);
                    }
                }
                finally
                {
                    rows.CompleteAdding();
                }
            }),
        };
        threads.AddRange(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Start("talent-reindex", () => work(rows.GetConsumingEnumerable(stop.Token)))));

        // Every thread has finished (or given up) before the collection and tokens are disposed.
        await Task.WhenAll(threads);

        Task Start(string name, Action run)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            new Thread(() =>
            {
                try
                {
                    run();
                    finished.SetResult();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    finished.SetCanceled(stop.Token);
                }
                catch (Exception e)
                {
                    // The thread's failure is the rebuild's: stop the other threads and hand it to the awaiting caller.
                    failed.Cancel();
                    finished.SetException(e);
                }
            })
            { IsBackground = true, Name = name }.Start();
            return finished.Task;
        }
    }

    /// <summary>
    /// The status of the current or last rebuild as the process running it last wrote it in <paramref name="indexRoot"/>,
    /// or null: how <c>talent admin reindex</c> follows a rebuild in a <c>talent worker</c>, which has no HTTP API.
    /// </summary>
    public static ReindexStatus? ReadStatusFile(string indexRoot)
    {
        try
        {
            return JsonSerializer.Deserialize<ReindexStatus>(File.ReadAllText(Path.Combine(indexRoot, StatusFile)), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            // Not written yet, or being replaced this very moment: no status to show this time.
            return null;
        }
    }

    /// <summary>Replaces the status file in one rename, so a reader never sees half of one.</summary>
    private void WriteStatusFile(string indexRoot, ReindexStatus current)
    {
        var path = Path.Combine(indexRoot, StatusFile);
        try
        {
            Directory.CreateDirectory(indexRoot);
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(current, JsonSerializerOptions.Web));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (IOException e)
        {
            // The file only reports progress; the rebuild goes on without it.
            Log.ReindexStatusNotWritten(logger, path, e.Message);
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException e)
        {
            // Still open somewhere (an old generation with searches in flight): the next start removes it.
            Log.IndexDirectoryNotDeleted(logger, directory, e.Message);
        }
    }
}
