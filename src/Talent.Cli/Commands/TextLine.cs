using System.Text;

namespace Talent.Cli.Commands;

/// <summary>Text from outside (queries, server answers) shown on one line: line breaks and control characters escaped.</summary>
internal static class TextLine
{
    public static string Of(string? text, int maxLength = 500)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var line = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var c in text)
        {
            if (line.Length >= maxLength)
            {
                line.Append('…');
                break;
            }

            _ = c switch
            {
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append("\\t"),
                '\\' => line.Append("\\\\"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => line.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }
}
