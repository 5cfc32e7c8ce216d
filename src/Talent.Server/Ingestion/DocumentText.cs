using System.Text;
using System.Text.Unicode;
using Talent.Profiles;
using Talent.Profiles.Documents;

namespace Talent.Server.Ingestion;

/// <summary>
/// Turns the bytes of a file or an HTTP body into text, the one way every entry point does: a byte order mark says the
/// encoding (UTF-8, UTF-16 or UTF-32, either byte order) and is dropped; else an encoding the sender declared; else
/// UTF-16 recognised by its zero bytes (text in Latin script saved as "Unicode" without a mark has a zero in every
/// other byte); else UTF-8, or Latin-1 when the bytes are not valid UTF-8 (an older editor's Western European text).
/// </summary>
public static class DocumentText
{
    /// <summary>At most this many bytes from the start are looked at to recognise UTF-16 without a mark.</summary>
    private const int SniffBytes = 4096;

    /// <summary>
    /// A file's content as a message carries it: its format from its first bytes, else its name (<see cref="DocumentFormats"/>);
    /// text decoded, a PDF or DOCX as base64.
    /// </summary>
    public static (string ContentType, string Content) ForMessage(string name, ReadOnlySpan<byte> bytes)
    {
        var format = DocumentFormats.ForFile(name, bytes);
        return (format.ContentType, format.IsBinary ? Convert.ToBase64String(bytes) : Decode(bytes));
    }

    /// <summary>A file as the extractor takes it: text decoded, a PDF or DOCX as its bytes.</summary>
    public static DocumentInput ForExtraction(string name, byte[] bytes)
    {
        var format = DocumentFormats.ForFile(name, bytes);
        return format.IsBinary
            ? new DocumentInput(name, format.ContentType, string.Empty) { Bytes = bytes }
            : new DocumentInput(name, format.ContentType, Decode(bytes));
    }

    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? declared = null)
    {
        if (Marked(bytes) is { } marked)
        {
            return marked.Encoding.GetString(bytes[marked.Length..]);
        }

        if (declared is not null)
        {
            return StripMark(declared.GetString(bytes));
        }

        if (UnmarkedUtf16(bytes) is { } utf16)
        {
            return utf16.GetString(bytes);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>
    /// <paramref name="text"/> with every unpaired surrogate (UTF-16 that encodes no character, which a JSON body can carry
    /// as <c>\ud800</c>) replaced by U+FFFD, so no reader of the document meets text it cannot encode.
    /// </summary>
    public static string WellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = FirstUnpaired(text);
        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FirstUnpaired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Text without the byte order mark a sender left at its start (read as text, a UTF-8 mark is U+FEFF).</summary>
    public static string StripMark(string text) =>
        text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    /// <summary>The encoding a <c>charset</c> names, or null when it names none .NET knows.</summary>
    public static Encoding? Charset(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset: the bytes decide
        }
    }

    private static (Encoding Encoding, int Length)? Marked(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => null,
    };

    /// <summary>
    /// UTF-16 without a mark: most bytes on one side of each pair are zero and almost none on the other (UTF-8 and
    /// Latin-1 text has no zero bytes at all).
    /// </summary>
    private static Encoding? UnmarkedUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, SniffBytes) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return (oddZeros * 10 >= pairs * 4, evenZeros * 10 >= pairs * 4) switch
        {
            (true, false) when evenZeros * 20 < pairs => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            (false, true) when oddZeros * 20 < pairs => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            _ => null,
        };
    }
}
