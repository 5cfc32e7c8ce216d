namespace Talent.Profiles.Extraction;

/// <summary>
/// Where the brace arguments of one LaTeX text end. An argument whose brace is never closed (a missing <c>}</c>) ends
/// with its line, its line break left to be read: TeX would read to the end of the file and stop with an error, and
/// taking the rest of the document into one argument lost it wherever a command dropped its arguments, read a fixed
/// number of them, or kept one as a definition. The braces that no brace closes are found in one pass, once the first
/// is met before the last line, so a text of many stays linear.
/// </summary>
internal sealed class ArgumentEnds(string text)
{
    private int[]? unclosed;

    public string Text => text;

    /// <summary>The end of the argument opened at <paramref name="open"/>: its closing brace, else its line's end, else the text's end.</summary>
    public int End(int open)
    {
        if (unclosed is null || Array.BinarySearch(unclosed, open) < 0)
        {
            var close = LatexSource.ClosingBrace(text, open);
            if (close < text.Length)
            {
                return close;
            }
        }

        var lineEnd = text.IndexOf('\n', open);
        if (lineEnd < 0)
        {
            return text.Length; // on the last line nothing is left to read after it
        }

        unclosed ??= LatexSource.UnclosedBraces(text);
        return lineEnd;
    }

    /// <summary>Where reading goes on after an argument that ends at <paramref name="end"/>: past its closing brace, else at the line break.</summary>
    public int After(int end) => end < text.Length && text[end] == '}' ? end + 1 : end;
}
