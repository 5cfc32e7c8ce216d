using Talent.Embeddings;

namespace Talent.Tests.Ranking;

/// <summary>The shipped model stopped mid-run reports the cancellation as one, not as an ONNX Runtime failure.</summary>
public sealed class EmbedderCancellationTests
{
    [Fact]
    public async Task A_run_cancelled_while_the_model_works_throws_operation_cancelled()
    {
        using var embedder = new MiniLmEmbedder(1);
        Assert.Single(embedder.Embed(["loads the model first"]));
        var texts = Enumerable.Range(0, 512).Select(i => $"Paper {i}: " + string.Concat(Enumerable.Repeat("learning sentence representations for retrieval ", 20))).ToList();
        using var cancel = new CancellationTokenSource();

        // 512 long texts take the model seconds; cancelled before the run begins, it is an OperationCanceledException too.
        var run = Task.Run(() => embedder.Embed(texts, cancel.Token));
        await Task.Delay(50);
        cancel.Cancel();
        var thrown = await Record.ExceptionAsync(() => run);
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }
}
