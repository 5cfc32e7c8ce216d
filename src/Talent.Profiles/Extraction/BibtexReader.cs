using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a BibTeX or biblatex publication list (<c>@inproceedings{key, title={..}, author={A and B}, booktitle={..},
/// year={2023}}</c>) into publications with canonical venue and year, and the abstract an entry gives: every entry is one
/// publication (theses and preprints included). The list's owner is the author met most often, or the one biblatex marks
/// (<c>author+an = {1=highlight}</c>); with a single entry, its first author.
/// </summary>
internal static partial class BibtexReader
{
    /// <summary>More entries than this are not a person's publication list.</summary>
    public const int MaxEntries = 5_000;

    private static readonly HashSet<string> ThesisTypes = new(StringComparer.Ordinal) { "phdthesis", "mastersthesis", "thesis", "bachelorsthesis" };

    private static readonly HashSet<string> JournalTypes = new(StringComparer.Ordinal) { "article", "periodical", "suppperiodical" };

    [GeneratedRegex(@"@(?<type>[A-Za-z]{2,20})\s*[{(]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EntryStartPattern();

    [GeneratedRegex(@"(?:19|20)\d{2}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex YearPattern();

    /// <summary>ACM's <c>series = {DLS 2020}</c>, <c>{Programming '19}</c>: the venue's short name and year.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9&/+\-]{1,20}(?: [A-Za-z][A-Za-z0-9&/+\-]{1,20})?\s?(?:'|’)?\s?(?:\d{2}|(?:19|20)\d{2})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SeriesPattern();

    /// <summary>True when plain text is recognisably a BibTeX file: entries of the form <c>@type{key,</c>.</summary>
    public static bool LooksLikeBibtex(string content)
    {
        var sample = content.Length > 20_000 ? content[..20_000] : content;
        var entries = EntryStartPattern().Matches(sample).Count(m => m.Groups["type"].Value.ToLowerInvariant() is not ("comment" or "string" or "preamble"));
        var fields = sample.Contains('=', StringComparison.Ordinal) && sample.Contains("title", StringComparison.OrdinalIgnoreCase);
        return fields && (entries >= 2 || (entries == 1 && sample.TrimStart().StartsWith('@')));
    }

    public static ExtractedProfile? Read(string content, ProfileCatalogs catalogs)
    {
        var entries = BibtexEntries.Read(content).Take(MaxEntries).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var authorLists = entries.Select(e => BibtexNames.Authors(e.Field("author") ?? e.Field("editor") ?? string.Empty)).ToList();
        var highlighted = entries.Select((e, i) => BibtexNames.Highlighted(e.Field("author+an"), authorLists[i])).ToList();
        var owner = BibtexNames.Owner(authorLists, highlighted);
        var name = owner is null ? null : BibtexNames.StatedOwner(content, owner.Value.Key) ?? owner.Value.Name;
        var publications = new List<Publication>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (ReadEntry(entries[i], authorLists[i], owner?.Key, catalogs.Venues) is { } publication)
            {
                publications.Add(publication);
            }
        }

        var topics = catalogs.Topics.Stated(
            publications.Select(p => new TopicStatement(p.Title, TopicEvidenceKind.Title))
                .Concat(entries.Select(e => new TopicStatement(Clean(e.Field("keywords") ?? string.Empty), TopicEvidenceKind.Keywords))),
            publications.Select(p => p.Abstract).OfType<string>());
        return new ExtractedProfile { Name = name, Publications = publications, Topics = TopicEvidence.TopicsOf(topics), TopicEvidence = topics };
    }

    private static Publication? ReadEntry(BibtexEntry entry, IReadOnlyList<BibtexNames.Author> authors, string? ownerKey, VenueCatalog venues)
    {
        var title = Clean(entry.Field("title") ?? string.Empty).TrimEnd('.');
        var (venueRaw, reading) = Venue(entry, venues);
        if (title.Length == 0 && venueRaw is null)
        {
            return null;
        }

        var year = (entry.Field("year") ?? entry.Field("date")) is { } y && YearPattern().Match(y) is { Success: true } ym
            ? int.Parse(ym.Value, System.Globalization.CultureInfo.InvariantCulture)
            : (int?)null;
        int? position = null;
        for (var i = 0; ownerKey is not null && i < authors.Count; i++)
        {
            if (string.Equals(authors[i].Key, ownerKey, StringComparison.Ordinal))
            {
                position = i + 1;
                break;
            }
        }

        var kind = reading?.Kind ?? PublicationKind.Unknown;
        return new Publication
        {
            Title = title.Length > 0 ? title : venueRaw ?? string.Empty,
            Authors = authors.Select(a => a.Name).ToList(),
            Venue = reading?.Venue,
            VenueRaw = venueRaw,
            Year = year ?? reading?.Year,
            Kind = kind == PublicationKind.Unknown && JournalTypes.Contains(entry.Type) && reading is { Known: false } ? PublicationKind.Journal : kind,
            Awards = reading?.Awards ?? [],
            AuthorPosition = position,
            FirstAuthor = position == 1,
            MoreAuthors = AuthorList.EndsOpen(entry.Field("author") ?? entry.Field("editor")),
            Abstract = entry.Field("abstract") is { } summary && Clean(summary) is { Length: > 0 } text ? text : null,
        };
    }

    /// <summary>
    /// The venue an entry names, by the fields its type uses: an article's journal, a paper's booktitle (or ACM's
    /// short <c>series</c> when the booktitle names no catalog venue), a misc entry's howpublished, and arXiv for an
    /// entry that names only its e-print. A thesis names no venue.
    /// </summary>
    private static (string? Raw, VenueReading? Reading) Venue(BibtexEntry entry, VenueCatalog venues)
    {
        if (ThesisTypes.Contains(entry.Type))
        {
            return (null, null);
        }

        string[] order = JournalTypes.Contains(entry.Type)
            ? ["journal", "journaltitle", "booktitle", "eventtitle", "howpublished"]
            : ["booktitle", "eventtitle", "journal", "journaltitle", "howpublished"];
        var raw = order.Select(entry.Field).FirstOrDefault(v => v is not null) is { } field ? Clean(field) : null;
        var reading = raw is null ? null : VenueNotation.ReadField(raw, venues);
        if (reading is not { Known: true } && entry.Field("series") is { } series && SeriesPattern().IsMatch(Clean(series)))
        {
            var shortName = Clean(series);
            return (shortName, VenueNotation.ReadField(shortName, venues));
        }

        if (raw is null && IsArxiv(entry))
        {
            return ("arXiv", VenueNotation.ReadField("arXiv", venues));
        }

        return (raw, reading);
    }

    private static bool IsArxiv(BibtexEntry entry) =>
        new[] { "archiveprefix", "eprinttype", "publisher", "url" }.Any(f => entry.Field(f)?.Contains("arxiv", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>"Wang, Xiaoming and Álvarez-Núñez, José and others" → ["Xiaoming Wang", "José Álvarez-Núñez"].</summary>
    internal static IReadOnlyList<string> Authors(string field) => BibtexNames.Authors(field).Select(a => a.Name).ToList();

    /// <summary>A field's text without LaTeX markup, braces and accents commands, on one line.</summary>
    internal static string Clean(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        var text = value.Contains('\\', StringComparison.Ordinal) || value.Contains('{', StringComparison.Ordinal)
            ? MarkupText.ToPlain(LatexText.ToMarkdown(value))
            : value;
        return string.Join(' ', text.Split([' ', '\n', '\t', '\r', '~'], StringSplitOptions.RemoveEmptyEntries));
    }
}
