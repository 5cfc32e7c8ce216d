using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads an ORCID record as ORCID's public API gives it in XML (<c>https://pub.orcid.org/v3.0/{id}</c>,
/// <c>&lt;record:record&gt;</c>): the person's name, other names, biography, keywords, web addresses and public e-mails;
/// their employments and educations with organisation, role and dates; their works with title, journal or conference,
/// year and type. ORCID's summaries list no authors, so a work gives no author place. Elements are found by their local
/// names, whatever prefixes the record's namespaces use.
/// </summary>
internal static class OrcidRecord
{
    /// <summary>True for the root of an ORCID record.</summary>
    public static bool IsOrcid(XElement root) => root.Name.LocalName == "record" && root.Name.NamespaceName.Contains("orcid.org", StringComparison.Ordinal);

    /// <summary>True for an ORCID record in ORCID's JSON (<c>application/vnd.orcid+json</c>): it has an ORCID identifier and activities.</summary>
    public static bool IsOrcid(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("orcid-identifier", out _) && root.TryGetProperty("activities-summary", out _);

    /// <summary>
    /// ORCID's JSON as the XML it mirrors: a property is an element of its name, an array's items are repeated elements of
    /// the property's name, a value is text. ORCID's JSON and XML name their fields alike, so one reader reads both.
    /// </summary>
    public static XElement FromJson(JsonElement root)
    {
        var record = new XElement(XName.Get("record", "http://www.orcid.org/ns/record"));
        AddContent(record, root);
        return record;
    }

    private static void AddContent(XElement parent, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var name = XmlConvert.EncodeLocalName(property.Name.Length == 0 ? "_" : property.Name);
                    var items = property.Value.ValueKind == JsonValueKind.Array ? [.. property.Value.EnumerateArray()] : (JsonElement[])[property.Value];
                    foreach (var item in items)
                    {
                        var element = new XElement(name);
                        AddContent(element, item);
                        parent.Add(element);
                    }
                }

                break;
            case JsonValueKind.String:
                parent.Add(value.GetString());
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                parent.Add(value.GetRawText());
                break;
        }
    }

    public static ExtractedProfile Read(XElement root, ProfileCatalogs catalogs)
    {
        var person = Child(root, "person");
        var name = Child(person, "name");
        var credit = Text(Child(name, "credit-name"));
        var given = Text(Child(name, "given-names"));
        var family = Text(Child(name, "family-name"));
        var fullName = string.Join(' ', new[] { given, family }.OfType<string>());
        var displayName = credit ?? (fullName.Length > 0 ? fullName : null);
        var orcid = Text(Child(Child(root, "orcid-identifier"), "path")) ?? ((string?)root.Attribute("path"))?.Trim('/');

        var keywords = Descendants(Child(person, "keywords"), "keyword").Select(k => Text(Child(k, "content"))).OfType<string>().ToList();
        var activities = Child(root, "activities-summary");
        var publications = Descendants(Child(activities, "works"), "group")
            .Select(g => Descendants(g, "work-summary").FirstOrDefault())
            .OfType<XElement>()
            .Take(BibtexReader.MaxEntries)
            .Select(w => Work(w, catalogs.Venues))
            .OfType<Publication>()
            .ToList();
        var (homepages, links) = Links(person, orcid);
        var statements = keywords.Select(k => new TopicStatement(k, TopicEvidenceKind.Interest))
            .Concat(publications.Select(p => new TopicStatement(p.Title, TopicEvidenceKind.Title)));
        var topics = catalogs.Topics.Stated(statements, []);
        return new ExtractedProfile
        {
            Name = displayName,
            AlternateNames = Descendants(Child(person, "other-names"), "other-name").Select(o => Text(Child(o, "content")))
                .OfType<string>()
                .Append(credit is not null && fullName.Length > 0 && fullName != credit ? fullName : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            Emails = Descendants(Child(person, "emails"), "email").Select(e => Text(Child(e, "email"))?.ToLowerInvariant()).OfType<string>().ToList(),
            Homepages = homepages,
            Links = links,
            Summary = ProfileLimits.Bounded(Text(Child(Child(person, "biography"), "content")), ProfileLimits.SummaryLength),
            Experience = Summaries(activities, "employments", "employment-summary")
                .Select(e => new ExperienceEntry { Organization = Organization(e), Title = Text(Child(e, "role-title")), Start = Date(Child(e, "start-date")), End = Date(Child(e, "end-date")) })
                .ToList(),
            Education = Summaries(activities, "educations", "education-summary")
                .Concat(Summaries(activities, "qualifications", "qualification-summary"))
                .Select(e => new EducationEntry { Institution = Organization(e), Degree = Text(Child(e, "role-title")), Field = Text(Child(e, "department-name")), Start = Date(Child(e, "start-date")), End = Date(Child(e, "end-date")) })
                .ToList(),
            Publications = publications,
            Interests = keywords,
            Topics = TopicEvidence.TopicsOf(topics),
            TopicEvidence = topics,
        };
    }

    private static Publication? Work(XElement work, VenueCatalog venues)
    {
        if (Text(Child(Child(work, "title"), "title")) is not { } title)
        {
            return null;
        }

        var venueRaw = Text(Child(work, "journal-title"));
        var reading = venueRaw is null ? null : VenueNotation.ReadField(venueRaw, venues);
        var type = Text(Child(work, "type"));
        var kind = reading?.Kind ?? PublicationKind.Unknown;
        if (kind == PublicationKind.Unknown)
        {
            kind = type switch
            {
                "journal-article" => PublicationKind.Journal,
                "conference-paper" => PublicationKind.Conference,
                "preprint" or "working-paper" => PublicationKind.Preprint,
                _ => PublicationKind.Unknown,
            };
        }

        return new Publication
        {
            Title = title.TrimEnd('.'),
            Venue = reading?.Venue,
            VenueRaw = venueRaw,
            Year = Year(Child(work, "publication-date")) ?? reading?.Year,
            Kind = kind,
        };
    }

    /// <summary>The person's own sites and their profiles elsewhere, with their ORCID page among the profiles.</summary>
    private static (List<string> Homepages, List<string> Links) Links(XElement? person, string? orcid) =>
        WebAddress.Sort(Descendants(Child(person, "researcher-urls"), "researcher-url").Select(u => Text(Child(u, "url")))
            .Prepend(orcid is null ? null : "https://orcid.org/" + orcid)
            .OfType<string>());

    /// <summary>Every summary of one kind of affiliation, across its groups.</summary>
    private static IEnumerable<XElement> Summaries(XElement? activities, string section, string summary) =>
        Descendants(Child(activities, section), summary);

    private static string? Organization(XElement summary) => OrganizationNames.Canonical(Text(Child(Child(summary, "organization"), "name")));

    /// <summary>A fuzzy date (year, and month when given) as <c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    private static string? Date(XElement? date)
    {
        if (Year(date) is not { } year)
        {
            return null;
        }

        return int.TryParse(Text(Child(date, "month")), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}")
            : year.ToString(CultureInfo.InvariantCulture);
    }

    private static int? Year(XElement? date) =>
        int.TryParse(Text(Child(date, "year")), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100 ? year : null;

    private static XElement? Child(XElement? element, string localName) => element?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Descendants(XElement? element, string localName) =>
        element?.Descendants().Where(e => e.Name.LocalName == localName) ?? [];

    private static string? Text(XElement? element) =>
        element is null ? null : Spacing.Collapse(element.Value) is { Length: > 0 } text ? text : null;
}
