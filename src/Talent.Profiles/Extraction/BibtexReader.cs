using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a BibTeX publication list (<c>@inproceedings{key, title={..}, author={A and B}, booktitle={..}, year={2023}}</c>)
/// into publications with canonical venue and year. The list's owner is the author met most often; with a
/// single entry, its first author.
/// </summary>
internal static partial class BibtexReader
{
    /// <summary>More entries than this are not a person's publication list.</summary>
    public const int MaxEntries = 5_000;

    private static readonly HashSet<string> SkippedTypes = new(StringComparer.OrdinalIgnoreCase) { "comment", "string", "preamble" };

    [GeneratedRegex(@"@(?<type>[A-Za-z]{2,20})\s*[{(]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EntryStartPattern();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AndPattern();

    [GeneratedRegex(@"(?:19|20)\d{2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearPattern();

    /// <summary>True when plain text is recognisably a BibTeX file: entries of the form <c>@type{key,</c>.</summary>
    public static bool LooksLikeBibtex(string content)
    {
        var sample = content.Length > 20_000 ? content[..20_000] : content;
        var entries = EntryStartPattern().Matches(sample).Count(m => !SkippedTypes.Contains(m.Groups["type"].Value));
        var fields = sample.Contains('=', StringComparison.Ordinal) && sample.Contains("title", StringComparison.OrdinalIgnoreCase);
        return fields && (entries >= 2 || (entries == 1 && sample.TrimStart().StartsWith('@')));
    }

    public static ExtractedProfile? Read(string content, ProfileCatalogs catalogs)
    {
        var entries = Entries(content).Take(MaxEntries).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var drafts = entries.Select(e => (Fields: e, Authors: Authors(e.GetValueOrDefault("author") ?? string.Empty))).ToList();
        var person = Owner(drafts.Select(d => d.Authors).ToList());
        var publications = new List<Publication>();
        foreach (var (fields, authors) in drafts)
        {
            var title = Clean(fields.GetValueOrDefault("title") ?? string.Empty).TrimEnd('.');
            if (title.Length == 0)
            {
                continue;
            }

            var year = fields.GetValueOrDefault("year") is { } y && YearPattern().Match(y) is { Success: true } ym
                ? int.Parse(ym.Value, CultureInfo.InvariantCulture)
                : (int?)null;
            var venueRaw = Clean(fields.GetValueOrDefault("booktitle") ?? fields.GetValueOrDefault("journal") ?? fields.GetValueOrDefault("howpublished") ?? string.Empty);
            if (venueRaw.Length == 0 && fields.GetValueOrDefault("archiveprefix") is { } archive && archive.Contains("arxiv", StringComparison.OrdinalIgnoreCase))
            {
                venueRaw = "arXiv";
            }

            var reading = venueRaw.Length > 0 ? VenueNotation.Parse(venueRaw, catalogs.Venues) : null;
            var position = AuthorList.PositionOf(person, authors);
            publications.Add(new Publication
            {
                Title = title,
                Authors = authors,
                Venue = reading?.Venue ?? (venueRaw.Length > 0 ? venueRaw : null),
                VenueRaw = venueRaw.Length > 0 ? venueRaw : null,
                Year = year ?? reading?.Year,
                Kind = reading?.Kind ?? PublicationKind.Unknown,
                Awards = reading?.Awards ?? [],
                AuthorPosition = position,
                FirstAuthor = position == 1,
            });
        }

        var topics = new List<string>();
        foreach (var topic in publications.Select(p => p.Title).Concat(entries.Select(e => Clean(e.GetValueOrDefault("keywords") ?? string.Empty))).SelectMany(catalogs.Topics.FindIn))
        {
            if (!topics.Contains(topic, StringComparer.Ordinal))
            {
                topics.Add(topic);
            }
        }

        return new ExtractedProfile { Name = person, Publications = publications, Topics = topics };
    }

    /// <summary>The author met most often; a tie among several entries names nobody.</summary>
    internal static string? Owner(IReadOnlyList<IReadOnlyList<string>> authorLists)
    {
        if (authorLists.Count == 1)
        {
            return authorLists[0].Count > 0 ? authorLists[0][0] : null;
        }

        var counts = authorLists.SelectMany(a => a.Select(AuthorList.SortedKey).Distinct(StringComparer.Ordinal))
            .GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        if (counts.Count == 0 || counts[0].Count < 2 || (counts.Count > 1 && counts[1].Count == counts[0].Count))
        {
            return null;
        }

        // The fullest spelling of the owner's name ("Xiaoming Wang" over "X. Wang" would need initials matching; the keys agree here).
        return authorLists.SelectMany(a => a).First(a => string.Equals(AuthorList.SortedKey(a), counts[0].Key, StringComparison.Ordinal));
    }

    /// <summary>"Wang, Xiaoming and Álvarez-Núñez, José and others" → ["Xiaoming Wang", "José Álvarez-Núñez"].</summary>
    internal static IReadOnlyList<string> Authors(string field)
    {
        var names = new List<string>();
        foreach (var part in AndPattern().Split(Clean(field)))
        {
            var name = part.Trim();
            if (name.Length == 0 || string.Equals(name, "others", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var pieces = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            name = pieces.Length switch
            {
                2 => pieces[1] + " " + pieces[0],
                3 => pieces[2] + " " + pieces[0] + " " + pieces[1],
                _ => name,
            };
            names.Add(AuthorList.CleanName(name));
        }

        return names;
    }

    private static string Clean(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var text = value.Contains('\\', StringComparison.Ordinal) || value.Contains('{', StringComparison.Ordinal)
            ? MarkupText.ToPlain(LatexText.ToMarkdown(value))
            : value;
        return string.Join(' ', text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static IEnumerable<Dictionary<string, string>> Entries(string content)
    {
        foreach (Match start in EntryStartPattern().Matches(content))
        {
            if (SkippedTypes.Contains(start.Groups["type"].Value))
            {
                continue;
            }

            var at = start.Index + start.Length;
            var comma = content.IndexOf(',', at);
            if (comma < 0)
            {
                yield break;
            }

            at = comma + 1;
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (at < content.Length)
            {
                while (at < content.Length && (char.IsWhiteSpace(content[at]) || content[at] == ','))
                {
                    at++;
                }

                if (at >= content.Length || content[at] is '}' or ')' or '@')
                {
                    break;
                }

                var nameStart = at;
                while (at < content.Length && (char.IsLetterOrDigit(content[at]) || content[at] is '_' or '-'))
                {
                    at++;
                }

                var name = content[nameStart..at];
                while (at < content.Length && char.IsWhiteSpace(content[at]))
                {
                    at++;
                }

                if (name.Length == 0 || at >= content.Length || content[at] != '=')
                {
                    break;
                }

                at++;
                var value = ReadValue(content, ref at);
                fields.TryAdd(name, value);
            }

            if (fields.Count > 0)
            {
                yield return fields;
            }
        }
    }

    private static string ReadValue(string content, ref int at)
    {
        var value = new StringBuilder();
        while (at < content.Length)
        {
            while (at < content.Length && char.IsWhiteSpace(content[at]))
            {
                at++;
            }

            if (at >= content.Length)
            {
                break;
            }

            if (content[at] == '{')
            {
                var depth = 0;
                var start = at;
                for (; at < content.Length; at++)
                {
                    if (content[at] == '{')
                    {
                        depth++;
                    }
                    else if (content[at] == '}' && --depth == 0)
                    {
                        break;
                    }
                }

                value.Append(content, start + 1, Math.Max(0, Math.Min(at, content.Length) - start - 1));
                at++;
            }
            else if (content[at] == '"')
            {
                var close = content.IndexOf('"', at + 1);
                close = close < 0 ? content.Length : close;
                value.Append(content, at + 1, close - at - 1);
                at = close + 1;
            }
            else
            {
                var start = at;
                while (at < content.Length && (char.IsLetterOrDigit(content[at]) || content[at] is '_' or '-' or '.' or ':'))
                {
                    at++;
                }

                value.Append(content, start, at - start);
                if (at == start)
                {
                    break;
                }
            }

            while (at < content.Length && char.IsWhiteSpace(content[at]))
            {
                at++;
            }

            // String concatenation: "Proc. of " # conf.
            if (at < content.Length && content[at] == '#')
            {
                at++;
                continue;
            }

            break;
        }

        return value.ToString();
    }
}
