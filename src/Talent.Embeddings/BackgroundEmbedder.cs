using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Talent.Embeddings;

/// <summary>
/// Runs a model of its own on one dedicated thread at the operating system's lowest priority (nice 19 on Linux), so
/// embedding behind ingestion takes only the CPU that ingestion and queries leave: on a busy machine the backlog waits,
/// on an idle one it drains at full speed. The model is this embedder's alone (queries embed with another instance and
/// never wait behind a batch here). Callers block until their texts are embedded; one batch runs at a time.
/// </summary>
public sealed partial class BackgroundEmbedder : ITextEmbedder, IDisposable
{
    /// <summary><c>PRIO_PROCESS</c>: with a thread id, <c>setpriority</c> sets that thread's nice value alone on Linux.</summary>
    private const int PriorityOfProcess = 0;

    /// <summary>The lowest priority Linux gives a thread (nice values run from -20 to 19).</summary>
    private const int LowestNice = 19;

    private readonly ITextEmbedder model;
    private readonly BlockingCollection<Work> queue = [];
    private readonly Thread thread;

    public BackgroundEmbedder(ITextEmbedder model)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        thread = new Thread(Run) { IsBackground = true, Name = "embedding backlog", Priority = ThreadPriority.Lowest };
        thread.Start();
    }

    public string Model => model.Model;

    public int Dimensions => model.Dimensions;

    /// <summary>Whether the thread got the lowest priority (false where the system refused it or has no such call).</summary>
    public bool Lowered { get; private set; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var work = new Work(texts, cancellationToken);
        queue.Add(work, cancellationToken);
        return work.Result.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join();
        queue.Dispose();
        (model as IDisposable)?.Dispose();
    }

    private void Run()
    {
        Lowered = LowerPriority();
        foreach (var work in queue.GetConsumingEnumerable())
        {
            try
            {
                work.Token.ThrowIfCancellationRequested();
                work.Result.SetResult(model.Embed(work.Texts, work.Token));
            }
            catch (Exception e)
            {
                // Handed to the caller, who sees it as if the model had run on its own thread.
                work.Result.SetException(e);
            }
        }
    }

    /// <summary>Sets this thread's nice value to the lowest priority (threads the model starts from it inherit it).</summary>
    private static bool LowerPriority() => OperatingSystem.IsLinux() && SetPriority(PriorityOfProcess, CurrentThreadId(), LowestNice) == 0;

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int CurrentThreadId();

    private sealed record Work(IReadOnlyList<string> Texts, CancellationToken Token)
    {
        public TaskCompletionSource<float[][]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
