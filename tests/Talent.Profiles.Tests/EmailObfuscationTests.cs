using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

public sealed class EmailObfuscationTests
{
    [Theory]
    [InlineData("jane [at] lab [dot] org", "jane@lab.org")]
    [InlineData("jane (AT) lab (Dot) org", "jane@lab.org")]
    [InlineData("jane AT lab DOT edu", "jane@lab.edu")]
    [InlineData("jane [@] lab.org", "jane@lab.org")]
    [InlineData("jane <at> lab <dot> org", "jane@lab.org")]
    [InlineData("jane＠lab.org", "jane@lab.org")]
    [InlineData("{jane,bob}@lab.org", "jane@lab.org bob@lab.org")]
    [InlineData("Email: zcj18 at mails.tsinghua.edu.cn", "Email: zcj18@mails.tsinghua.edu.cn")]
    [InlineData("E-mail : jane at lab dot org", "E-mail : jane@lab.org")]
    [InlineData("Office 3.14 · mail: jane at lab.org", "Office 3.14 · mail: jane@lab.org")]
    [InlineData("Research scientist at Lab, working at scale", "Research scientist at Lab, working at scale")]
    [InlineData("Gmail: an app we built at scale", "Gmail: an app we built at scale")]
    [InlineData("Reach me by email at jane.dev", "Reach me by email at jane.dev")]
    [InlineData("Seen at (atlas) [date] {dots} <data>", "Seen at (atlas) [date] {dots} <data>")]
    public void Hidden_addresses_are_written_plainly_and_other_lines_are_left_alone(string line, string expected) =>
        Assert.Equal(expected, EmailObfuscation.Reveal(line));

    /// <summary>The one-pass marker test against a search for each marker as it is replaced, on random text made of marker parts.</summary>
    [Fact]
    public void The_marker_test_agrees_with_looking_for_each_marker()
    {
        (string Marker, StringComparison Comparison)[] markers =
        [
            ("[at]", StringComparison.OrdinalIgnoreCase), ("(at)", StringComparison.OrdinalIgnoreCase), ("{at}", StringComparison.OrdinalIgnoreCase),
            ("[@]", StringComparison.OrdinalIgnoreCase), ("<at>", StringComparison.OrdinalIgnoreCase), (" AT ", StringComparison.Ordinal),
            ("＠", StringComparison.OrdinalIgnoreCase), ("[dot]", StringComparison.OrdinalIgnoreCase), ("(dot)", StringComparison.OrdinalIgnoreCase),
            ("{dot}", StringComparison.OrdinalIgnoreCase), (" DOT ", StringComparison.Ordinal), ("<dot>", StringComparison.OrdinalIgnoreCase),
        ];
        string[] parts = ["[", "]", "(", ")", "{", "}", "<", ">", "a", "A", "t", "T", "d", "D", "o", "O", "@", "＠", " ", "at", "AT", "dot", "DOT", "x", "é"];
        var random = new Random(11);
        for (var n = 0; n < 50_000; n++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => parts[random.Next(parts.Length)]));

            Assert.Equal(markers.Any(m => line.Contains(m.Marker, m.Comparison)), EmailObfuscation.HoldsMarker(line));
        }
    }
}
