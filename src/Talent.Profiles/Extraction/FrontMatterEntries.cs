using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The lists of maps a page's front matter holds for a résumé widget (Hugo Blox's author page and its kin): roles under
/// <c>work</c> or <c>experience</c> (<c>position</c>, <c>company_name</c>, <c>date_start</c>…), skills grouped under
/// <c>skills</c> (a group's <c>name</c> and its <c>items</c>), and e-mail addresses written anywhere in it as
/// <c>mailto:</c> links or as a profile's bare address.
/// </summary>
internal static partial class FrontMatterEntries
{
    private const int MaxEntries = 100;

    [GeneratedRegex(@"mailto:(?<address>[^\s""'<>?&]{3,254})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MailtoPattern();

    /// <summary>Each role with its employer and dates; an entry naming neither employer nor position is none.</summary>
    public static List<ExperienceEntry> Experience(Dictionary<string, object> values)
    {
        var entries = new List<ExperienceEntry>();
        foreach (var item in Maps(values, "work", "experience", "experiences"))
        {
            var title = Text(item, "position", "title", "role");
            var organization = OrganizationNames.Canonical(Text(item, "company_name", "company", "organization", "employer", "institution"));
            if (title is null && organization is null)
            {
                continue;
            }

            var summary = Text(item, "summary", "description");
            entries.Add(new ExperienceEntry
            {
                Organization = organization,
                Title = title,
                Start = Date(item, "date_start", "start", "start_date", "from"),
                End = Date(item, "date_end", "end", "end_date", "to"),
                Location = Text(item, "location"),
                Highlights = summary is null ? [] : [ProfileLimits.Bounded(MarkupText.ToPlain(summary), ProfileLimits.SummaryLength)!],
            });
        }

        return entries;
    }

    /// <summary>
    /// The skills of <c>skills</c>, read as a JSON Resume's (<see cref="JsonResumeSkills"/>): a group's items as written,
    /// its name when it is a skill rather than a category ("Programming Languages"), plain strings as skills.
    /// </summary>
    public static List<string> Skills(Dictionary<string, object> values, ProfileCatalogs catalogs)
    {
        if (values.GetValueOrDefault("skills") is not List<object> groups)
        {
            return [];
        }

        var skills = new JsonArray();
        foreach (var group in groups.Take(MaxEntries))
        {
            switch (group)
            {
                case string text:
                    skills.Add(text);
                    break;
                case Dictionary<string, object> map when map.GetValueOrDefault("name") is not string heading || !NamesOtherSection(heading, catalogs):
                    var keywords = new JsonArray();
                    foreach (var item in (map.GetValueOrDefault("items") ?? map.GetValueOrDefault("keywords")) as List<object> ?? [])
                    {
                        if ((item as string ?? (item as Dictionary<string, object>)?.GetValueOrDefault("name") as string) is { } name)
                        {
                            keywords.Add(name);
                        }
                    }

                    skills.Add(new JsonObject { ["name"] = map.GetValueOrDefault("name") as string, ["keywords"] = keywords });
                    break;
            }
        }

        return JsonResumeSkills.Read(JsonSerializer.SerializeToElement(new JsonObject { ["skills"] = skills }), catalogs);
    }

    /// <summary>A group named as a section of another kind ("Hobbies", "Research Areas"): its items are not skills.</summary>
    private static bool NamesOtherSection(string heading, ProfileCatalogs catalogs) =>
        catalogs.Vocabulary.KindOfHeading(heading) is { } kind && kind is not (SectionKind.Skills or SectionKind.Experience or SectionKind.Projects);

    /// <summary>The addresses of every <c>mailto:</c> link in the front matter's text (an HTML block of contact lines among them).</summary>
    public static IEnumerable<string> MailtoAddresses(Dictionary<string, object> values) =>
        AllText(values, depth: 0).SelectMany(text => MailtoPattern().Matches(text).Select(m => m.Groups["address"].Value))
            .Where(a => a.Contains('@', StringComparison.Ordinal));

    private static IEnumerable<string> AllText(object? value, int depth)
    {
        switch (value)
        {
            case string text:
                yield return text;
                break;
            case Dictionary<string, object> map when depth < 8:
                foreach (var text in map.Values.SelectMany(v => AllText(v, depth + 1)))
                {
                    yield return text;
                }

                break;
            case List<object> list when depth < 8:
                foreach (var text in list.SelectMany(v => AllText(v, depth + 1)))
                {
                    yield return text;
                }

                break;
        }
    }

    private static IEnumerable<Dictionary<string, object>> Maps(Dictionary<string, object> values, params string[] keys) =>
        keys.Select(k => values.GetValueOrDefault(k)).OfType<List<object>>().FirstOrDefault()?.OfType<Dictionary<string, object>>().Take(MaxEntries) ?? [];

    private static string? Text(Dictionary<string, object> item, params string[] keys) =>
        keys.Select(k => item.GetValueOrDefault(k)).OfType<string>().Select(t => MarkupText.ToPlain(t).Trim()).FirstOrDefault(t => t.Length > 0);

    private static string? Date(Dictionary<string, object> item, params string[] keys) =>
        Text(item, keys) is { } text ? DateNotation.Normalize(text) : null;
}
