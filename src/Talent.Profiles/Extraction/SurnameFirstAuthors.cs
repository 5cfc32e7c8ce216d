namespace Talent.Profiles.Extraction;

/// <summary>
/// An author list written surname first at the opening of an entry ("Schneider, A. D.; Dullemond, C. P. Title. …"),
/// where no year in parentheses marks its end: the initials' full stops are also sentence ends, so the list ends at the
/// last one up to which the text still reads as that list (<see cref="AuthorList.ParseInverted"/>).
/// </summary>
internal static class SurnameFirstAuthors
{
    /// <summary>
    /// Where an author list written surname first ("Schneider, A. D.; Dullemond, C. P.") ends, at the full stop of an
    /// initial, when the text opens with one: the last such stop up to which the text still reads as that list.
    /// </summary>
    public static int? End(string text)
    {
        const int MaxAuthorText = 600; // the lists read here are a line's opening; each stop reads the text before it again
        const int MaxStops = 60; // initials of some twenty authors
        if (!OpensSurnameFirst(MarkupText.ToPlain(text[..Math.Min(text.Length, 80)])))
        {
            return null;
        }

        int? end = null;
        var stops = 0;
        for (var i = text.IndexOf(". ", StringComparison.Ordinal); i > 0 && i < MaxAuthorText && stops < MaxStops; i = text.IndexOf(". ", i + 1, StringComparison.Ordinal))
        {
            stops++;
            if (!char.IsUpper(text[i - 1]) || (i >= 2 && char.IsLetter(text[i - 2])))
            {
                continue; // not an initial's stop
            }

            if (AuthorList.ParseInverted(MarkupText.ToPlain(text[..(i + 1)])) is null)
            {
                if (end is not null)
                {
                    break;
                }

                continue;
            }

            end = i + 2;
        }

        return end;
    }

    /// <summary>"Schneider, A. D.…": a word, a comma, then an initial.</summary>
    private static bool OpensSurnameFirst(string plain)
    {
        var comma = plain.IndexOf(", ", StringComparison.Ordinal);
        return comma is > 1 and < 40 && comma + 3 < plain.Length && char.IsUpper(plain[comma + 2]) && plain[comma + 3] is '.' or '-';
    }
}
