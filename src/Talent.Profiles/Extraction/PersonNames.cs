using System.Globalization;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>The owner's name where pages state it outside a heading: a page title ("Jane Roe's CV", "About Jane Roe",
/// "Jane Roe | Homepage") or a sentence ("My name is Jane Roe", "Hi, I'm Jane Roe").</summary>
internal static partial class PersonNames
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " · ", " :: ", ": ", " / "];

    private static readonly string[] PossessiveSuffixes = ["'s ", "’s ", "'s", "’s"];

    [GeneratedRegex(@"\b(?:[Mm]y name is|I am|I'm|I’m|[Tt]his is|Hi,? I am|Hello,? I am)\s+(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IntroductionPattern();

    /// <summary>The person a page title names, or null; <paramref name="leadIns"/> ("about", "homepage of") are dropped in order from each part's start.</summary>
    public static string? FromTitle(string? title, IReadOnlyList<string> leadIns)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            return null;
        }

        foreach (var part in title.Split(TitleSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var text = part;
            foreach (var word in leadIns)
            {
                if (text.Length > word.Length && text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && text[word.Length] == ' ')
                {
                    text = text[(word.Length + 1)..];
                }
            }

            foreach (var suffix in PossessiveSuffixes)
            {
                var at = text.IndexOf(suffix, StringComparison.Ordinal);
                if (at > 0)
                {
                    text = text[..at];
                    break;
                }
            }

            if (AuthorList.AsPersonName(text.Trim()) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A line without the emoji and marks around it ("🕵️‍♂️ OLEKSII HLUSHKOV", "Jane Roe 👋"): pictographs, their joiners
    /// and variation selectors, and other symbols at either end.
    /// </summary>
    internal static string WithoutSymbols(string text)
    {
        var start = 0;
        while (start < text.Length && IsMark(text, start))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsMark(text, end - 1))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];

        static bool IsMark(string text, int i) => char.IsWhiteSpace(text[i]) || char.IsSurrogate(text[i])
            || char.GetUnicodeCategory(text[i]) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.MathSymbol
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;
    }

    /// <summary>A name introduced in a sentence ("My name is Jane Roe."), or null.</summary>
    public static string? FromIntroduction(string line)
    {
        if (line.Length > 2_000)
        {
            line = line[..2_000];
        }

        var match = IntroductionPattern().Match(line);
        return match.Success ? AuthorList.AsPersonName(match.Groups["name"].Value) : null;
    }

    /// <summary>
    /// The owner of a publication list that never states a name: people bold their own name in author lists, so the
    /// full name set in bold in two or more author lines ("**Jane Roe** and Bob Smith.", "**Jane Roe**, Bob Smith, …").
    /// </summary>
    public static string? FromBoldAuthors(IEnumerable<MarkupLine> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Text.Contains("**", StringComparison.Ordinal)).Take(5_000))
        {
            var text = line.Text;
            var start = text.IndexOf("**", StringComparison.Ordinal);
            while (start >= 0)
            {
                var end = text.IndexOf("**", start + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                var rest = text[(end + 2)..].TrimStart();
                var bold = Candidate(text[(start + 2)..end]);
                var inAuthorList = rest.StartsWith(',') || rest.StartsWith("and ", StringComparison.Ordinal) || text[..start].TrimEnd().EndsWith(',');
                if (inAuthorList && bold.Split(' ').Length >= 2 && bold.Split(' ').All(w => w.Length > 1 && char.IsUpper(w[0]) && !w.EndsWith('.'))
                    && AuthorList.LooksLikeName(bold, allowSingle: false))
                {
                    counts[bold] = counts.GetValueOrDefault(bold) + 1;
                }

                start = text.IndexOf("**", end + 2, StringComparison.Ordinal);
            }
        }

        return counts.Where(c => c.Value >= 2).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).FirstOrDefault();

        static string Candidate(string bold)
        {
            var open = bold.IndexOf('(', StringComparison.Ordinal);
            return (open > 0 ? bold[..open] : bold).Trim(' ', ',', '*', '†', '‡', '#', '.');
        }
    }

    /// <summary>Lines a document's first title heading may come after (a sidebar of contact details, skills and languages).</summary>
    private const int OpeningLinesForTitle = 80;

    /// <summary>
    /// The name a document opens with: one of its first three lines that is a person's name (a heading or a line of its
    /// own), else its first title heading when that is a name (a two-column CV reads its sidebar first), else an
    /// introduction near the top ("Hi, I'm Jane Roe", "My name is Jane Roe").
    /// </summary>
    /// <remarks>
    /// With the name, its other form when written beside it in brackets ("Wei Zhang (张伟)"). A line that
    /// <paramref name="namesSomethingElse"/> (a section heading such as "職務経歴", an institution such as "Université
    /// Paris Cité") is not the owner's name, however much it looks like one; nor is a heading below the title that
    /// <paramref name="namesSection"/> ("## Employment History"), nor a line other than the title that
    /// <paramref name="namesRole"/> ("Postdoctoral Researcher").
    /// </remarks>
    public static (string Name, string? Alternate)? FromOpeningLines(
        IReadOnlyList<MarkupLine> lines, Func<string, bool> namesSomethingElse, Func<string, bool>? namesSection = null, Func<string, bool>? namesRole = null)
    {
        var seen = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            // A heading under the title that names a kind of section ("## Employment History") is that section's, whatever
            // it looks like; the title itself may hold such a word ("# Vera Preprint").
            var section = line.HeadingLevel >= 2 && namesSection?.Invoke(line.Heading ?? string.Empty) == true;
            // A title heading set about with emoji ("# 🕵️‍♂️ OLEKSII HLUSHKOV") names its owner without them.
            var text = line.HeadingLevel == 1 ? WithoutSymbols(line.Heading ?? line.Plain) : line.Heading ?? line.Plain;
            // A job title set apart under the title or in its place ("#### Postdoctoral Researcher") is no name; a title
            // heading is one even when its last word is a role's ("# Jane Head").
            if (!section && AuthorList.AsPersonName(text) is { } name && !namesSomethingElse(name) && !(line.HeadingLevel != 1 && namesRole?.Invoke(name) == true))
            {
                return (name, AuthorList.AlternateOf(text));
            }

            if (++seen >= 3)
            {
                break;
            }
        }

        // The document's title heading further down: a two-column CV whose sidebar (contact, skills, languages) is read first.
        if (lines.Take(OpeningLinesForTitle).FirstOrDefault(l => l.HeadingLevel == 1) is { Heading: { } title }
            && AuthorList.AsPersonName(title) is { } titled && !namesSomethingElse(titled))
        {
            return (titled, AuthorList.AlternateOf(title));
        }

        // "Hi, I'm Jane Roe", "My name is Jane Roe": an introduction near the top.
        foreach (var line in lines.Take(40))
        {
            if (line.Plain.Length > 8 && FromIntroduction(line.Plain) is { } introduced && !namesSomethingElse(introduced))
            {
                return (introduced, null);
            }
        }

        return null;
    }
}
