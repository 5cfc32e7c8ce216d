using Talent.Server.Ingestion;

namespace Talent.Tests.Ingestion;

/// <summary>An erasure's pass over the error queues waits for moves under way and holds new ones back until it is done.</summary>
public sealed class ErrorQueueGateTests
{
    [Fact]
    public async Task A_pass_waits_for_moves_under_way_and_holds_new_ones_back()
    {
        var gate = new ErrorQueueGate();
        var first = await gate.MoveAsync(CancellationToken.None);
        var second = await gate.MoveAsync(CancellationToken.None); // moves share the gate

        var pass = gate.PassAsync(CancellationToken.None);
        var later = gate.MoveAsync(CancellationToken.None);
        Assert.False(pass.IsCompleted);
        first.Dispose();
        Assert.False(pass.IsCompleted);
        second.Dispose();
        var passing = await pass;
        Assert.False(later.IsCompleted);

        passing.Dispose();
        (await later).Dispose();
        (await gate.PassAsync(CancellationToken.None)).Dispose(); // nothing under way: a pass begins at once
    }
}
