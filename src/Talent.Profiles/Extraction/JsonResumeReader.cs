using System.Text;
using System.Text.Json;
using Talent.Profiles.Catalogs;
using static Talent.Profiles.Extraction.JsonFields;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a JSON Resume (jsonresume.org schema): basics, work, education, publications, projects, skills, interests. A
/// FRESH resume is read as the JSON Resume it states (<see cref="FreshResume"/>); an ORCID record in ORCID's JSON is
/// handed to <see cref="OrcidRecord"/>.
/// </summary>
internal static class JsonResumeReader
{
    public static (ExtractedProfile? Profile, string? Rejection) Read(string content, ProfileCatalogs catalogs)
    {
        using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var root = document.RootElement;
        if (OrcidRecord.IsOrcid(root))
        {
            return (OrcidRecord.Read(OrcidRecord.FromJson(root), catalogs), null);
        }

        if (FreshResume.IsFresh(root))
        {
            root = JsonSerializer.SerializeToElement(FreshResume.ToJsonResume(root));
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("basics", out var basics) || basics.ValueKind != JsonValueKind.Object)
        {
            return (null, "JSON document is neither a JSON Resume (no 'basics' object) nor a FRESH resume");
        }

        var name = Plain(basics, "name");
        // The address as written, or revealed when hidden ("jane dot roe at example dot org"); a field holding none gives none.
        var emails = Text(basics, "email") is { } email ? ContactReader.EmailsInField(email) : [];

        var (homepages, links) = WebAddresses(basics);
        var location = Location(basics, catalogs.Countries);
        var experience = Experience(root);
        var education = Education(root);
        var publications = Publications(root, catalogs);
        var skills = JsonResumeSkills.Read(root, catalogs);

        var interests = Items(root, "interests").Select(i => Plain(i, "name")).OfType<string>().ToList();
        var topicEvidence = catalogs.Topics.Stated(TopicStatements(root, interests, publications, experience), publications.Select(p => p.Abstract ?? string.Empty));

        return (new ExtractedProfile
        {
            Name = name,
            Emails = emails,
            Homepages = homepages,
            Links = links,
            Phones = Text(basics, "phone") is { } phone ? [phone] : [],
            Location = location,
            Headline = Plain(basics, "label"),
            Summary = ProfileLimits.Bounded(Text(basics, "summary"), ProfileLimits.SummaryLength),
            Education = education,
            Experience = experience,
            Publications = publications,
            Projects = Projects(root),
            Skills = skills,
            Topics = TopicEvidence.TopicsOf(topicEvidence),
            TopicEvidence = topicEvidence,
            Interests = interests,
        }, null);
    }

    /// <summary>The same sources of topics as a text CV: interests, papers, and what the person did in each role.</summary>
    private static IEnumerable<TopicStatement> TopicStatements(JsonElement root, List<string> interests, List<Publication> publications, List<ExperienceEntry> experience) =>
        interests.Select(i => new TopicStatement(i, TopicEvidenceKind.Interest))
            .Concat(publications.Select(p => new TopicStatement(p.Title, TopicEvidenceKind.Title)))
            .Concat(Items(root, "interests").SelectMany(i => Items(i, "keywords")).Where(k => k.ValueKind == JsonValueKind.String)
                .Select(k => new TopicStatement(k.GetString() ?? string.Empty, TopicEvidenceKind.Interest)))
            .Concat(experience.SelectMany(e => e.Highlights.Select(FocusStatements.OfRole)
                .Append(new TopicStatement(e.Title ?? string.Empty, TopicEvidenceKind.Role))))
            .Concat(Items(root, "work").Select(w => FocusStatements.OfRole(Text(w, "summary") ?? string.Empty)));

    /// <summary>
    /// The person's own pages and their profiles elsewhere: basics.url (website in older resumes) is their own page unless it
    /// is a profile on a shared site (GitHub, LinkedIn); basics.profiles[] are profiles.
    /// </summary>
    private static (List<string> Homepages, List<string> Links) WebAddresses(JsonElement basics)
    {
        var homepages = new List<string>();
        var links = new List<string>();
        if ((Text(basics, "url") ?? Text(basics, "website")) is { } url && WebAddress.Normalize(url) is { } own)
        {
            (IsProfile(own) ? links : homepages).Add(own);
        }

        foreach (var profile in Items(basics, "profiles"))
        {
            if ((Text(profile, "url") is { } link ? WebAddress.Normalize(link) : ProfileUrl(Text(profile, "network"), Text(profile, "username"))) is { } normalized
                && !links.Contains(normalized, StringComparer.Ordinal) && !homepages.Contains(normalized, StringComparer.Ordinal))
            {
                links.Add(normalized);
            }
        }

        return (homepages, links);
    }

    /// <summary><c>work[]</c>: each role with its employer, dates, place and highlights (an entry with neither employer nor position is none).</summary>
    private static List<ExperienceEntry> Experience(JsonElement root) =>
        Items(root, "work").Select(w => new ExperienceEntry
        {
            Organization = OrganizationNames.Canonical(Plain(w, "name") ?? Plain(w, "company")),
            Title = Plain(w, "position"),
            Start = DateNotation.Normalize(Text(w, "startDate") ?? string.Empty),
            End = DateNotation.Normalize(Text(w, "endDate") ?? string.Empty),
            Location = Text(w, "location"),
            Highlights = Items(w, "highlights").Select(h => h.ValueKind == JsonValueKind.String ? h.GetString() ?? string.Empty : string.Empty).Where(h => h.Length > 0).ToList(),
        }).Where(e => e.Organization is not null || e.Title is not null).ToList();

