using System.Text;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Turns a LaTeX CV source (article-style or moderncv) into the markdown the text reader understands:
/// <c>\section{Education}</c> → a heading, <c>\textbf{..}</c> → bold, <c>\item</c> → a bullet,
/// <c>\href{mailto:..}{..}</c> → the address, <c>\cventry{years}{degree}{institution}{..}</c> → an
/// "institution, years" line followed by the degree or role, <c>\name{First}{Last}</c> → the title.
/// Unknown commands keep their arguments' text; comments, environments and layout commands are dropped.
/// </summary>
internal static partial class LatexText
{
    /// <summary>Arguments nest no deeper than this; a deeper brace structure is read as plain text.</summary>
    private const int MaxDepth = 50;

    private static readonly HashSet<string> DroppedWithArguments = new(StringComparer.Ordinal)
    {
        "documentclass", "usepackage", "begin", "end", "moderncvstyle", "moderncvcolor", "geometry", "setlength", "vspace", "hspace",
        "photo", "newcommand", "renewcommand", "pagestyle", "thispagestyle", "setcounter", "addtolength", "definecolor", "color",
        "label", "ref", "cite", "includegraphics", "fontsize", "hypersetup", "title", "date", "bibliographystyle", "bibliography",
        "nocite", "quote", "extrainfo",
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["LaTeX"] = "LaTeX",
        ["TeX"] = "TeX",
        ["ldots"] = "...",
        ["dots"] = "...",
        ["textbullet"] = "·",
        ["cdot"] = "·",
        ["textendash"] = "–",
        ["textemdash"] = "—",
        ["quad"] = " ",
        ["qquad"] = " ",
        ["newline"] = "\n",
        ["par"] = "\n",
        ["item"] = "\n- ",
        ["today"] = string.Empty,
        ["maketitle"] = string.Empty,
        ["noindent"] = string.Empty,
        ["hfill"] = "\t",
        ["ss"] = "ß",
        ["o"] = "ø",
        ["O"] = "Ø",
        ["aa"] = "å",
        ["AA"] = "Å",
        ["ae"] = "æ",
        ["AE"] = "Æ",
        ["l"] = "ł",
        ["L"] = "Ł",
        ["i"] = "ı",
        ["centering"] = string.Empty,
        ["clearpage"] = "\n",
        ["newpage"] = "\n",
        ["smallskip"] = "\n",
        ["medskip"] = "\n",
        ["bigskip"] = "\n",
        ["small"] = string.Empty,
        ["large"] = string.Empty,
        ["Large"] = string.Empty,
        ["LARGE"] = string.Empty,
        ["huge"] = string.Empty,
        ["Huge"] = string.Empty,
        ["footnotesize"] = string.Empty,
        ["scriptsize"] = string.Empty,
        ["normalsize"] = string.Empty,
        ["bfseries"] = string.Empty,
        ["itshape"] = string.Empty,
        ["scshape"] = string.Empty,
        ["rmfamily"] = string.Empty,
        ["sffamily"] = string.Empty,
    };

    /// <summary>Accent command → "letter accented-letter" pairs. Composed by table: the build runs with invariant globalization, where Normalize does not compose.</summary>
    private static readonly Dictionary<char, string> CombiningAccents = new()
    {
        ['\''] = "aá eé ií oó uú yý AÁ EÉ IÍ OÓ UÚ YÝ cć nń sś zź CĆ NŃ SŚ ZŹ lĺ rŕ",
        ['`'] = "aà eè iì oò uù AÀ EÈ IÌ OÒ UÙ",
        ['^'] = "aâ eê iî oô uû AÂ EÊ IÎ OÔ UÛ",
        ['"'] = "aä eë iï oö uü yÿ AÄ EË IÏ OÖ UÜ",
        ['~'] = "aã nñ oõ AÃ NÑ OÕ",
        ['='] = "aā eē iī oō uū",
        ['.'] = "zż Zż",
        ['c'] = "cç sş CÇ SŞ",
        ['v'] = "cč sš zž rř eě nň dď tť CČ SŠ ZŽ RŘ EĚ NŇ",
        ['u'] = "gğ GĞ aă",
        ['H'] = "oő uű OŐ UŰ",
        ['k'] = "aą eę AĄ EĘ",
        ['r'] = "aå AÅ uů",
    };

