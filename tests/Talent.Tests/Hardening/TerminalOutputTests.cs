using Talent.Cli.Commands;

namespace Talent.Tests.Hardening;

/// <summary>Document and query text printed by the CLI cannot drive the terminal.</summary>
public sealed class TerminalOutputTests
{
    [Theory]
    [InlineData("plain text, ünïcödé — kept", "plain text, ünïcödé — kept")]
    [InlineData("two\nlines\tand a tab", "two\nlines\tand a tab")]
    [InlineData("red \u001B[31mALERT\u001B[0m", "red ALERT")] // colour (CSI … m)
    [InlineData("a\u001B[2J\u001B[Hb", "ab")] // clear screen, cursor home
    [InlineData("x\u001B[1;31;4my", "xy")] // several parameters
    [InlineData("t\u001B]0;owned title\u0007u", "tu")] // OSC window title ended by BEL
    [InlineData("t\u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\u", "tlinku")] // OSC 8 hyperlink ended by ST
    [InlineData("p\u001BPq#0;2;0;0;0\u001B\\q", "pq")] // DCS (sixel) string
    [InlineData("over\rwrite", "overwrite")] // carriage return rewrites the line
    [InlineData("bell\u0007 back\u0008space del\u007F", "bell backspace del")]
    [InlineData("c1 \u009B31mcsi", "c1 csi")] // 8-bit CSI
    [InlineData("esc\u001B7 save", "esc save")] // two-character sequence
    [InlineData("nul\0", "nul")]
    public void Control_characters_and_escape_sequences_are_dropped(string text, string shown) =>
        Assert.Equal(shown, Output.Sanitize(text));

    [Fact]
    public void A_sequence_split_over_two_writes_is_dropped_whole()
    {
        using var inner = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var writer = new Output.TerminalSafeWriter(inner);
        writer.Write("name \u001B[3");
        writer.Write("1mred");
        writer.WriteLine(" end");
        Assert.Equal("name red end\n", inner.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
