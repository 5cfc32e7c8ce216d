namespace Talent.Server.Ingestion;

/// <summary>
/// Orders moves into the error queues against an erasure's pass over them: any number of moves at once (shared), or one
/// pass (exclusive) that waits for the moves already under way and holds new ones back until it is done. A move that
/// finished before a pass began is in the queue the pass reads; a move after it checks whether an erasure ran meanwhile.
/// </summary>
internal sealed class ErrorQueueGate
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock sync = new();
    private int moving;
    private TaskCompletionSource? idle;

    /// <summary>Enters for one move; dispose to leave.</summary>
    public async Task<IDisposable> MoveAsync(CancellationToken cancellationToken)
    {
        // A pass holds the turn for its whole length; a move takes it only for a moment.
        await turn.WaitAsync(cancellationToken);
        lock (sync)
        {
            moving++;
        }

        turn.Release();
        return new Leave(LeaveMove);
    }

    /// <summary>Enters for one pass once the moves under way are done; dispose to leave.</summary>
    public async Task<IDisposable> PassAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            Task done;
            lock (sync)
            {
                done = moving == 0 ? Task.CompletedTask : (idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await done.WaitAsync(cancellationToken);
            return new Leave(() => turn.Release());
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    private void LeaveMove()
    {
        TaskCompletionSource? done = null;
        lock (sync)
        {
            if (--moving == 0)
            {
                (done, idle) = (idle, null);
            }
        }

        done?.TrySetResult();
    }

    private sealed class Leave(Action leave) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                leave();
            }
        }
    }
}
