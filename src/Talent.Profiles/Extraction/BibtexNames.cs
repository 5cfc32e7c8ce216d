using System.Globalization;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Author names of BibTeX fields: <c>Last, First and Last, Jr, First and First Last and others</c>, split on
/// <c>and</c> outside braces (<c>{Barnes and Noble}</c> is one name), accents and braces resolved. Each author has a
/// key, family name and first initial, so that "Poon, A", "Poon, Art" and "Art F. Y. Poon" count as one person.
/// </summary>
internal static class BibtexNames
{
    /// <summary>More authors than this in one entry are a consortium list; the rest are not read.</summary>
    private const int MaxAuthors = 500;

    internal readonly record struct Author(string Name, string Key, int GivenLength);

    public static IReadOnlyList<Author> Authors(string field)
    {
        var authors = new List<Author>();
        foreach (var part in SplitOnAnd(field))
        {
            var text = BibtexReader.Clean(part).Trim().Trim(',');
            if (text.Length == 0 || string.Equals(text, "others", StringComparison.OrdinalIgnoreCase) || authors.Count >= MaxAuthors)
            {
                continue;
            }

            var pieces = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var (given, family) = pieces.Length switch
            {
                2 => (pieces[1], pieces[0]),
                >= 3 => (pieces[2], pieces[0] + " " + pieces[1]),
                _ => SplitFirstLast(text),
            };
            var name = AuthorList.CleanName((given + " " + family).Trim());
            if (name.Length > 0)
            {
                authors.Add(new Author(name, KeyOf(given, family), given.Length));
            }
        }

        return authors;
    }

    /// <summary>Positions biblatex marks in <c>author+an = {1=highlight;3=dagger}</c> as the highlighted author (the owner).</summary>
    public static string? Highlighted(string? annotation, IReadOnlyList<Author> authors)
    {
        if (annotation is null)
        {
            return null;
        }

        foreach (var item in annotation.Split(';', StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && item[(equals + 1)..].Contains("highlight", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(item[..equals].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && position >= 1 && position <= authors.Count)
            {
                return authors[position - 1].Key;
            }
        }

        return null;
    }

    /// <summary>
    /// The list's owner: the author biblatex highlights most often; else the author in most entries when that is at
    /// least two and no other ties it; with a single entry, its first author. The name is the owner's fullest spelling.
    /// </summary>
    public static (string Key, string Name)? Owner(IReadOnlyList<IReadOnlyList<Author>> authorLists, IReadOnlyList<string?> highlighted)
    {
        string? key = highlighted.OfType<string>().GroupBy(k => k, StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        if (key is null && authorLists.Count == 1)
        {
            key = authorLists[0].Count > 0 ? authorLists[0][0].Key : null;
        }

        if (key is null)
        {
            var counts = authorLists.SelectMany(a => a.Select(x => x.Key).Distinct(StringComparer.Ordinal))
                .GroupBy(k => k, StringComparer.Ordinal)
                .Select(g => (Key: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count)
                .Take(2)
                .ToList();
            if (counts.Count == 0 || counts[0].Count < 2 || (counts.Count > 1 && counts[1].Count == counts[0].Count))
            {
                return null;
            }

            key = counts[0].Key;
        }

        var fullest = authorLists.SelectMany(a => a).Where(a => string.Equals(a.Key, key, StringComparison.Ordinal)).MaxBy(a => a.GivenLength);
        return fullest.Name is null ? null : (key, fullest.Name);
    }

    /// <summary>
    /// The owner's name as a reference manager's header states it (BibDesk: <c>%% Created for Arthur Poon at 2018-11-01</c>),
    /// when it is the same family name and initial as the owner found in the entries; else null.
    /// </summary>
    public static string? StatedOwner(string content, string ownerKey)
    {
        const string marker = "Created for ";
        var header = content.AsSpan(0, Math.Min(content.Length, 2_000));
        var at = header.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var line = header[(at + marker.Length)..];
        var end = line.IndexOfAny('\n', '\r');
        line = end >= 0 ? line[..end] : line;
        var atWord = line.IndexOf(" at ", StringComparison.Ordinal);
        var stated = (atWord >= 0 ? line[..atWord] : line).Trim().ToString();
        var (given, family) = SplitFirstLast(stated);
        return stated.Length is > 2 and < 80 && string.Equals(KeyOf(given, family), ownerKey, StringComparison.Ordinal) ? stated : null;
    }

    private static (string Given, string Family) SplitFirstLast(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? (string.Empty, name) : (name[..space], name[(space + 1)..]);
    }

    private static string KeyOf(string given, string family)
    {
        var initial = CatalogKey.Of(given) is { Length: > 0 } g ? g[..1] : string.Empty;
        return CatalogKey.Of(family) + "|" + initial;
    }

    /// <summary>Splits on the word "and" (any case) between blanks, outside braces.</summary>
    private static List<string> SplitOnAnd(string field)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < field.Length
                && (field[i + 1] | 0x20) == 'a' && (field[i + 2] | 0x20) == 'n' && (field[i + 3] | 0x20) == 'd' && char.IsWhiteSpace(field[i + 4]))
            {
                parts.Add(field[start..i]);
                start = i + 4;
                i += 3;
            }
        }

        parts.Add(field[start..]);
        return parts;
    }
}