    [GeneratedRegex(@"(?<!\\)%[^\n]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\\documentclass|\\begin\{document\}|\\(?:sub)?section\*?\{|\\cventry\{|\\textbf\{", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SniffPattern();

    /// <summary>True when plain text is recognisably a LaTeX source.</summary>
    [GeneratedRegex(@"^\s*(?:19|20)\d{2}(?:\s*(?:--|–|-)\s*(?:(?:19|20)\d{2}|present|now))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearLabelPattern();

    public static bool LooksLikeLatex(string content) => SniffPattern().Matches(content.Length > 20_000 ? content[..20_000] : content).Count >= 2;

    public static string ToMarkdown(string latex)
    {
        var source = CommentPattern().Replace(latex.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
        var begin = source.IndexOf(@"\begin{document}", StringComparison.Ordinal);
        var preamble = begin >= 0 ? source[..begin] : string.Empty;
        var body = begin >= 0 ? source[(begin + @"\begin{document}".Length)..] : source;
        var output = new StringBuilder(source.Length);

        // moderncv puts the person in the preamble: \name{First}{Last}, \email{..}, \phone{..}, \homepage{..}.
        var header = new StringBuilder();
        var reader = new Reader(preamble);
        reader.Convert(header, 0, preambleMode: true);
        output.Append(header).Append('\n');
        new Reader(body).Convert(output, 0, preambleMode: false);
        return output.ToString();
    }

    private sealed class Reader(string text)
    {
        private int at;

        public void Convert(StringBuilder output, int depth, bool preambleMode, char? until = null)
        {
            while (at < text.Length)
            {
                var c = text[at];
                if (until is { } stop && c == stop)
                {
                    at++;
                    return;
                }

                switch (c)
                {
                    case '\\':
                        Command(output, depth, preambleMode);
                        break;
                    case '{':
                        at++;
                        if (depth < MaxDepth)
                        {
                            Convert(output, depth + 1, preambleMode, '}');
                        }

                        break;
                    case '}':
                        at++;
                        break;
                    case '~':
                        at++;
                        output.Append(' ');
                        break;
                    case '&' when !preambleMode:
                        at++;
                        output.Append('\t');
                        break;
                    case '$':
                        at++;
                        break;
                    case '-' when at + 1 < text.Length && text[at + 1] == '-':
                        var dashes = 0;
                        while (at < text.Length && text[at] == '-')
                        {
                            at++;
                            dashes++;
                        }

                        output.Append(dashes >= 3 ? '—' : '–');
                        break;
                    default:
                        at++;
                        if (!preambleMode)
                        {
                            output.Append(c);
                        }

                        break;
                }
            }
        }

        private void Command(StringBuilder output, int depth, bool preambleMode)
        {
            at++;
            if (at >= text.Length)
            {
                return;
            }

            var first = text[at];
            if (!char.IsLetter(first))
            {
                at++;
                if (first == '\\')
                {
                    Append(output, preambleMode, "\n");
                    SkipOptional();
                }
                else if (CombiningAccents.TryGetValue(first, out var accent) && first is not ('c' or 'v' or 'u' or 'H' or 'k' or 'r'))
                {
                    Append(output, preambleMode, Accent(accent, depth));
                }
                else if (first is ',' or ';' or ' ' or '!')
                {
                    Append(output, preambleMode, " ");
                }
                else
                {
                    Append(output, preambleMode, first.ToString());
                }

                return;
            }

            var start = at;
            while (at < text.Length && char.IsLetter(text[at]))
            {
                at++;
            }

            var name = text[start..at];
            if (name.Length == 1 && CombiningAccents.TryGetValue(name[0], out var letterAccent) && at < text.Length && text[at] is '{' or ' ')
            {
                Append(output, preambleMode, Accent(letterAccent, depth));
                return;
            }

            if (at < text.Length && text[at] == '*')
            {
                at++;
            }

            switch (name)
            {
                case "section" or "subsection" or "cvsection" or "chapter":
                    SkipOptional();
                    Append(output, preambleMode, "\n\n## " + Argument(depth) + "\n\n");
                    return;
                case "name":
                    var firstName = Argument(depth);
                    var lastName = PeekArgument() ? Argument(depth) : string.Empty;
                    output.Append("# ").Append((firstName + " " + lastName).Trim()).Append("\n\n");
                    return;
                case "author" when preambleMode:
                    output.Append("# ").Append(Argument(depth).Split('\n')[0].Trim()).Append("\n\n");
                    return;
                case "email":
                    output.Append('\n').Append(Argument(depth)).Append('\n');
                    return;
                case "phone" or "mobile":
                    SkipOptional();
                    output.Append('\n').Append(Argument(depth)).Append('\n');
                    return;
                case "homepage":
                    output.Append("\nHomepage: ").Append(Argument(depth)).Append('\n');
                    return;
                case "address":
                    Argument(depth);
                    while (PeekArgument())
                    {
                        Argument(depth);
                    }

                    return;
                case "textbf" or "textsc":
                    Append(output, preambleMode, "**" + Argument(depth).Trim() + "**");
                    return;
                case "textit" or "emph" or "textsl":
                    Append(output, preambleMode, "*" + Argument(depth).Trim() + "*");
                    return;
                case "href":
                    var url = Argument(depth).Trim();
                    var label = Argument(depth).Trim();
                    Append(output, preambleMode, url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                        ? url["mailto:".Length..]
                        : $"[{label}]({url})");
                    return;
                case "url":
                    Append(output, preambleMode, Argument(depth).Trim());
                    return;
                case "cventry" or "cvevent":
                    SkipOptional();
                    var args = new List<string>();
                    while (args.Count < 6 && PeekArgument())
                    {
                        args.Add(Argument(depth).Trim());
                    }

                    Append(output, preambleMode, CvEntry(name, args));
                    return;
                case "cvitem" or "cvlistitem" or "cvdoubleitem" or "cvitemwithcomment":
                    SkipOptional();
                    var items = new List<string>();
                    while (items.Count < 4 && PeekArgument())
                    {
                        items.Add(Argument(depth).Trim());
                    }

                    Append(output, preambleMode, CvItem(items));
                    return;
            }

            if (DroppedWithArguments.Contains(name))
            {
                SkipOptional();
                // An environment's own arguments (\begin{tabular}{ll}) are on its line; a group on the next line
                // ({\LARGE \textbf{Name}} after \begin{center}) is content.
                var environment = name is "begin" or "end";
                while (environment ? PeekArgumentOnLine() : PeekArgument())
                {
                    Argument(depth);
                }

                if (name is "begin" or "end")
                {
                    Append(output, preambleMode, "\n");
                }

                return;
            }

            if (Symbols.TryGetValue(name, out var symbol))
            {
                Append(output, preambleMode, symbol);
                if (at < text.Length && text[at] == ' ' && name != "item")
                {
                    at++;
                }

                return;
            }

            // An unknown command keeps the text of its arguments: \textsc{..}, \underline{..}, \mbox{..}.
            SkipOptional();
            if (PeekArgument())
            {
                Append(output, preambleMode, Argument(depth));
            }
        }

        /// <summary>
        /// <c>\cvitem{label}{text}</c> → "label: text"; a year label (<c>\cvitem{2023}{\textbf{Title}. Authors. \textit{ICASSP 2023}.}</c>)
        /// makes a list item of the text, with the year after it unless the text already states it.
        /// </summary>
        private static string CvItem(List<string> items)
        {
            var text = string.Join(" ", items.Skip(1));
            if (items.Count > 1 && YearLabelPattern().IsMatch(items[0]))
            {
                return "\n- " + text + (text.Contains(items[0].Trim()[..4], StringComparison.Ordinal) ? string.Empty : " (" + items[0].Trim() + ")") + "\n";
            }

            return "\n" + (items.Count > 1 && items[0].Length > 0 ? items[0] + ": " + text : string.Join(" ", items)) + "\n";
        }

        private static string CvEntry(string name, List<string> args)
        {
            static string At(List<string> list, int i) => i < list.Count ? list[i] : string.Empty;

            // moderncv: \cventry{years}{degree or role}{institution or employer}{city}{grade}{description}.
            // \cvevent (altacv): {title}{organisation}{dates}{place}.
            var (years, role, place, city, extra, description) = string.Equals(name, "cvevent", StringComparison.Ordinal)
                ? (At(args, 2), At(args, 0), At(args, 1), At(args, 3), string.Empty, string.Empty)
                : (At(args, 0), At(args, 1), At(args, 2), At(args, 3), At(args, 4), At(args, 5));
            var builder = new StringBuilder("\n\n");
            // The city is left out: "Charles University, Prague" would read as another institution's name.
            _ = city;
            builder.Append(place.Length > 0 ? place : role);
            builder.Append('\t').Append(years).Append('\n');
            if (place.Length > 0 && role.Length > 0)
            {
                builder.Append(role).Append('\n');
            }

            if (extra.Length > 0)
            {
                builder.Append(extra).Append('\n');
            }

            if (description.Length > 0)
            {
                builder.Append(description).Append('\n');
            }

            return builder.Append('\n').ToString();
        }

        private string Accent(string table, int depth)
        {
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }

            string letter;
            if (at < text.Length && text[at] == '{')
            {
                letter = Argument(depth);
            }
            else if (at < text.Length && text[at] == '\\')
            {
                // \'{\i} and \"\i: a dotless i under the accent.
                at++;
                var start = at;
                while (at < text.Length && char.IsLetter(text[at]))
                {
                    at++;
                }

                letter = text[start..at] == "i" ? "i" : text[start..at];
            }
            else if (at < text.Length)
            {
                letter = text[at].ToString();
                at++;
            }
            else
            {
                return string.Empty;
            }

            letter = letter.Replace("ı", "i", StringComparison.Ordinal);
            if (letter.Length == 0)
            {
                return string.Empty;
            }

            var slot = table.IndexOf(letter[0], StringComparison.Ordinal);
            return (slot >= 0 && slot + 1 < table.Length && (slot == 0 || table[slot - 1] == ' ') ? table[slot + 1].ToString() : letter[..1]) + letter[1..];
        }

        private static void Append(StringBuilder output, bool preambleMode, string value)
        {
            if (!preambleMode)
            {
                output.Append(value);
            }
        }

        private bool PeekArgumentOnLine()
        {
            var i = at;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            return i < text.Length && text[i] == '{';
        }

        private bool PeekArgument()
        {
            var i = at;
            while (i < text.Length && text[i] is ' ' or '\n' or '\t')
            {
                i++;
            }

            // A blank line ends a command's arguments.
            return i < text.Length && text[i] == '{' && text.AsSpan(at, i - at).Count('\n') < 2;
        }

        private void SkipOptional()
        {
            var i = at;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                at = close > 0 ? close + 1 : text.Length;
            }
        }

        private string Argument(int depth)
        {
            while (at < text.Length && text[at] is ' ' or '\n' or '\t')
            {
                at++;
            }

            if (at >= text.Length)
            {
                return string.Empty;
            }

            var inner = new StringBuilder();
            if (text[at] == '{')
            {
                at++;
                if (depth < MaxDepth)
                {
                    Convert(inner, depth + 1, preambleMode: false, '}');
                }
            }
            else if (text[at] == '\\')
            {
                Command(inner, depth + 1, preambleMode: false);
            }
            else
            {
                inner.Append(text[at]);
                at++;
            }

            return inner.ToString();
        }
    }
}
