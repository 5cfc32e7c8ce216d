namespace Talent.Search.Recruiting;

/// <summary>
/// The ranking signals an explanation is split into, named as <c>Talent:Search</c>'s settings and docs/ranking.md
/// describe them rather than by the index fields they are computed from.
/// </summary>
internal static class SignalNames
{
    private static readonly Dictionary<string, string> ByField = new(StringComparer.Ordinal)
    {
        [IndexFields.Titles] = "paper titles",
        [IndexFields.TitlesFirst] = "first-author paper titles",
        [IndexFields.Abstracts] = "abstracts",
        [IndexFields.Interests] = "interests",
        [IndexFields.Roles] = "roles",
        [IndexFields.TopicsText] = "topic names",
        [IndexFields.SkillsText] = "skill names",
        [IndexFields.Headline] = "headline",
        [IndexFields.Name] = "name",
        [IndexFields.About] = "schools and places",
        [IndexFields.Projects] = "project names",
        [IndexFields.ProjectText] = "project descriptions",
        [IndexFields.Summary] = "summary",
        [IndexFields.Skill] = "catalog skill",
        [IndexFields.Topic] = "catalog topic",
        [IndexFields.Venue] = "papers at the venue",
        [IndexFields.VenueFirst] = "first-author papers at the venue",
        [IndexFields.VenueYear] = "venue recency",
        [IndexFields.Institution] = "school",
        [IndexFields.Schools] = "school",
        [IndexFields.Employers] = "employer",
        [IndexFields.EmployersNow] = "current employer",
        [IndexFields.Places] = "place",
        [IndexFields.JobTitles] = "job title",
        [IndexFields.Contact] = "contact",
        ["mentions_titles"] = "filter named in paper titles",
        ["mentions_titles_first"] = "filter named in first-author titles",
        ["mentions_abstracts"] = "filter named in abstracts",
        ["mentions_interests"] = "filter named in interests",
        ["mentions_roles"] = "filter named in roles",
    };

    /// <summary>Signals keyed by field (and "field phrase") renamed, values of one name added together.</summary>
    public static Dictionary<string, double> Rename(IReadOnlyDictionary<string, double> byField)
    {
        var renamed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in byField)
        {
            var phrase = key.EndsWith(" phrase", StringComparison.Ordinal);
            var field = phrase ? key[..^" phrase".Length] : key;
            var name = ByField.GetValueOrDefault(field, "other");
            name = phrase ? "whole query as a phrase in " + name : name;
            renamed[name] = Math.Round(renamed.GetValueOrDefault(name) + value, 4);
        }

        return renamed;
    }
}
