using MassTransit;
using Talent.Contracts;

namespace Talent.Tests.Api;

/// <summary>
/// A consume observer (<c>AddConsumeObserver(_ => gate)</c>) that lets the first documents through and holds the next
/// until released, so a load (the demo's) stays part-way. Release it before the host stops: a held document keeps the
/// bus from stopping.
/// </summary>
internal sealed class DemoGate(int letThrough) : IConsumeObserver
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int seen;

    /// <summary>Released once a document is held back.</summary>
    public SemaphoreSlim Holding { get; } = new(0);

    /// <summary>A test host that loads the demo through this gate (<c>listen</c>: on a loopback port, for a browser).</summary>
    public Task<TalentTestHost> StartDemoHostAsync(bool listen = false) =>
        TalentTestHost.StartAsync(
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["Talent:Demo:Enabled"] = "true" },
            listen,
            builder => builder.Services.AddConsumeObserver(_ => this));

    /// <summary>Waits until a document is held back.</summary>
    public async Task WaitUntilHoldingAsync()
    {
        using var timeout = TestWait.Token();
        await Holding.WaitAsync(timeout.Token);
    }

    public void Release() => released.TrySetResult();

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is not ProfileDocumentSubmitted || Interlocked.Increment(ref seen) <= letThrough)
        {
            return Task.CompletedTask;
        }

        Holding.Release();
        return released.Task;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
