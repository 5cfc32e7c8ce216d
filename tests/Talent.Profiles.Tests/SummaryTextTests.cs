using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

public sealed class SummaryTextTests
{
    /// <summary>The word count without splitting against the split it replaces, on random text of words, spaces and tabs.</summary>
    [Fact]
    public void Word_count_agrees_with_splitting_on_spaces()
    {
        string[] parts = [" ", " ", "  ", "a", "word", "\t", ".", "é", "x y"];
        var random = new Random(17);
        for (var n = 0; n < 50_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => parts[random.Next(parts.Length)]));

            Assert.Equal(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, SummaryText.WordCount(text));
        }
    }
}
