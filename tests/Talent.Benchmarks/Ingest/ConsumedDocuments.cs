using MassTransit;
using Talent.Contracts;

namespace Talent.Benchmarks.Ingest;

/// <summary>
/// Counts the documents the worker has finished with (stored, or failed for good), as the bus reports them: knowing
/// how far ingestion is costs nothing, where counting rows in SQLite would scan a table that grows with every document.
/// </summary>
internal sealed class ConsumedDocuments : IConsumeMessageObserver<ProfileDocumentSubmitted>
{
    private int consumed;
    private int faulted;

    public int Count => Volatile.Read(ref consumed) + Volatile.Read(ref faulted);

    public int Faulted => Volatile.Read(ref faulted);

    public static ConsumedDocuments ConnectTo(IBus bus)
    {
        var counter = new ConsumedDocuments();
        bus.ConnectConsumeMessageObserver(counter);
        return counter;
    }

    /// <summary>Waits until at least <paramref name="count"/> documents are done.</summary>
    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (Count < count)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public Task PreConsume(ConsumeContext<ProfileDocumentSubmitted> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<ProfileDocumentSubmitted> context)
    {
        Interlocked.Increment(ref consumed);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<ProfileDocumentSubmitted> context, Exception exception)
    {
        Interlocked.Increment(ref faulted);
        return Task.CompletedTask;
    }
}
