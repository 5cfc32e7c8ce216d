using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A venue's name as publication lists write it, cleaned of what is not the name: "In", "Proceedings of the",
/// ordinals ("23rd", "The 37th"), years, volume, issue and pages, a trailing "Conference Proceedings" or
/// "preprint". <c>Proceedings of the 2020 IEEE 17th International Symposium on Biomedical Imaging (ISBI)</c>
/// becomes <c>IEEE International Symposium on Biomedical Imaging</c> with the acronym <c>ISBI</c>.
/// </summary>
internal static partial class VenueName
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(@"\((?<inner>[^()]{1,60})(?:\)|$)", Options)]
    private static partial Regex ParenthesisPattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9&/+\-]{1,15}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AcronymPattern();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b|['’‘]\s?\d\d\b|\b\d{1,3}(?:st|nd|rd|th)\b", Options)]
    private static partial Regex YearOrOrdinalPattern();

    [GeneratedRegex(@"\b(?:vol(?:ume)?|no|num(?:ber)?|pp|pages?|issue)\b\.?\s*[0-9][0-9A-Za-z\-–:()]{0,20}", Options)]
    private static partial Regex VolumePattern();

    [GeneratedRegex(@"(?:[,:;]\s*|\s+)[0-9][0-9\-–:()\s]{0,30}$", Options)]
    private static partial Regex TrailingNumbersPattern();

    [GeneratedRegex(@"^(?:\s|in\b:?|the\b|proceedings\b|proc\b\.?|of\b|companion\b|conference\s+companion\b|conference\s+record\b|annual\b|[,.:;\-])+", Options)]
    private static partial Regex LeadingNoisePattern();

    [GeneratedRegex(@"(?:\s|[,.:;\-]|\bconference\s+proceedings\b|\bproceedings\b|\bpreprint\b|\bcompanion\b)+$", Options)]
    private static partial Regex TrailingNoisePattern();

    [GeneratedRegex(@"^\s*[Tt]he\s+[A-Z][a-z]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingArticlePattern();

    [GeneratedRegex(@"\b(?:journal|transactions|letters|review|reviews|annals|bulletin|magazine)\b", Options)]
    private static partial Regex JournalWordPattern();

    /// <summary>The acronym a name states in parentheses (<c>(ISBI)</c>, <c>(ICDE '21)</c>), or null.</summary>
    public static string? Acronym(string text)
    {
        foreach (Match m in ParenthesisPattern().Matches(text))
        {
            var first = m.Groups["inner"].Value.Trim().Split(' ', 2)[0].TrimEnd('\'', '’', ',');
            if (AcronymPattern().IsMatch(first) && first.Count(char.IsAsciiLetterUpper) >= 2)
            {
                return first;
            }
        }

        return null;
    }

    /// <summary>The name without parentheses, "Proceedings of", ordinals, years, volume and pages; empty when nothing is left.</summary>
    public static string Clean(string text) => Clean(text, keepArticle: false);

    /// <summary>
    /// A journal's volume and issue after its name removed, as citations write them: "Nature 521 (7553)" → "Nature",
    /// dblp's "IEEE Trans. Pattern Anal. Mach. Intell. 45(3)" → "IEEE Trans. Pattern Anal. Mach. Intell.", "Advances in
    /// neural information processing systems 28" → "… systems"; a year at the end ("CVPR 2024") stays for the venue's reading.
    /// </summary>
    public static string WithoutVolume(string text)
    {
        var trimmed = text.TrimEnd();
        var open = trimmed.EndsWith(')') ? trimmed.LastIndexOf('(') : -1;
        var issue = open > 0 && open < trimmed.Length - 2 && trimmed[(open + 1)..^1].All(char.IsAsciiDigit);
        var head = issue ? trimmed[..open].TrimEnd() : trimmed;
        var space = head.LastIndexOf(' ');
        var number = space > 0 ? head[(space + 1)..] : string.Empty;
        var year = !issue && number.Length == 4 && number[0] is '1' or '2';
        return number.Length > 0 && number.All(char.IsAsciiDigit) && !year ? head[..space] : trimmed;
    }

    private static string Clean(string text, bool keepArticle)
    {
        var name = ParenthesisPattern().Replace(text, " ");
        name = VolumePattern().Replace(name, " ");
        name = YearOrOrdinalPattern().Replace(name, " ");
        name = TrailingNumbersPattern().Replace(name, string.Empty);
        name = Spacing.Collapse(name);
        var stripped = LeadingNoisePattern().Replace(name, string.Empty);
        name = keepArticle && name.Length - stripped.Length == 4 ? name : stripped;
        name = TrailingNoisePattern().Replace(name, string.Empty);
        return name.Replace(" ,", ",", StringComparison.Ordinal).Trim();
    }

    /// <summary>True when the name reads as a journal's ("Journal of …", "… Letters", "Annals of …").</summary>
    public static bool IsJournalName(string name) => JournalWordPattern().IsMatch(name);

    /// <summary>
    /// How an unknown venue is shown: a journal by its cleaned full name, a conference by the acronym it states
    /// (<c>… Health Services (ORAHS) 2013 Conference Proceedings</c> → <c>ORAHS</c>), else the cleaned name.
    /// </summary>
    public static string Display(string text)
    {
        // "The American Naturalist" keeps its article; "The 23rd Workshop on …" does not.
        var cleaned = Clean(text, keepArticle: LeadingArticlePattern().IsMatch(text));
        var acronym = Acronym(text);
        if (acronym is not null && (cleaned.Length == 0 || !IsJournalName(cleaned)))
        {
            return acronym;
        }

        return cleaned.Length > 0 ? cleaned : text.Trim();
    }
}
