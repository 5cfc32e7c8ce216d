namespace Talent.Profiles.Extraction;

/// <summary>What LaTeX's symbol, spacing, font-switch and accent commands stand for in plain text.</summary>
internal static class LatexSymbols
{
    /// <summary>Commands that stand for a character or a break, or for nothing at all (layout).</summary>
    public static readonly Dictionary<string, string> Text = new(StringComparer.Ordinal)
    {
        ["LaTeX"] = "LaTeX",
        ["TeX"] = "TeX",
        ["XeTeX"] = "XeTeX",
        ["BibTeX"] = "BibTeX",
        ["ldots"] = "...",
        ["dots"] = "...",
        ["textellipsis"] = "...",
        ["textbullet"] = "·",
        ["cdot"] = "·",
        ["bullet"] = "·",
        ["textperiodcentered"] = "·",
        ["textbar"] = "|",
        ["slash"] = "/",
        ["textendash"] = "–",
        ["textemdash"] = "—",
        ["textasciitilde"] = "~",
        ["textunderscore"] = "_",
        ["textasciicircum"] = "^",
        ["textbackslash"] = "\\",
        ["textquoteright"] = "'",
        ["textquoteleft"] = "'",
        ["textquotedblleft"] = "\"",
        ["textquotedblright"] = "\"",
        ["times"] = "×",
        ["pm"] = "±",
        ["sim"] = "~",
        ["approx"] = "≈",
        ["leq"] = "≤",
        ["geq"] = "≥",
        ["rightarrow"] = "→",
        ["to"] = "→",
        ["textregistered"] = "®",
        ["texttrademark"] = "™",
        ["copyright"] = "©",
        ["S"] = "§",
        ["textdegree"] = "°",
        ["euro"] = "€",
        ["quad"] = " ",
        ["qquad"] = " ",
        ["enspace"] = " ",
        ["enskip"] = " ",
        ["thinspace"] = " ",
        ["space"] = " ",
        ["bibnamedelima"] = " ",
        ["and"] = ", ",
        ["hfill"] = " · ",
        ["hfil"] = " · ",
        ["dotfill"] = " · ",
        ["newline"] = "\n",
        ["linebreak"] = "\n",
        ["par"] = "\n\n",
        ["clearpage"] = "\n\n",
        ["newpage"] = "\n\n",
        ["pagebreak"] = "\n\n",
        ["smallskip"] = "\n",
        ["medskip"] = "\n",
        ["bigskip"] = "\n",
        ["ss"] = "ß",
        ["o"] = "ø",
        ["O"] = "Ø",
        ["aa"] = "å",
        ["AA"] = "Å",
        ["ae"] = "æ",
        ["AE"] = "Æ",
        ["oe"] = "œ",
        ["OE"] = "Œ",
        ["l"] = "ł",
        ["L"] = "Ł",
        ["i"] = "ı",
        ["j"] = "ȷ",
    };

    /// <summary>Declarations that change the font until the group ends: bold and italic become markdown emphasis, big sizes mark a title.</summary>
    public static readonly Dictionary<string, char> Switches = new(StringComparer.Ordinal)
    {
        ["bf"] = Markers.Bold,
        ["bfseries"] = Markers.Bold,
        ["em"] = Markers.Italic,
        ["it"] = Markers.Italic,
        ["itshape"] = Markers.Italic,
        ["sl"] = Markers.Italic,
        ["slshape"] = Markers.Italic,
        ["Large"] = Markers.Big,
        ["LARGE"] = Markers.Big,
        ["huge"] = Markers.Big,
        ["Huge"] = Markers.Big,
    };

    /// <summary>Marker characters the converter leaves in its output for the final pass; none can occur in a real document's text.</summary>
    public static class Markers
    {
        public const char Bold = '\u0003';
        public const char Italic = '\u0004';
        public const char Big = '\u0006';
        public const char TitleStart = '\u0001';
        public const char TitleEnd = '\u0002';
        public const char Continuation = '\u0005';
    }

    /// <summary>Accent command → "letter accented-letter" pairs. Composed by table: the build runs with invariant globalization, where Normalize does not compose.</summary>
    public static readonly Dictionary<char, string> Accents = new()
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
        ['b'] = string.Empty,
        ['d'] = string.Empty,
    };

    /// <summary>The accented form of <paramref name="letter"/>'s first character, or the letter unchanged.</summary>
    public static string Accented(string table, string letter)
    {
        letter = letter.Replace("ı", "i", StringComparison.Ordinal);
        if (letter.Length == 0)
        {
            return string.Empty;
        }

        var slot = table.IndexOf(letter[0], StringComparison.Ordinal);
        return (slot >= 0 && slot + 1 < table.Length && (slot == 0 || table[slot - 1] == ' ') ? table[slot + 1].ToString() : letter[..1]) + letter[1..];
    }
}
