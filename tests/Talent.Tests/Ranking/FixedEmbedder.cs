using Talent.Embeddings;

namespace Talent.Tests.Ranking;

/// <summary>The same unit vector for every text, or a model that fails; counts its calls and the texts it embedded.</summary>
internal sealed class FixedEmbedder(bool fail) : ITextEmbedder
{
    private int calls;
    private int embeddedTexts;

    public string Model => "fixed";

    public int Dimensions => 2;

    /// <summary>Runs as each chunk is embedded.</summary>
    public Action? OnEmbed { get; set; }

    public int Calls => Volatile.Read(ref calls);

    /// <summary>Texts embedded, every call together.</summary>
    public int Texts => Volatile.Read(ref embeddedTexts);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref embeddedTexts, texts.Count);
        OnEmbed?.Invoke();
        return fail ? throw new InvalidOperationException("the model failed") : [.. texts.Select(_ => new[] { 0.6f, 0.8f })];
    }
}
