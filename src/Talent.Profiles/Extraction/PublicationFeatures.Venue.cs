using System.Globalization;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The venue of an entry read by its features: a bracketed tag before it, a catalog venue among the segments after its
/// title, else the words after the title that read as a venue's name.
/// </summary>
internal static partial class PublicationFeatures
{
    private sealed record VenueFound(string? Venue, int? Year, PublicationKind Kind, string Raw);

    /// <summary>The venue of the entry whose title stands between <paramref name="before"/> and <paramref name="after"/>.</summary>
    private static VenueFound? FindVenue(string before, string after, VenueCatalog venues, ExtractionVocabulary vocabulary)
    {
        // "[PPoPP'19] Authors ...": a leading tag names the venue.
        var tag = MarkupText.ToPlain(before).TrimStart();
        int? tagYear = null;
        if (tag.StartsWith('[') && tag.IndexOf(']', StringComparison.Ordinal) is var close and > 1)
        {
            var (tagged, year) = ReadTag(tag[1..close], venues);
            if (tagged is not null)
            {
                return new VenueFound(tagged.Venue, year ?? tagged.Year ?? YearIn(after), tagged.Kind, tag[..(close + 1)]);
            }

            tagYear = year;
        }

        // Lines after the title that are author lists ("E. Vilkul, A. Ivanov.") are not searched for the venue.
        var lines = after.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(MarkupText.ToPlain)
            .Where(l => AuthorList.Parse(l.Trim(' ', '.', ','), 2) is null && !(HasInitials(l) && AuthorList.Parse(l.Trim(' ', '.', ','), 1) is not null))
            .ToList();
        var plain = string.Join(" \n ", lines);
        var segments = Segments(plain);
        foreach (var segment in segments)
        {
            foreach (var bare in new[] { segment, WithoutPrefix(segment) })
            {
                // A catalog name found inside a longer one ("Ecology Letters" in "Microbial Ecology Letters") is not the venue.
                if (VenueNotation.Parse(bare, venues) is { Known: true } known && (WordCount(WithoutYear(bare)) <= 2 || venues.Find(VenueName.WithoutVolume(WithoutYear(bare))) is not null))
                {
                    return new VenueFound(known.Venue, known.Year ?? YearIn(plain) ?? tagYear, known.Kind, segment);
                }
            }
        }

        var unknown = UnknownVenue(segments, plain, vocabulary);
        return unknown is { Year: null } && tagYear is not null ? unknown with { Year = tagYear } : unknown;
    }

    /// <summary>
    /// A venue the catalog does not know: the words after the title up to the first segment that is not words (pages,
    /// volume, a DOI), with a year at its end allowed ("Applicable Algebra in Engineering, Communication and Computing 2020").
    /// </summary>
    private static VenueFound? UnknownVenue(List<string> segments, string plain, ExtractionVocabulary vocabulary)
    {
        var parts = new List<string>();
        var lineStart = true;
        foreach (var segment in segments)
        {
            // Authors before the venue on its line ("A. Smith and B. Jones. 2018 Summer Research Symposium, …") are not its name.
            var authors = lineStart && parts.Count == 0 && AuthorList.Parse(segment, 2) is not null;
            lineStart = segment == "\n";
            if (authors)
            {
                continue;
            }

            var name = WithoutYear(WithoutLeadingYear(WithoutPrefix(segment))).Trim(' ', '*', '_', ':');
            if (segment == "\n" || name.Length == 0 || !LooksLikeVenueName(name, vocabulary))
            {
                if (parts.Count > 0 || (name.Length > 0 && !name.All(c => char.IsDigit(c) || c is '–' or '-' or ':' or ' ')))
                {
                    break;
                }

                continue;
            }

            parts.Add(name);
            if (!string.Equals(name, WithoutPrefix(segment).Trim(' ', '*', '_', ':'), StringComparison.Ordinal))
            {
                break; // the year closed the venue
            }
        }

        return parts.Count == 0 ? null : new VenueFound(string.Join(", ", parts), YearIn(plain), PublicationKind.Unknown, string.Join(", ", parts));
    }

    /// <summary>"PPoPP'19", "ICLR 2025", "Doctoral Dissertation": a bracketed tag's venue and year, when it names a known venue.</summary>
    private static (VenueReading? Known, int? Year) ReadTag(string tag, VenueCatalog venues)
    {
        var apostrophe = tag.LastIndexOfAny(['\'', '’']);
        if (apostrophe > 0 && apostrophe == tag.Length - 3 && char.IsDigit(tag[^1]) && char.IsDigit(tag[^2]))
        {
            var twoDigits = int.Parse(tag.AsSpan(apostrophe + 1), CultureInfo.InvariantCulture);
            var year = twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
            return (VenueNotation.Parse(tag[..apostrophe], venues) is { Known: true } named ? named with { Year = year } : null, year);
        }

        return VenueNotation.Parse(tag, venues) is { Known: true } reading ? (reading, reading.Year) : (null, null);
    }

