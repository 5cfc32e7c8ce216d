using System.Buffers;
using System.Text;

namespace Talent.Profiles.Catalogs;

/// <summary>
/// The form catalog names are compared in: lower case, letters and digits only, words separated by one
/// space. "Scikit-learn", "scikit learn" and "SCIKIT_LEARN" share a key; so do "C++" and "c++" because
/// '+' and '#' are kept (they tell C, C++ and C# apart).
/// </summary>
public static class CatalogKey
{
    /// <summary>Texts up to this length are keyed in a buffer on the stack; longer ones (abstracts) in a rented one.</summary>
    private const int StackLength = 512;

    public static string Of(string text)
    {
        // Every title, abstract and line an extraction or an index document looks up comes through here: the key is
        // written into a buffer and only the result is allocated (the text itself when it is a key already).
        var normalized = text.Normalize(NormalizationForm.FormKC);
        char[]? rented = null;
        var buffer = normalized.Length <= StackLength
            ? stackalloc char[StackLength]
            : rented = ArrayPool<char>.Shared.Rent(normalized.Length);
        try
        {
            var key = Write(normalized, buffer);
            return key.SequenceEqual(normalized) ? normalized : new string(key);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the key of <paramref name="text"/> into <paramref name="buffer"/> (at least as long as the text) and returns it.</summary>
    private static ReadOnlySpan<char> Write(string text, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '+' or '#')
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return buffer[..length];
    }
}
