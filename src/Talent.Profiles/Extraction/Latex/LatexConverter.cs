using System.Text;
using Talent.Profiles.Catalogs;
using static Talent.Profiles.Extraction.LatexSymbols;

namespace Talent.Profiles.Extraction;

/// <summary>What a LaTeX CV says about its owner outside the body's flow: the name and the contact lines.</summary>
internal sealed class LatexHeader
{
    public string? Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>The document's <c>\title</c>: a heading when nothing else names the person, a subtitle line otherwise.</summary>
    public string? Title { get; set; }
    public List<string> Lines { get; } = [];
}

/// <summary>
/// Converts macro-expanded LaTeX into markdown in one pass: <c>\section</c> → <c>##</c>, <c>\item</c> → a list item indented
/// by its list's depth, <c>\textbf</c> and <c>{\bf ..}</c> → <c>**..**</c>, <c>\href</c> → a link, tabular rows → lines,
/// CV-class entries (see the Entries part) → one list item each; name and contact commands go to the <see cref="LatexHeader"/>.
/// </summary>
internal sealed partial class LatexConverter(string text, LatexHeader header)
{
    /// <summary>Groups nest no deeper than this; a deeper group is read as plain text.</summary>
    public const int MaxDepth = 24;

    private static readonly HashSet<string> DroppedWithArguments = new(StringComparer.Ordinal)
    {
        "documentclass", "usepackage", "RequirePackage", "moderncvstyle", "moderncvcolor", "moderncvtheme", "geometry", "setlength", "addtolength",
        "setcounter", "vspace", "hspace", "vskip", "photo", "photoscale", "includegraphics", "pagestyle", "thispagestyle", "definecolor", "color",
        "colorlet", "label", "ref", "eqref", "pageref", "cite", "citep", "citet", "nocite", "hypersetup", "fontsize", "bibliographystyle",
        "bibliography", "addbibresource", "linespread", "titleformat", "titlespacing", "setmainfont", "setsansfont", "setmonofont",
        "newfontfamily", "setCJKmainfont", "setCJKsansfont", "setCJKmonofont", "usetikzlibrary", "smartdiagramset", "input", "include",
        "makerubric", "publications", "printbibliography", "footnotemark", "footnotetext", "date", "thanks", "cline", "setmainlanguage",
        "setotherlanguage", "urlstyle", "pdfbookmark", "let", "fancyhf", "fancyhead", "fancyfoot", "rightheader", "myname", "nopagenumbers",
        "wechat", "skype", "ecvfootername", "ecvnationality", "ecvdateofbirth", "ecvgender", "ecvdate", "ecvim", "ecvfax", "ecvlanguage", "ecvlastlanguage", "defbibcheck", "AtEveryBibitem", "includecomment", "excludecomment", "rule", "makebox", "phantom", "hphantom", "vphantom",
    };

    private static readonly HashSet<string> ListEnvironments = new(StringComparer.Ordinal)
    {
        "itemize", "enumerate", "description", "entrylist", "compactitem", "compactenum", "compactdesc", "cvitems", "thebibliography",
        "etaremune", "rSubsection", "cvhonors", "cventries", "positions", "ecvitemize",
    };

    private static readonly HashSet<string> TableEnvironments = new(StringComparer.Ordinal)
    {
        "tabular", "tabular*", "tabularx", "tabulary", "longtable", "supertabular", "array", "tabu",
    };

    private readonly Stack<int> savedListDepths = new();
    private readonly ArgumentEnds argumentEnds = new(text);
    private int at;

    /// <summary>How many lists enclose the text being read; an item is indented by two spaces per list beyond the first.</summary>
    public int ListDepth { get; set; }

    /// <summary>Inside an environment where every source line is a line (friggeri's <c>aside</c>).</summary>
    public bool ObeyLines { get; set; }

    /// <summary>Reading the preamble: text is not output, only the name, contact and header commands are read.</summary>
    public bool Preamble { get; init; }

    public string Convert()
    {
        var output = new StringBuilder(text.Length);
        Convert(output, 0, closesGroup: false);
        return output.ToString();
    }