    /// <summary>Segments at commas, semicolons, brackets and sentence ends; a dot after an initial does not split.</summary>
    private static List<string> Segments(string text)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var split = i == text.Length || text[i] is ',' or ';' or '(' or ')' or '|' or '\n'
                || (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' ') && !(i >= 2 && char.IsUpper(text[i - 1]) && text[i - 2] is ' ' or '.'));
            if (!split)
            {
                continue;
            }

            var segment = text[start..i].Trim();
            if (segment.Length > 0)
            {
                segments.Add(segment);
            }

            if (i < text.Length && text[i] == '\n')
            {
                segments.Add("\n");
            }

            start = i + 1;
        }

        return segments;
    }

    /// <summary>
    /// Words that may name a venue the catalog does not know: capitalised, no digits, not a link's label, a publisher
    /// ("Springer Nature Switzerland", <c>publishers</c> of <c>vocabulary.json</c>), a place, a month or a volume.
    /// </summary>
    private static bool LooksLikeVenueName(string name, ExtractionVocabulary vocabulary)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 12 || name.Length > 120 || name.Any(char.IsDigit) || name.Contains("://", StringComparison.Ordinal)
            || name.StartsWith("doi", StringComparison.OrdinalIgnoreCase) || vocabulary.LinkLabels.Contains(name.ToLowerInvariant())
            || vocabulary.Publishers.Contains(name.ToLowerInvariant()) || name is "USA" or "UK" || MonthPattern().IsMatch(name) || VolumeWords.Contains(name.TrimEnd('.')))
        {
            return false;
        }

        // Venue names are capitalised ("Journal of Computational and Graphical Statistics", "mSphere"); sentences are not.
        var content = words.Where(w => !Connectors.Contains(w)).ToList();
        var capitalised = content.Count(w => char.IsUpper(w[0]) || w.Skip(1).Any(char.IsUpper));
        return content.Count > 0 && capitalised * 10 >= content.Count * 8 && (words.Length > 1 || name.Length >= 3);
    }

    /// <summary>A month alone ("Jul.", "May"): the date of the paper before its year, not its venue.</summary>
    [GeneratedRegex("^" + DateNotation.Month + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MonthPattern();

    /// <summary>A volume's, issue's or pages' label split from its number ("Vol. 2", "No. 4", "pp. 29–74"): where the venue's name ends.</summary>
    private static readonly HashSet<string> VolumeWords = new(StringComparer.OrdinalIgnoreCase) { "Vol", "Volume", "No", "Nr", "Issue", "pp", "Pages", "Art", "Suppl", "Chapter", "Ch" };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "on", "and", "in", "for", "the", "&", "de", "der", "und", "to", "with", "at" };

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A year (and an apostrophe form) at the end of a segment removed: "ICICS 2020" → "ICICS".</summary>
    private static string WithoutYear(string segment)
    {
        var text = segment.TrimEnd(' ', '.');
        if (text.Length >= 5 && YearIn(text[^4..]) is not null && (text.Length == 4 || !char.IsLetterOrDigit(text[^5])))
        {
            return text[..^4].TrimEnd(' ', ',', '\'');
        }

        return text;
    }

    /// <summary>A year numbering a meeting before its name removed: "2018 Summer Research Symposium" → "Summer Research Symposium".</summary>
    private static string WithoutLeadingYear(string segment) =>
        segment.Length > 6 && YearIn(segment[..4]) is not null && segment[4] == ' ' && char.IsUpper(segment[5]) ? segment[5..] : segment;

    /// <summary>"In Proceedings of the 24th ACM SIGPLAN Symposium on ..." → "ACM SIGPLAN Symposium on ...".</summary>
    internal static string WithoutPrefix(string segment)
    {
        var text = segment.Trim();
        foreach (var prefix in new[] { "In: ", "in: ", "In ", "in ", "Proceedings of the ", "Proceedings of ", "Proc. of the ", "Proc. ", "Accepted at ", "accepted at ", "To appear in ", "to appear in ", "the " })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
            }
        }

        var words = text.Split(' ', 2);
        if (words.Length == 2 && words[0].Length > 2 && words[0].All(char.IsDigit) == false && (words[0].EndsWith("th", StringComparison.Ordinal)
            || words[0].EndsWith("st", StringComparison.Ordinal) || words[0].EndsWith("nd", StringComparison.Ordinal) || words[0].EndsWith("rd", StringComparison.Ordinal))
            && char.IsDigit(words[0][0]))
        {
            text = words[1]; // an ordinal ("24th") numbers the meeting, not the venue
        }

        return text;
    }

    private static bool IsVenue(string text, VenueCatalog venues) => VenueNotation.Parse(WithoutPrefix(text), venues) is { Known: true };
}
