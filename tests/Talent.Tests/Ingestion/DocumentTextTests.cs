using System.Text;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Tests.Ingestion;

/// <summary>Bytes of a file or HTTP body become text by byte order mark, declared charset, UTF-16 without a mark, then UTF-8.</summary>
public sealed class DocumentTextTests
{
    private const string Text = "# Zoë Okonkwo-Brandt\nzoe@example.org";

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text) },
        { "UTF-8 with a mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)] },
        { "UTF-16 little-endian with a mark", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)] },
        { "UTF-16 big-endian with a mark", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)] },
        { "UTF-16 little-endian without a mark", Encoding.Unicode.GetBytes(Text) },
        { "UTF-16 big-endian without a mark", Encoding.BigEndianUnicode.GetBytes(Text) },
        { "UTF-32 little-endian with a mark", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(Text)] },
        { "Latin-1 (not valid UTF-8)", Encoding.Latin1.GetBytes(Text) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_encoding_a_cv_is_saved_in_reads_as_the_same_text(string encoding, byte[] bytes)
    {
        Assert.True(DocumentText.Decode(bytes) == Text, encoding);
    }

    [Fact]
    public void A_declared_charset_is_used_when_there_is_no_mark_and_a_mark_wins_over_it()
    {
        Assert.Equal(Text, DocumentText.Decode(Encoding.Latin1.GetBytes(Text), DocumentText.Charset("iso-8859-1")));
        Assert.Equal(Text, DocumentText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], DocumentText.Charset("utf-16")));
        Assert.Null(DocumentText.Charset("no-such-charset"));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("ab", "ab")]
    [InlineData("12345678", "12345678")] // digits only: no zero bytes, plain UTF-8
    public void Short_and_plain_inputs_are_utf8(string input, string expected)
    {
        Assert.Equal(expected, DocumentText.Decode(Encoding.UTF8.GetBytes(input)));
    }

    [Theory]
    [InlineData("https://example.org/~zoe/cv.html", "https://example.org/~zoe/cv.html")]
    [InlineData("https://zoe:secret@example.org/cv.html", "https://example.org/cv.html")]
    [InlineData("file:///srv/talent/inbox/cvs/zoe%20cv.md", "zoe cv.md")]
    [InlineData("/home/recruiting/cvs/zoe.md", "zoe.md")]
    [InlineData(@"C:\Users\hr\Documents\zoe.md", "zoe.md")]
    [InlineData(@"\\fileserver\cvs\zoe.md", "zoe.md")]
    [InlineData("cvs/zoe.md", "zoe.md")]
    [InlineData("ats:record/4711", "ats:record/4711")]
    [InlineData("  ", null)]
    public void A_recruiter_sees_a_web_address_or_a_file_name_never_a_server_path(string uri, string? shown)
    {
        Assert.Equal(shown, SourceAddress.Shown(uri));
    }
}
