using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>A line longer than any real CV line is cut at spaces into pieces, and no word is lost or split on the way.</summary>
public sealed class LongLineTests
{
    [Theory]
    [InlineData(100_000, " ")]
    [InlineData(30_000, ", ")]
    [InlineData(1, "")]
    public void A_long_line_is_cut_at_spaces_into_short_pieces_keeping_every_word(int words, string separator)
    {
        var line = string.Join(separator, Enumerable.Range(0, words).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var lines = MarkupText.Parse("# Someone\n\n" + line + "\n");

        var body = lines.Where(l => l.Heading is null && !l.IsBlank).ToList();
        Assert.All(body, l => Assert.True(l.Plain.Length <= MarkupText.MaxLineChars, $"a piece of {l.Plain.Length} characters"));
        var read = body.SelectMany(l => l.Plain.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(words, read.Count);
        Assert.Equal("word0", read[0]);
        Assert.Equal("word" + (words - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), read[^1]);
        Assert.Equal(words, read.Distinct(StringComparer.Ordinal).Count());
    }
}
