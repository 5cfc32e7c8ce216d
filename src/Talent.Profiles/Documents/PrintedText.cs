using System.Text;

namespace Talent.Profiles.Documents;

/// <summary>Repairs text a printed page gave back before it is read as the format it was written in.</summary>
internal static class PrintedText
{
    /// <summary>
    /// JSON printed on a page: a string value too long for the line wrapped onto the next one, so a line break stands inside
    /// the string. Such breaks become spaces (found by one pass that follows the quotes and escapes); breaks between values stay.
    /// </summary>
    public static string MendJson(string text)
    {
        var output = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString && c == '\\' && i + 1 < text.Length)
            {
                output.Append(c).Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }
            else if (inString && c is '\n' or '\r' or '\t')
            {
                c = ' ';
            }

            output.Append(c);
        }

        return output.ToString();
    }
}
