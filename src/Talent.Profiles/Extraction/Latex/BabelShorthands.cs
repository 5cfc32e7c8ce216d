using System.Text;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// babel's German shorthands: a document that loads babel for German (or the <c>german</c>/<c>ngerman</c> packages)
/// may write <c>"a</c> for ä, <c>"s</c> for ß, <c>"`</c> and <c>"'</c> for quotes and <c>"-</c>, <c>""</c>, <c>"~</c> for
/// hyphenation; older German CVs write every umlaut so ("Universit"at D"usseldorf").
/// </summary>
internal static partial class BabelShorthands
{
    [GeneratedRegex(@"\\(?:usepackage|documentclass)\s*\[[^\]]{0,500}\b(?:n?german|n?austrian|n?swissgerman)\b|\\usepackage\s*\{n?german\}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex GermanPattern();

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['a'] = "ä",
        ['o'] = "ö",
        ['u'] = "ü",
        ['A'] = "Ä",
        ['O'] = "Ö",
        ['U'] = "Ü",
        ['s'] = "ß",
        ['z'] = "ß",
        ['S'] = "SS",
        ['Z'] = "SZ",
        ['e'] = "ë",
        ['i'] = "ï",
        ['`'] = "„",
        ['\''] = "“",
        ['<'] = "«",
        ['>'] = "»",
        ['-'] = string.Empty,
        ['"'] = string.Empty,
        ['|'] = string.Empty,
        ['~'] = "-",
        ['='] = "-",
        // Old spelling's hyphenation marks before a doubled consonant ("ck, "ff): the letter itself.
        ['c'] = "c",
        ['f'] = "f",
        ['l'] = "l",
        ['m'] = "m",
        ['n'] = "n",
        ['p'] = "p",
        ['r'] = "r",
        ['t'] = "t",
    };

    /// <summary>The text with its German shorthands written out, when its preamble asks babel for German; else the text.</summary>
    public static string Resolve(string latex)
    {
        var begin = latex.IndexOf(@"\begin{document}", StringComparison.Ordinal);
        var preamble = begin < 0 ? latex : latex[..begin];
        if (!latex.Contains('"', StringComparison.Ordinal) || !GermanPattern().IsMatch(preamble))
        {
            return latex;
        }

        var output = new StringBuilder(latex.Length);
        for (var i = 0; i < latex.Length; i++)
        {
            var c = latex[i];
            // \" is the umlaut accent command, read as such later.
            if (c == '"' && i + 1 < latex.Length && (i == 0 || latex[i - 1] != '\\') && Replacements.TryGetValue(latex[i + 1], out var written))
            {
                output.Append(written);
                i++;
                continue;
            }

            output.Append(c);
        }

        return output.ToString();
    }
}
