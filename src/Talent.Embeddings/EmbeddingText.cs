using System.Security.Cryptography;
using System.Text;

namespace Talent.Embeddings;

/// <summary>The texts Talent embeds, and the key a vector is stored under (the hash of the exact text embedded).</summary>
public static class EmbeddingText
{
    /// <summary>
    /// The model was trained on up to 256 word pieces; about 1,000 characters of English fill them. Longer text
    /// only costs time (attention grows with the square of the length) for words the model would cut anyway.
    /// </summary>
    public const int MaxCharacters = 1000;

    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxCharacters ? text : text[..MaxCharacters];
    }

    /// <summary>A publication: title, then abstract.</summary>
    public static string Publication(string title, string? abstractText) =>
        Cut(string.IsNullOrWhiteSpace(abstractText) ? title.Trim() : title.Trim() + "\n" + abstractText.Trim());

    /// <summary>The key of a text's vector: 32 hex digits of its SHA-256, so an unchanged text is never embedded twice.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Cut(text))))[..32];
    }
}