    private void Convert(StringBuilder o, int depth, bool closesGroup)
    {
        while (at < text.Length)
        {
            var c = text[at];
            switch (c)
            {
                case '}' when closesGroup:
                    at++;
                    return;
                case '\\':
                    Command(o, depth);
                    break;
                case '{':
                    Group(o, depth);
                    break;
                case '\n':
                    LineBreaks(o);
                    break;
                case '}' or '$':
                    at++;
                    break;
                case '~':
                    at++;
                    Emit(o, " ");
                    break;
                case '&':
                    at++;
                    Emit(o, " ");
                    break;
                case '-' when at + 1 < text.Length && text[at + 1] == '-':
                    var start = at;
                    while (at < text.Length && text[at] == '-')
                    {
                        at++;
                    }

                    Emit(o, at - start >= 3 ? "—" : "–");
                    break;
                case '`' or '\'' when at + 1 < text.Length && text[at + 1] == c:
                    at += 2;
                    Emit(o, "\"");
                    break;
                default:
                    at++;
                    if (!Preamble)
                    {
                        o.Append(c);
                    }

                    break;
            }
        }
    }

    private void Emit(StringBuilder o, string value)
    {
        if (!Preamble)
        {
            o.Append(value);
        }
    }

    private void LineBreaks(StringBuilder o)
    {
        var breaks = 0;
        while (at < text.Length && text[at] is '\n' or ' ' or '\t')
        {
            breaks += text[at] == '\n' ? 1 : 0;
            at++;
        }

        // A line that ends between two characters of a script written without spaces goes on with no space, as TeX's CJK
        // packages set it ("信" at a line's end, "号处理" on the next: "信号处理").
        if (breaks == 1 && !ObeyLines && o.Length > 0 && InstitutionCatalog.IsUnspacedScript(o[^1]) && at < text.Length && InstitutionCatalog.IsUnspacedScript(text[at]))
        {
            return;
        }

        // A paragraph break inside a list item continues the item: an indented line.
        Emit(o, breaks < 2 ? (ObeyLines ? "\n" : " ") : ListDepth > 0 ? "\n" + Continuation(ListDepth + 1) : "\n\n");
    }

    /// <summary>A brace group; font switches inside it (<c>{\bf ..}</c>, <c>{\LARGE ..}</c>) apply up to its end.</summary>
    private void Group(StringBuilder o, int depth)
    {
        if (depth >= MaxDepth)
        {
            var close = LatexSource.ClosingBrace(text, at);
            Emit(o, PlainText(text[(at + 1)..Math.Min(close, text.Length)]));
            at = Math.Min(close + 1, text.Length);
            return;
        }

        at++;
        var inner = new StringBuilder();
        Convert(inner, depth + 1, closesGroup: true);
        o.Append(ApplySwitches(inner.ToString()));
    }

    /// <summary>Switch markers left by <c>\bf</c>, <c>\em</c>, <c>\LARGE</c> wrap the rest of their group.</summary>
    private static string ApplySwitches(string group)
    {
        var markers = 0;
        foreach (var c in group)
        {
            markers += c is Markers.Bold or Markers.Italic or Markers.Big ? 1 : 0;
        }

        if (markers == 0)
        {
            return group;
        }

        if (markers > 8)
        {
            return group.Replace(Markers.Bold.ToString(), string.Empty, StringComparison.Ordinal)
                .Replace(Markers.Italic.ToString(), string.Empty, StringComparison.Ordinal).Replace(Markers.Big.ToString(), string.Empty, StringComparison.Ordinal);
        }

        var result = group;
        int m;
        while ((m = result.LastIndexOfAny([Markers.Bold, Markers.Italic, Markers.Big])) >= 0)
        {
            var rest = result[(m + 1)..];
            result = result[..m] + (result[m] switch
            {
                Markers.Bold => Emphasis(rest, "**"),
                Markers.Italic => Emphasis(rest, "*"),
                _ => Emphasis(rest, Markers.TitleStart.ToString(), Markers.TitleEnd.ToString()),
            });
        }

        return result;
    }

