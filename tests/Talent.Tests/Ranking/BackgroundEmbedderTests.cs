using Talent.Embeddings;

namespace Talent.Tests.Ranking;

/// <summary>
/// The backlog's model runs on a thread of its own at the lowest priority, so embedding behind ingestion takes only the
/// CPU the rest leaves; what it returns or throws reaches the caller as if the model had run on the caller's thread.
/// </summary>
public sealed class BackgroundEmbedderTests
{
    [Fact]
    public void Texts_are_embedded_on_a_thread_of_lowest_priority_and_the_vectors_reach_the_caller()
    {
        var model = new RecordingEmbedder();
        using (var embedder = new BackgroundEmbedder(model))
        {
            var vectors = embedder.Embed(["one", "two"]);

            Assert.Equal([[3f, 0f], [3f, 0f]], vectors);
            Assert.Equal("embedding backlog", model.ThreadName);
            Assert.NotEqual(Environment.CurrentManagedThreadId, model.ThreadId);
            if (OperatingSystem.IsLinux())
            {
                Assert.True(embedder.Lowered);
                Assert.Equal(19, model.Nice);
            }
        }

        Assert.True(model.Disposed);
    }

    [Fact]
    public async Task The_models_failure_and_a_cancellation_reach_the_caller()
    {
        using var embedder = new BackgroundEmbedder(new RecordingEmbedder { Fail = true });
        var failure = Assert.Throws<InvalidOperationException>(() => embedder.Embed(["x"]));
        Assert.Equal("the model failed", failure.Message);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.ThrowsAny<OperationCanceledException>(() => embedder.Embed(["x"], cancelled.Token));
    }

    /// <summary>Records where it ran: the thread, its name and, on Linux, its nice value (/proc/thread-self/stat).</summary>
    private sealed class RecordingEmbedder : ITextEmbedder, IDisposable
    {
        public bool Fail { get; init; }

        public string? ThreadName { get; private set; }

        public int ThreadId { get; private set; }

        public int? Nice { get; private set; }

        public bool Disposed { get; private set; }

        public string Model => "recording";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            ThreadName = Thread.CurrentThread.Name;
            ThreadId = Environment.CurrentManagedThreadId;
            if (OperatingSystem.IsLinux())
            {
                // The fields after the command name's closing parenthesis: state is field 3, nice field 19.
                var stat = File.ReadAllText("/proc/thread-self/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                Nice = int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
            }

            return Fail ? throw new InvalidOperationException("the model failed") : [.. texts.Select(_ => new[] { 3f, 0f })];
        }

        public void Dispose() => Disposed = true;
    }
}
