using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Small readings of a publication entry's text: its number, its title cleaned, whether bold marks a title, the authors
/// under the title, the owner's author position.
/// </summary>
internal static partial class PublicationNotation
{
    /// <summary>An entry's number before it: "[C1]", "[J12]", "[c3]" (dblp), "[1]"; not a link's text, not a year.</summary>
    [GeneratedRegex(@"^\[(?:[A-Za-z]{1,3}[.-]?\d{1,4}|\d{1,3})\]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EntryNumberPattern();

    /// <summary>The entry's text without its number ("[C1] A. Author, ...": the number is no part of the authors).</summary>
    internal static string WithoutNumber(string text) =>
        EntryNumberPattern().Match(text) is { Success: true } number && !text.AsSpan(number.Length).StartsWith("(") ? text[number.Length..].TrimStart() : text;

    /// <summary>
    /// The authors on a line of their own under the title ("Title" / "**Jane Roe**, Alan Turing" / "*CVPR*, 2024"): the
    /// first line after it that is a list of two or more people, or the owner alone.
    /// </summary>
    internal static IReadOnlyList<string>? AuthorsUnder(string after, string? owner) => AuthorLineUnder(after, owner)?.Names;

    /// <summary><see cref="AuthorsUnder"/>, with the line they were read from (as plain text, its "et al." or ellipsis kept).</summary>
    internal static (IReadOnlyList<string> Names, string Line)? AuthorLineUnder(string after, string? owner)
    {
        foreach (var line in after.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(3))
        {
            var written = MarkupText.ToPlain(line);
            var plain = written.Trim(' ', '.', ',');
            if (AuthorList.Parse(plain, 2) is { } several)
            {
                return (several, written);
            }

            // Authors, then the venue on the same line: "A. Smith and B. Jones. 2018 Summer Research Symposium, …".
            if (AuthorsOpening(written) is { } opening && AuthorList.Parse(opening.Trim(' ', ','), 2) is { } leading)
            {
                return (leading, opening);
            }

            if (owner is not null && (AuthorList.Parse(plain, 1) is [var one] ? one : AuthorList.OwnerWithBareInitials(plain, owner)) is { } alone
                && AuthorList.PositionOf(owner, [alone]) == 1)
            {
                return ([alone], written);
            }
        }

        return null;
    }

    /// <summary>A line's first sentence when more follows it; a stop after an initial ("J. Smith") does not end it.</summary>
    private static string? AuthorsOpening(string line)
    {
        for (var i = 2; i < line.Length - 2; i++)
        {
            if (line[i] == '.' && line[i + 1] == ' ' && !(char.IsUpper(line[i - 1]) && line[i - 2] is ' ' or '.' or '-'))
            {
                return line[..i];
            }
        }

        return null;
    }

    internal static Publication WithAuthors(Publication publication, IReadOnlyList<string> authors, string? person, string? rawText = null)
    {
        var position = AuthorList.PositionOf(person, authors);
        var firstAuthor = position == 1;
        if (position is > 1 && rawText is not null)
        {
            // Equal contribution: "Xiangyu Yue*, Zangwei Zheng*" makes both first authors.
            var parts = rawText.Split(',');
            firstAuthor = parts.Length >= position && AuthorList.HasEqualContributionMark(parts[0]) && AuthorList.HasEqualContributionMark(parts[position.Value - 1]);
        }

        return publication with { Authors = authors, AuthorPosition = position, FirstAuthor = firstAuthor, MoreAuthors = authors.Count > 0 && AuthorList.EndsOpen(rawText) };
    }

    /// <summary>"**Title** Authors **Venue**" or "Title** Authors": bold marks a title, not an author ("**Ada Lovelace**, Alan Turing").</summary>
    internal static bool LooksLikeTitleThenRest(string text)
    {
        if (CountOf(text, "**") % 2 == 1)
        {
            return true;
        }

        if (!text.StartsWith("**", StringComparison.Ordinal))
        {
            return false;
        }

        var close = text.IndexOf("**", 2, StringComparison.Ordinal);
        var rest = close > 2 ? text[(close + 2)..].TrimStart() : string.Empty;
        return rest.Length > 0 && !rest.StartsWith(',');
    }

    internal static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    internal static string CleanTitle(string title)
    {
        var plain = MarkupText.ToPlain(title).Trim().TrimEnd('\\', '.', ',', ' ', ':');

        // "\"Parallel Python for Agent-Based Modeling.\"": quotes around the whole title are the citation style's, not the title's.
        if (plain.Length > 2 && plain[0] is '"' or '“' && plain[^1] is '"' or '”' && plain.AsSpan(1, plain.Length - 2).IndexOfAny('"', '“', '”') < 0)
        {
            plain = plain[1..^1].Trim().TrimEnd('.', ',', ' ', ':');
        }

        return string.Join(' ', plain.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