    /// <summary><paramref name="value"/> wrapped in a markdown emphasis marker, spaces kept outside it; text over several lines is left as it is.</summary>
    public static string Emphasis(string value, string marker, string? closing = null)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('\n', StringComparison.Ordinal)
            || (trimmed.Length > 2 * marker.Length && trimmed.StartsWith(marker, StringComparison.Ordinal) && trimmed.EndsWith(marker, StringComparison.Ordinal)))
        {
            return value;
        }

        var lead = value.Length - value.TrimStart().Length;
        var trail = value.Length - value.TrimEnd().Length;
        return value[..lead] + marker + trimmed + (closing ?? marker) + value[(value.Length - trail)..];
    }

    /// <summary>Text with LaTeX syntax characters dropped: how a group too deep to read is kept.</summary>
    private static string PlainText(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (c is not ('{' or '}' or '\\' or '$'))
            {
                builder.Append(c is '\n' or '\t' ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A fragment of the text (an argument, a table cell) converted with this reader's list depth and header.</summary>
    private string Fragment(string raw, int depth, int? listDepth = null)
    {
        if (depth >= MaxDepth)
        {
            return PlainText(raw);
        }

        var reader = new LatexConverter(raw, header) { ListDepth = listDepth ?? ListDepth, ObeyLines = ObeyLines };
        var output = new StringBuilder(raw.Length);
        reader.Convert(output, depth + 1, closesGroup: false);
        return ApplySwitches(output.ToString());
    }

    /// <summary>A fragment as one line: line breaks become spaces, runs of spaces one.</summary>
    private string Inline(string raw, int depth) => Flatten(Fragment(raw, depth));

    public static string Flatten(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var d = c is '\n' or '\t' ? ' ' : c;
            if (d != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(d);
            }
        }

        return builder.ToString().Trim();
    }

    private bool PeekArgument(bool sameLine = false)
    {
        var i = LatexSource.SkipSpaces(text, at, lineBreaks: !sameLine);
        return i < text.Length && text[i] == '{';
    }

    /// <summary>The raw inside of the next brace group, or the next token when there is no brace.</summary>
    private string RawArgument()
    {
        at = LatexSource.SkipSpaces(text, at, lineBreaks: true);
        if (at >= text.Length)
        {
            return string.Empty;
        }

        if (text[at] == '{')
        {
            var end = argumentEnds.End(at);
            var value = text[(at + 1)..end];
            at = argumentEnds.After(end);
            return value;
        }

        var start = at++;
        if (text[start] == '\\')
        {
            while (at < text.Length && char.IsLetter(text[at]))
            {
                at++;
            }

            at = Math.Max(at, Math.Min(start + 2, text.Length));
        }

        return text[start..at];
    }

    private List<string> RawArguments(int most, bool sameLine = false)
    {
        var values = new List<string>();
        while (values.Count < most && PeekArgument(sameLine))
        {
            values.Add(RawArgument());
        }

        return values;
    }

    /// <summary>The raw text of an optional <c>[..]</c> argument on this line, or null.</summary>
    private string? Optional()
    {
        var i = LatexSource.SkipSpaces(text, at, lineBreaks: false);
        if (i >= text.Length || text[i] != '[')
        {
            return null;
        }

        var close = LatexSource.ClosingBracket(text, i);
        at = Math.Min(close + 1, text.Length);
        return text[(i + 1)..Math.Min(close, text.Length)];
    }

    /// <summary>The current (last) line of <paramref name="o"/>, read backwards to its start (at most a line's length).</summary>
    private static string CurrentLine(StringBuilder o)
    {
        var start = o.Length;
        var stop = Math.Max(0, o.Length - MarkupText.MaxLineChars);
        while (start > stop && o[start - 1] != '\n')
        {
            start--;
        }

        return o.ToString(start, o.Length - start);
    }

    /// <summary>
    /// The indentation of a list item at <paramref name="level"/>, no deeper than <see cref="MaxDepth"/> levels: lists
    /// nested past it (a document opening thousands of <c>itemize</c> environments) stay at that depth, so each item's
    /// line is bounded and the output linear in the document.
    /// </summary>
    private static string Indent(int level) => new(' ', 2 * Math.Clamp(level - 1, 0, MaxDepth));

    /// <summary>The start of a line that continues a list item at <paramref name="level"/>: indented, marked so the indentation is kept.</summary>
    private static string Continuation(int level) => Indent(level) + Markers.Continuation;
}
