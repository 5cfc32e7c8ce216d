using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Talent.Search.Recruiting;

/// <summary>Small text normalisations for the recruiter fields: folding for comparison, trimming for display.</summary>
internal static class Text
{
    /// <summary>
    /// Lower case without accents, full-width forms as ASCII, spaces collapsed: the form two spellings of a name are
    /// compared in ("Müller" and "MULLER", "Ｇｏｏｇｌｅ" and "Google"). Linear in the length.
    /// </summary>
    public static string Fold(string value)
    {
        var lower = value.ToLowerInvariant().ToCharArray();
        var folded = new char[lower.Length * 4]; // one character folds to at most four
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lower.Length);
        var builder = new StringBuilder(length);
        var space = false;
        for (var i = 0; i < length; i++)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A value as shown: spaces collapsed, and punctuation a layout left at either end ("Criteo ·") removed.</summary>
    public static string Clean(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && !char.IsLetterOrDigit(value[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(value[end - 1]) && value[end - 1] is not ')' and not '.')
        {
            end--;
        }

        return string.Join(' ', value[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
