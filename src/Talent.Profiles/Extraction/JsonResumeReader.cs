using System.Text.Json;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>Reads a JSON Resume (jsonresume.org schema): basics, work, education, publications, skills, interests.</summary>
internal static class JsonResumeReader
{
    public static (ExtractedProfile? Profile, string? Rejection) Read(string content, ProfileCatalogs catalogs)
    {
        using var document = JsonDocument.Parse(content, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("basics", out var basics) || basics.ValueKind != JsonValueKind.Object)
        {
            return (null, "JSON document is not a JSON Resume (no 'basics' object)");
        }

        var name = Text(basics, "name");
        var emails = new List<string>();
        if (Text(basics, "email") is { } email)
        {
            emails.Add(email.ToLowerInvariant());
        }

        var homepages = new List<string>();
        if ((Text(basics, "url") ?? Text(basics, "website")) is { } url && WebAddress.Normalize(url) is { } home)
        {
            homepages.Add(WebAddress.AsHomepage(home, labelled: true) ?? home);
        }

        var links = new List<string>();
        foreach (var profile in Array(basics, "profiles"))
        {
            if (Text(profile, "url") is { } link && WebAddress.Normalize(link) is { } normalized && !links.Contains(normalized, StringComparer.Ordinal))
            {
                links.Add(normalized);
            }
        }

        string? location = null;
        if (basics.TryGetProperty("location", out var place) && place.ValueKind == JsonValueKind.Object)
        {
            var parts = new[] { Text(place, "city"), Text(place, "region"), Text(place, "countryCode") }.Where(p => p is not null);
            location = string.Join(", ", parts) is { Length: > 0 } joined ? joined : null;
        }

        var experience = Array(root, "work").Select(w => new ExperienceEntry
        {
            Organization = OrganizationNames.Canonical(Text(w, "name") ?? Text(w, "company")),
            Title = Text(w, "position"),
            Start = DateNotation.Normalize(Text(w, "startDate") ?? string.Empty),
            End = DateNotation.Normalize(Text(w, "endDate") ?? string.Empty),
            Location = Text(w, "location"),
            Highlights = Array(w, "highlights").Select(h => h.ValueKind == JsonValueKind.String ? h.GetString() ?? string.Empty : string.Empty).Where(h => h.Length > 0).ToList(),
        }).ToList();

        var education = Array(root, "education").Select(e => new EducationEntry
        {
            Institution = OrganizationNames.Canonical(Text(e, "institution")),
            Degree = Text(e, "studyType"),
            Field = Text(e, "area"),
            Start = DateNotation.Normalize(Text(e, "startDate") ?? string.Empty),
            End = DateNotation.Normalize(Text(e, "endDate") ?? string.Empty),
        }).ToList();

        var publications = new List<Publication>();
        foreach (var p in Array(root, "publications"))
        {
            if (Text(p, "name") is not { } title)
            {
                continue;
            }

            var publisher = Text(p, "publisher");
            var date = Text(p, "releaseDate");
            var reading = publisher is null ? null : VenueNotation.Parse(publisher + (date is { Length: >= 4 } ? " " + date[..4] : string.Empty), catalogs.Venues);
            publications.Add(new Publication
            {
                Title = title,
                Venue = reading?.Venue ?? publisher,
                VenueRaw = publisher,
                Year = reading?.Year ?? DateNotation.YearOf(date),
                Kind = reading?.Kind ?? PublicationKind.Unknown,
                Awards = reading?.Awards ?? [],
                Abstract = Text(p, "summary"),
            });
        }

        var skills = new List<string>();
        foreach (var skill in Array(root, "skills"))
        {
            // With keywords, the name is their category ("Programming": Python, C++) and counts only when it is a known skill.
            if (Text(skill, "name") is { } skillName)
            {
                SkillList.AddItem(skillName, catalogs.Skills, skills, keepUnknown: !Array(skill, "keywords").Any());
            }

            foreach (var keyword in Array(skill, "keywords"))
            {
                if (keyword.ValueKind == JsonValueKind.String && keyword.GetString() is { } word)
                {
                    SkillList.AddItem(word, catalogs.Skills, skills);
                }
            }
        }

        var interests = Array(root, "interests").Select(i => Text(i, "name")).OfType<string>().ToList();
        // The same sources as a text CV: interests, papers, and what the person did in each role.
        var topicText = interests.Concat(publications.Select(p => p.Title)).Concat(publications.Select(p => p.Abstract ?? string.Empty))
            .Concat(Array(root, "interests").SelectMany(i => Array(i, "keywords")).Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString() ?? string.Empty))
            .Concat(experience.SelectMany(e => e.Highlights.Append(e.Title ?? string.Empty)))
            .Concat(Array(root, "work").Select(w => Text(w, "summary") ?? string.Empty));
        var topics = topicText.SelectMany(catalogs.Topics.FindIn).Distinct(StringComparer.Ordinal).ToList();

        return (new ExtractedProfile
        {
            Name = name,
            Emails = emails,
            Homepages = homepages,
            Links = links,
            Phones = Text(basics, "phone") is { } phone ? [phone] : [],
            Location = location,
            Headline = Text(basics, "label"),
            Education = education,
            Experience = experience,
            Publications = publications,
            Skills = skills,
            Topics = topics,
            Interests = interests,
        }, null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
