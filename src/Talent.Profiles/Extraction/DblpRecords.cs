using System.Collections.Frozen;
using System.Globalization;
using System.Xml.Linq;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Identity;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads dblp's XML of a person (<c>https://dblp.org/pid/….xml</c>: <c>&lt;dblpperson name=… pid=…&gt;</c>, the person's
/// names, affiliations and links, then one <c>&lt;r&gt;</c> per record) or a list of dblp records (<c>&lt;dblp&gt;</c>, as
/// dblp's dump writes them) into publications with every author in order, canonical venue and year. The owner's place in
/// each author list is found by dblp's person id, so a namesake co-author is never taken for them.
/// </summary>
internal static class DblpRecords
{
    /// <summary>The record elements that are a person's own work; edited volumes, home pages and data sets are not.</summary>
    private static readonly FrozenSet<string> WorkElements =
        new[] { "article", "inproceedings", "incollection", "book", "phdthesis", "mastersthesis" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Theses = new[] { "phdthesis", "mastersthesis" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for the root of a dblp person page or record list.</summary>
    public static bool IsDblp(XElement root) => root.Name.LocalName is "dblpperson" or "dblp";

    public static ExtractedProfile Read(XElement root, ProfileCatalogs catalogs)
    {
        var person = root.Element("person");
        var ownerId = (string?)root.Attribute("pid");
        var personNames = person?.Elements("author").Select(a => Name(a.Value)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
        // dblp wraps each record of a person in <r>; lists cut from the dump often leave the wrapper out.
        var records = root.Elements().SelectMany(e => e.Name.LocalName == "r" ? e.Elements() : [e])
            .Where(e => WorkElements.Contains(e.Name.LocalName) && (string?)e.Attribute("publtype") != "withdrawn")
            .Take(BibtexReader.MaxEntries)
            .ToList();
        var name = (string?)root.Attribute("name") is { } stated && Name(stated) is { Length: > 0 } clean
            ? clean
            : personNames.FirstOrDefault() ?? MostFrequentAuthor(records);
        var ownerNames = personNames.Append(name ?? string.Empty).Where(n => n.Length > 0).Select(PersonName.Fold).ToHashSet(StringComparer.Ordinal);

        var publications = records.Select(r => Publication(r, ownerId, ownerNames, catalogs.Venues)).OfType<Publication>().ToList();
        var affiliations = person?.Elements("note").Where(n => (string?)n.Attribute("type") == "affiliation").ToList() ?? [];
        var current = affiliations.Where(a => a.Attribute("label") is null).Select(a => Spacing.Collapse(a.Value)).Where(a => a.Length > 0).ToList();
        // dblp's records carry an author's ORCID where it is known, also when the person record lists none.
        var orcids = ownerId is null ? [] : records.SelectMany(r => r.Elements("author"))
            .Where(a => (string?)a.Attribute("pid") == ownerId && a.Attribute("orcid") is not null)
            .Select(a => "https://orcid.org/" + ((string?)a.Attribute("orcid"))?.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(3);
        var (homepages, links) = Links(person, ownerId, orcids);
        var topics = catalogs.Topics.Stated(publications.Select(p => new TopicStatement(p.Title, TopicEvidenceKind.Title)), []);
        return new ExtractedProfile
        {
            Name = name,
            AlternateNames = personNames.Where(n => !string.Equals(n, name, StringComparison.Ordinal)).ToList(),
            Homepages = homepages,
            Links = links,
            Headline = current.FirstOrDefault(),
            Experience = affiliations.Select(a => Affiliation(a, catalogs.Institutions)).OfType<ExperienceEntry>().ToList(),
            Publications = publications,
            Topics = TopicEvidence.TopicsOf(topics),
            TopicEvidence = topics,
        };
    }

    private static Publication? Publication(XElement record, string? ownerId, HashSet<string> ownerNames, VenueCatalog venues)
    {
        var title = Spacing.Collapse(record.Element("title")?.Value ?? string.Empty).TrimEnd('.');
        if (title.Length == 0)
        {
            return null;
        }

        var authors = record.Elements("author").ToList();
        var position = authors.FindIndex(a => ownerId is not null && (string?)a.Attribute("pid") == ownerId) is var byId and >= 0
            ? byId
            : authors.FindIndex(a => ownerNames.Contains(PersonName.Fold(Name(a.Value))));
        var isThesis = Theses.Contains(record.Name.LocalName);
        var venueRaw = isThesis ? null : (record.Name.LocalName == "article" ? record.Element("journal") : record.Element("booktitle"))?.Value is { } v
            ? Spacing.Collapse(v)
            : null;
        var reading = venueRaw is null ? null : VenueNotation.ReadField(venueRaw, venues);
        var year = int.TryParse(record.Element("year")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
            ? y
            : reading?.Year;
        var kind = reading?.Kind ?? PublicationKind.Unknown;
        if (kind == PublicationKind.Unknown && reading is { Known: false })
        {
            // dblp marks preprints and other unreviewed work "informal" (CoRR, ECCC); an article elsewhere is a journal's.
            kind = (string?)record.Attribute("publtype") == "informal" ? PublicationKind.Preprint
                : record.Name.LocalName == "article" ? PublicationKind.Journal
                : PublicationKind.Unknown;
        }

        return new Publication
        {
            Title = title,
            Authors = authors.Select(a => Name(a.Value)).Where(n => n.Length > 0).ToList(),
            Venue = reading?.Venue,
            VenueRaw = venueRaw,
            Year = year,
            Kind = kind,
            Awards = reading?.Awards ?? [],
            AuthorPosition = position >= 0 ? position + 1 : null,
            FirstAuthor = position == 0,
        };
    }

    /// <summary>
    /// An affiliation note ("Google DeepMind, London, UK"; "Stanford University, Computer Science Department, CA, USA") as a
    /// role at its organisation: the institution it names, else its first part. A note without a label is the present one;
    /// one labelled "former" (or anything else) is not.
    /// </summary>
    private static ExperienceEntry? Affiliation(XElement note, InstitutionCatalog institutions)
    {
        var text = Spacing.Collapse(note.Value);
        var organization = InstitutionNames.Find(text, institutions) ?? OrganizationNames.Canonical(text.Split(',')[0]);
        return organization is null ? null : new ExperienceEntry { Organization = organization, End = note.Attribute("label") is null ? "present" : null };
    }

    /// <summary>The person's own sites and their profiles elsewhere, with their dblp page among the profiles.</summary>
    private static (List<string> Homepages, List<string> Links) Links(XElement? person, string? ownerId, IEnumerable<string> more) =>
        WebAddress.Sort((person?.Elements("url").Select(u => u.Value) ?? []).Concat(more).Prepend(ownerId is null ? string.Empty : "https://dblp.org/pid/" + ownerId.Trim()));

    /// <summary>The author most records name, for a record list that does not say whose it is.</summary>
    private static string? MostFrequentAuthor(IEnumerable<XElement> records) =>
        records.SelectMany(r => r.Elements("author").Select(a => Name(a.Value)))
            .Where(n => n.Length > 0)
            .GroupBy(n => n, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>A dblp name without the number dblp gives namesakes ("Wei Wang 0001" → "Wei Wang").</summary>
    private static string Name(string value) => AuthorList.WithoutHomonymNumber(Spacing.Collapse(value));
}
