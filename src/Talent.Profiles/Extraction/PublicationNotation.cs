namespace Talent.Profiles.Extraction;

/// <summary>Small readings of a publication entry's text: its title cleaned, whether bold marks a title, the owner's author position.</summary>
internal static class PublicationNotation
{
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

        return publication with { Authors = authors, AuthorPosition = position, FirstAuthor = firstAuthor };
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
        return string.Join(' ', plain.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
