using System.Text.Json;
using System.Text.Json.Nodes;
using static Talent.Profiles.Extraction.JsonFields;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A FRESH resume (the FRESCA schema that HackMyResume and FluentCV write: <c>name</c>, <c>info</c>, <c>contact</c>,
/// <c>employment.history</c>, <c>education.history</c>, <c>skills.sets</c>, <c>writing</c> …) written as the JSON Resume
/// it states, field by field, so <see cref="JsonResumeReader"/> reads both alike. Fields with no JSON Resume place that
/// Talent reads (references, testimonials, reading, recognition) are left out.
/// </summary>
internal static class FreshResume
{
    /// <summary>
    /// True for an object that says it is FRESH (<c>meta.format</c> "FRESH@…") or, without that, has a string
    /// <c>name</c> beside FRESH's own sections (<c>info</c>, <c>contact</c>, <c>employment</c>).
    /// </summary>
    public static bool IsFresh(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("basics", out _))
        {
            return false;
        }

        if (root.TryGetProperty("meta", out var meta) && Text(meta, "format") is { } format)
        {
            return format.StartsWith("FRESH", StringComparison.OrdinalIgnoreCase);
        }

        return Text(root, "name") is not null
            && (IsObject(root, "info") || IsObject(root, "contact") || IsObject(root, "employment"));
    }

    /// <summary>The same resume in JSON Resume's shape (basics, work, education, publications, projects, skills, interests).</summary>
    public static JsonObject ToJsonResume(JsonElement root)
    {
        var info = Property(root, "info");
        var contact = Property(root, "contact");
        var basics = new JsonObject
        {
            ["name"] = Text(root, "name"),
            ["label"] = Text(info, "label") ?? Text(info, "characterClass"),
            ["summary"] = Text(info, "brief"),
            ["email"] = Text(contact, "email"),
            ["phone"] = Text(contact, "phone"),
            ["url"] = Text(contact, "website"),
            ["location"] = Location(Property(root, "location")),
            ["profiles"] = Map(Items(root, "social"), s => new JsonObject
            {
                ["network"] = Text(s, "network") ?? Text(s, "label"),
                ["username"] = Text(s, "user"),
                ["url"] = Text(s, "url"),
            }),
        };

        return new JsonObject
        {
            ["basics"] = basics,
            ["work"] = Map(Items(Property(root, "employment"), "history"), Role),
            ["education"] = Map(Items(Property(root, "education"), "history"), Study),
            ["publications"] = Map(Items(root, "writing"), Writing),
            ["projects"] = Map(Items(root, "projects"), Project),
            ["skills"] = Skills(Property(root, "skills")),
            ["interests"] = Map(Items(root, "interests"), i => new JsonObject
            {
                ["name"] = Text(i, "name"),
                ["keywords"] = Strings(i, "keywords"),
            }),
        };
    }

    /// <summary>An <c>employment.history</c> entry: employer, position, dates ("current" with no end), summary, highlights.</summary>
    private static JsonObject Role(JsonElement role) => new()
    {
        ["name"] = Text(role, "employer"),
        ["position"] = Text(role, "position"),
        ["startDate"] = Text(role, "start"),
        ["endDate"] = Text(role, "end"),
        ["location"] = Text(role, "location"),
        ["summary"] = Text(role, "summary"),
        ["highlights"] = Strings(role, "highlights"),
    };

    /// <summary>An <c>education.history</c> entry: the degree is its study type, else its title ("BSCS").</summary>
    private static JsonObject Study(JsonElement study) => new()
    {
        ["institution"] = Text(study, "institution"),
        ["studyType"] = Text(study, "studyType") ?? Text(study, "title"),
        ["area"] = Text(study, "area"),
        ["startDate"] = Text(study, "start"),
        ["endDate"] = Text(study, "end"),
    };

    /// <summary>A <c>writing</c> entry: its publisher is an object with a name (or, in older files, a string).</summary>
    private static JsonObject Writing(JsonElement writing) => new()
    {
        ["name"] = Text(writing, "title"),
        ["publisher"] = Text(Property(writing, "publisher"), "name") ?? Text(writing, "publisher"),
        ["releaseDate"] = Text(writing, "date"),
        ["summary"] = Text(writing, "summary"),
    };

    private static JsonObject Project(JsonElement project) => new()
    {
        ["name"] = Text(project, "title") ?? Text(project, "name"),
        ["description"] = Text(project, "description") ?? Text(project, "summary"),
        ["highlights"] = Strings(project, "highlights"),
        ["keywords"] = Strings(project, "keywords"),
        ["url"] = Text(project, "url") ?? Text(project, "repo"),
    };

    /// <summary>
    /// <c>skills.sets</c> (a named group of skills) as JSON Resume's groups with keywords, and <c>skills.list</c> (one
    /// skill each, with its level and years) as groups of one name, which JSON Resume's reader takes as the skill. Skills
    /// written as an array, as JSON Resume writes them, are kept as they are.
    /// </summary>
    private static JsonArray Skills(JsonElement skills)
    {
        if (skills.ValueKind == JsonValueKind.Array)
        {
            return JsonArray.Create(skills) ?? [];
        }

        var groups = Map(Items(skills, "sets"), set => new JsonObject
        {
            ["name"] = Text(set, "name"),
            ["keywords"] = Strings(set, "skills"),
        });
        foreach (var item in Items(skills, "list"))
        {
            if (Text(item, "name") is { } name)
            {
                groups.Add(new JsonObject { ["name"] = name });
            }
        }

        return groups;
    }

    /// <summary>FRESH's location, as one string or as city, region and <c>country</c> (a code), in JSON Resume's names.</summary>
    private static JsonNode? Location(JsonElement place) =>
        place.ValueKind switch
        {
            JsonValueKind.String => place.GetString(),
            JsonValueKind.Object => new JsonObject
            {
                ["city"] = Text(place, "city"),
                ["region"] = Text(place, "region"),
                ["countryCode"] = Text(place, "country"),
            },
            _ => null,
        };

    private static JsonArray Map(IEnumerable<JsonElement> items, Func<JsonElement, JsonObject> map) => [.. items.Select(map)];

    private static JsonArray Strings(JsonElement element, string property) =>
        [.. Items(element, property).Where(e => e.ValueKind == JsonValueKind.String).Select(e => (JsonNode?)e.GetString())];

    private static bool IsObject(JsonElement element, string property) => Property(element, property).ValueKind == JsonValueKind.Object;
}
