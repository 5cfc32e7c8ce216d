using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads an experience section: one entry per employer line (a heading, a bold line, or a line with a period), with the
/// title, employer, place and period told apart when one line holds them all ("**Senior Engineer**, Acme Corp, Mar 2021 –
/// present — worked on storage"), and the lines under it as title, place or highlights. A title is told by its role words
/// (<c>roleWords</c> in <c>config/vocabulary.json</c>).
/// </summary>
internal sealed partial class ExperienceReader(IReadOnlyList<string> roleWords)
{
    [GeneratedRegex(@"\s\*(?<place>[^*]{1,40})\*\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingItalicPattern();

    public List<ExperienceEntry> Read(List<MarkupLine> lines)
    {
        var entries = new List<ExperienceEntry>();
        ExperienceEntry? current = null;
        var highlights = new List<string>();
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var plain = line.Plain;
            var range = DateNotation.FindRange(plain);
            var withoutDate = range is { } r ? (plain[..r.Index] + plain[(r.Index + r.Length)..]).Trim() : plain;
            withoutDate = withoutDate.Split('\t')[0].Trim().TrimEnd('(', ' ');
            string? organization = null;
            if (line.Heading is not null || line.IsFullyBold)
            {
                organization = line.Plain;
            }
            else if ((range is not null || line.IsBullet) && ReadRoleLine(line.Text, range) is { } role)
            {
                Flush();
                current = role with { Start = range?.Start, End = range?.End };
                if (role.Highlights.Count > 0)
                {
                    highlights.AddRange(role.Highlights);
                }

                continue;
            }
            else if (range is not null && withoutDate.Length is > 1 and <= 80 && char.IsUpper(withoutDate[0]) && withoutDate.Split(' ').Length <= 10)
            {
                organization = withoutDate;
            }

            if (organization is not null)
            {
                Flush();
                current = new ExperienceEntry { Organization = OrganizationNames.Canonical(organization), Start = range?.Start, End = range?.End };
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (range is not null && withoutDate.Length <= 2)
            {
                if (current.Start is null)
                {
                    current = current with { Start = range.Value.Start, End = range.Value.End };
                }

                continue;
            }

            var lower = plain.ToLowerInvariant();
            if (lower.StartsWith("host", StringComparison.Ordinal) || lower.StartsWith("supervisor", StringComparison.Ordinal)
                || lower.StartsWith("advisor", StringComparison.Ordinal) || lower.StartsWith("mentor", StringComparison.Ordinal))
            {
                continue;
            }

            if (current.Title is null && highlights.Count == 0 && plain.Length < 160 && roleWords.Any(w => ContainsWord(lower, w)))
            {
                var (title, location) = SplitTitle(line.Text);
                current = current with { Title = title, Location = current.Location ?? location };
                continue;
            }

            if (current.Location is null && highlights.Count == 0 && LooksLikePlace(plain))
            {
                current = current with { Location = plain };
                continue;
            }

            highlights.Add(plain.TrimStart('·', '◦', ' '));
        }

        Flush();
        return entries;

        void Flush()
        {
            if (current is not null)
            {
                entries.Add(current with { Highlights = highlights.ToList() });
            }

            highlights.Clear();
            current = null;
        }
    }

    private static readonly string[] LegalSuffixes = ["Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Corp", "Corp.", "GmbH", "Co.", "S.A.", "AG", "Pte. Ltd."];

    /// <summary>
    /// A line that names both a role and an employer, in either order, with an optional place and a description after a
    /// dash: "**Senior Engineer**, Acme Corp, Mar 2021 – present — worked on storage", "Software Engineer at Globex (2019–2021)".
    /// Null when the line does not name both.
    /// </summary>
    internal ExperienceEntry? ReadRoleLine(string text, DateRange? range)
    {
        var plain = MarkupText.ToPlain(text);
        if (range is { } r && r.Index + r.Length <= plain.Length)
        {
            plain = plain[..r.Index] + " " + plain[(r.Index + r.Length)..];
        }

        string? description = null;
        foreach (var dash in new[] { " — ", " – ", " - ", " -- " })
        {
            var at = plain.IndexOf(dash, StringComparison.Ordinal);
            if (at > 0 && plain[(at + dash.Length)..].Trim().Split(' ').Length >= 3)
            {
                description = plain[(at + dash.Length)..].Trim();
                plain = plain[..at];
                break;
            }
        }

        var parts = new List<string>();
        foreach (var raw in plain.Replace(" at ", ",", StringComparison.Ordinal).Replace(" @ ", ",", StringComparison.Ordinal)
            .Split([',', '|', '\t', '(', ')', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim(' ', '.', '*', '-', '–', '—');
            if (part.Length == 0)
            {
                continue;
            }

            if (parts.Count > 0 && LegalSuffixes.Contains(part, StringComparer.Ordinal))
            {
                parts[^1] += ", " + part; // "Pika, Inc." is one employer
            }
            else
            {
                parts.Add(part);
            }
        }

        var title = parts.FirstOrDefault(p => p.Length < 80 && roleWords.Any(w => ContainsWord(p.ToLowerInvariant(), w)));
        var rest = parts.Where(p => !ReferenceEquals(p, title)).ToList();
        var organization = rest.FirstOrDefault(p => p.Length is > 1 and <= 80 && (char.IsUpper(p[0]) || char.IsDigit(p[0])) && p.Split(' ').Length <= 8);
        if (title is null || organization is null)
        {
            return null;
        }

        var place = rest.Where(p => !ReferenceEquals(p, organization)).ToList();
        return new ExperienceEntry
        {
            Organization = OrganizationNames.Canonical(organization),
            Title = title,
            Location = place.Count > 0 && place.All(LooksLikePlace) ? string.Join(", ", place) : null,
            Highlights = description is null ? [] : [description],
        };
    }

    private static (string Title, string? Location) SplitTitle(string text)
    {
        string title = text;
        string? location = null;
        var trailing = TrailingItalicPattern().Match(text);
        if (trailing.Success && LooksLikePlace(trailing.Groups["place"].Value.Trim()))
        {
            // "*Team lead of ... **Video-Ocean*** *Singapore*": the last italic run is the place.
            location = trailing.Groups["place"].Value.Trim();
            title = text[..trailing.Index];
        }
        else if (text.StartsWith('*') && !text.StartsWith("**", StringComparison.Ordinal))
        {
            var last = text.LastIndexOf('*');
            if (last > 1)
            {
                title = text[1..last];
                var after = MarkupText.ToPlain(text[(last + 1)..]).Trim();
                location = after.Length > 0 && LooksLikePlace(after) ? after : null;
            }
        }
        else if (text.Contains('\t', StringComparison.Ordinal))
        {
            var parts = text.Split('\t', StringSplitOptions.TrimEntries);
            title = parts[0];
            location = parts.Length > 1 && LooksLikePlace(MarkupText.ToPlain(parts[^1])) ? MarkupText.ToPlain(parts[^1]) : null;
        }

        title = MarkupText.ToPlain(title);
        foreach (var cut in new[] { " | ", ", supervised", ", in charge", " supervised by", ", advised" })
        {
            var at = title.IndexOf(cut, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                title = title[..at];
            }
        }

        return (title.Trim(' ', ',', '|'), location);
    }

    private static bool LooksLikePlace(string text)
    {
        var words = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return text.Length <= 40 && words.Length is > 0 and <= 5 && !text.EndsWith('.')
            && words.All(w => char.IsUpper(w[0]) || w.StartsWith('(') || w.Length <= 2);
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var afterIndex = at + word.Length;
            var after = afterIndex >= text.Length || !char.IsLetter(text[afterIndex]) || text[afterIndex] == 's';
            if (before && after)
            {
                return true;
            }

            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

}