    /// <summary><c>education[]</c>: each institution with its degree, field and dates (an entry naming none of the three is none).</summary>
    private static List<EducationEntry> Education(JsonElement root) =>
        Items(root, "education").Select(e => new EducationEntry
        {
            Institution = OrganizationNames.Canonical(Plain(e, "institution")),
            Degree = Plain(e, "studyType"),
            Field = Plain(e, "area"),
            Start = DateNotation.Normalize(Text(e, "startDate") ?? string.Empty),
            End = DateNotation.Normalize(Text(e, "endDate") ?? string.Empty),
        }).Where(e => e.Institution is not null || e.Degree is not null || e.Field is not null).ToList();

    /// <summary><c>publications[]</c>: a titled entry's venue and year read from its publisher and date.</summary>
    private static List<Publication> Publications(JsonElement root, ProfileCatalogs catalogs)
    {
        var publications = new List<Publication>();
        foreach (var p in Items(root, "publications"))
        {
            if (Plain(p, "name") is not { } title)
            {
                continue;
            }

            var publisher = Text(p, "publisher");
            var date = Text(p, "releaseDate") ?? Text(p, "date");
            var reading = publisher is null ? null : VenueNotation.ReadField(publisher, catalogs.Venues);
            publications.Add(new Publication
            {
                Title = title,
                Venue = reading?.Venue,
                VenueRaw = publisher,
                Year = DateNotation.YearOf(date) ?? reading?.Year,
                Kind = reading?.Kind ?? PublicationKind.Unknown,
                Awards = reading?.Awards ?? [],
                Abstract = Text(p, "summary"),
            });
        }

        return publications;
    }

    /// <summary>
    /// <c>projects[]</c>: the name as written, the description with the highlights and keywords after it (one text, bounded),
    /// and the url.
    /// </summary>
    private static List<ProjectEntry> Projects(JsonElement root)
    {
        var projects = new List<ProjectEntry>();
        foreach (var project in Items(root, "projects"))
        {
            if (projects.Count >= ProfileLimits.MaxProjects)
            {
                break;
            }

            if (ProfileLimits.Bounded(Text(project, "name"), ProfileLimits.ProjectNameLength) is not { } name
                || projects.Exists(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var keywords = string.Join(", ", Strings(project, "keywords"));
            var parts = new[] { Text(project, "description") }.Concat(Strings(project, "highlights")).Append(keywords).OfType<string>().Where(p => !string.IsNullOrWhiteSpace(p));
            projects.Add(new ProjectEntry
            {
                Name = name,
                Description = ProfileLimits.Bounded(JoinStatements(parts), ProfileLimits.ProjectDescriptionLength),
                Url = Text(project, "url"),
            });
        }

        return projects;
    }

    /// <summary>
    /// A project's description, highlights and keywords as one text: "; " between statements, a space after one that
    /// already ends a sentence ("Runs on Windows." then "JavaScript, Node.js", not "Windows.; JavaScript").
    /// </summary>
    private static string JoinStatements(IEnumerable<string> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0)
            {
                text.Append(text[^1] is '.' or '!' or '?' or ';' or ':' ? " " : "; ");
            }

            text.Append(part.Trim());
        }

        return text.ToString();
    }

    /// <summary>The first strings of an array property: no more than a bounded description can hold.</summary>
    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        Items(element, property).Take(20).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()?.Trim() ?? string.Empty).Where(s => s.Length > 0);

    private static bool IsProfile(string normalized) => WebAddress.AsProfileLink(normalized) is not null || WebAddress.AsHomepage(normalized, labelled: true) is null;

    /// <summary>A profile given only by network and user name: <c>{"network": "GitHub", "username": "ada"}</c>.</summary>
    private static string? ProfileUrl(string? network, string? username)
    {
        if (network is null || username is null || username.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return network.ToLowerInvariant() switch
        {
            "github" => "github.com/" + username,
            "gitlab" => "gitlab.com/" + username,
            "linkedin" => "linkedin.com/in/" + username,
            "twitter" or "x" => "twitter.com/" + username,
            _ => null,
        };
    }

    /// <summary>
    /// basics.location as the schema's object (city, region, country code) or as one string. The country code is ISO
    /// 3166-1 alpha-2 and written as the country's name, so "Berlin, DE" is never read as Delaware.
    /// </summary>
    private static string? Location(JsonElement basics, CountryCatalog countries)
    {
        if (Text(basics, "location") is { } written)
        {
            return written;
        }

        if (!basics.TryGetProperty("location", out var place) || place.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new[] { Text(place, "city"), Text(place, "region"), Country(place, countries) }.OfType<string>();
        return string.Join(", ", parts) is { Length: > 0 } joined ? joined : null;
    }

    /// <summary>The country of a location object: its code's name, else a "country" field (a name, or a code too) as written.</summary>
    private static string? Country(JsonElement place, CountryCatalog countries)
    {
        var code = Text(place, "countryCode");
        var written = Text(place, "country");
        return (code is null ? null : countries.NameOf(code)) ?? (written is null ? null : countries.NameOf(written)) ?? written ?? code;
    }

    /// <summary>
    /// A name or title as plain text: resume themes render fields as markdown, so "**BSCS**" or "Director, *Security*"
    /// is written for its emphasis, not its asterisks.
    /// </summary>
    private static string? Plain(JsonElement element, string property) =>
        Text(element, property) is { } text && MarkupText.ToPlain(text) is { Length: > 0 } plain ? plain : null;
}
