namespace Talent.Embeddings;

/// <summary>Turns texts into unit-length sentence vectors (cosine similarity is their dot product).</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model, so vectors of another model are never compared with these.</summary>
    string Model { get; }

    int Dimensions { get; }

    /// <summary>One unit vector per text, in order. Texts are cut to <see cref="EmbeddingText.MaxCharacters"/> first.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
