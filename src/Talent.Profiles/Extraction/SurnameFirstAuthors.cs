namespace Talent.Profiles.Extraction;

/// <summary>
/// An author list written surname first at the opening of an entry ("Schneider, A. D.; Dullemond, C. P. Title. …"),
/// where no year in parentheses marks its end: the initials' full stops are also sentence ends, so the list ends at the
/// last one up to which the text still reads as that list (<see cref="AuthorList.ParseInverted"/>).
/// </summary>
internal static class SurnameFirstAuthors
{
    /// <summary>
    /// Where an author list written surname first ("Schneider, A. D.; Dullemond, C. P.") ends, when the text opens with
    /// one: after the full stop of its last initial up to which the text still reads as that list, and after what styles
    /// set between the list and the title — a colon ("Roe, J., Turing, A.: Title", Springer's), a year ("Roe, J. and
    /// Turing, A., 2023. Title", Harvard's; "(2023)."), or a space.
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
        for (var i = text.IndexOf('.', StringComparison.Ordinal); i > 0 && i < MaxAuthorText && stops < MaxStops; i = text.IndexOf('.', i + 1))
        {
            stops++;
            if (!char.IsUpper(text[i - 1]) || (i >= 2 && char.IsLetter(text[i - 2])) || i + 1 >= text.Length || text[i + 1] is not (' ' or ':' or ','))
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

            end = i + 1;
        }

        return end is { } last ? AfterSeparator(text, last) : null;
    }

    /// <summary>Past a colon, a year (", 2023." or " (2023).") and the spaces between an author list and its title.</summary>
    private static int AfterSeparator(string text, int at)
    {
        var rest = text.AsSpan(at);
        var skipped = rest.Length - rest.TrimStart(" :").Length;
        var afterYear = rest[skipped..].TrimStart(", (");
        if (afterYear.Length >= 5 && afterYear[..4].IndexOfAnyExceptInRange('0', '9') < 0 && afterYear[4] is ')' or '.' or ',' or ':')
        {
            var tail = afterYear[4..].TrimStart(").,: ");
            skipped = rest.Length - tail.Length;
        }

        return at + skipped;
    }

    /// <summary>
    /// "Roe, Jane, and Alan Turing", "Roe, Jane and Alan Turing", "Roe, Jane": the lists of MLA and Chicago style, whose
    /// first author is written surname first with the given name whole and the others as they are spoken.
    /// </summary>
    public static IReadOnlyList<string>? FirstInverted(string text)
    {
        if (text.Contains("; ", StringComparison.Ordinal))
        {
            return EachInverted(text);
        }

        var comma = text.IndexOf(", ", StringComparison.Ordinal);
        if (comma is < 2 or > 40)
        {
            return null;
        }

        var rest = text[(comma + 2)..];
        var and = rest.IndexOf(" and ", StringComparison.Ordinal);
        var next = rest.IndexOf(',', StringComparison.Ordinal);
        var stop = next < 0 ? and : and < 0 ? next : Math.Min(next, and);
        if (SpokenOrder(text[..comma], stop < 0 ? rest : rest[..stop]) is not { } first)
        {
            return null;
        }

        if (stop < 0)
        {
            return [first];
        }

        var others = rest[stop..].TrimStart(',', ' ');
        others = others.StartsWith("and ", StringComparison.Ordinal) ? others[4..] : others;
        return AuthorList.Parse(others, 1) is { } parsed ? [first, .. parsed] : null;
    }

    /// <summary>"TURING, Alan; ROE, Jane": every author surname first with the whole given name, apart by semicolons (ABNT's style).</summary>
    private static List<string>? EachInverted(string text)
    {
        var names = new List<string>();
        foreach (var part in text.Split("; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(", ", StringComparison.Ordinal);
            if (comma is < 2 or > 40 || part.IndexOf(',', comma + 1) >= 0 || SpokenOrder(part[..comma], part[(comma + 2)..]) is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        return names.Count == 0 ? null : names;
    }

    /// <summary>
    /// "Roe" and "Jane" as the name is spoken ("Jane Roe"), or null when they do not make one; a given name of initials
    /// ("J.") is left to <see cref="End"/>, which reads lists of them.
    /// </summary>
    private static string? SpokenOrder(string surname, string given) =>
        given.Contains('.', StringComparison.Ordinal) ? null : AuthorList.AsPersonName(given.Trim() + " " + surname.Trim());

    /// <summary>"Schneider, A. D.…": a word, a comma, then an initial.</summary>
    private static bool OpensSurnameFirst(string plain)
    {
        var comma = plain.IndexOf(", ", StringComparison.Ordinal);
        return comma is > 1 and < 40 && comma + 3 < plain.Length && char.IsUpper(plain[comma + 2]) && plain[comma + 3] is '.' or '-';
    }
}
