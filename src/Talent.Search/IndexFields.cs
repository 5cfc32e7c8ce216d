namespace Talent.Search;

/// <summary>Field names of a candidate document, in one place so mapping, queries and facets agree.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string IdValue = "id_dv";
    public const string Updated = "updated";
    public const string Stored = "doc";

    public const string Name = "name";
    public const string Headline = "headline";
    public const string Titles = "titles";
    public const string TitlesFirst = "titles_first";
    public const string Abstracts = "abstracts";
    public const string Interests = "interests";
    public const string Roles = "roles";
    public const string TopicsText = "topics_text";
    public const string SkillsText = "skills_text";

    public const string Skill = "skill";
    public const string Topic = "topic";
    public const string Venue = "venue";
    public const string Institution = "institution";

    /// <summary>Venue of each first-authored paper, one term per paper: authorship position weighs venue evidence.</summary>
    public const string VenueFirst = "venue_first";
    /// <summary>Publication years, four digits, one term per distinct year: <c>since</c> and year ranges are term ranges.</summary>
    public const string Year = "year";

    /// <summary>One term per paper, <c>venue|year</c>, so "at this venue since that year" is one range per venue.</summary>
    public const string VenueYear = "venue_year";

    /// <summary>Text fields searched by free text, with their boosts.</summary>
    public static readonly IReadOnlyDictionary<string, float> TextBoosts = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [Titles] = 3f,
        [TitlesFirst] = 2f,
        [TopicsText] = 3f,
        [Interests] = 2f,
        [SkillsText] = 2f,
        [Roles] = 1.5f,
        [Abstracts] = 1f,
        [Headline] = 1f,
        [Name] = 1f,
    };

    /// <summary>
    /// Catalog topics and skills (canonical, lower-cased) that a text field mentions, one term per text that mentions
    /// them, so "holds this topic and writes about it" is a term query instead of a phrase per synonym and field.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> MentionsIn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Titles] = "mentions_titles",
        [TitlesFirst] = "mentions_titles_first",
        [Abstracts] = "mentions_abstracts",
        [Interests] = "mentions_interests",
        [Roles] = "mentions_roles",
    };

    /// <summary>Fields a whole-query phrase is looked for in.</summary>
    public static readonly string[] PhraseFields = [Titles, Abstracts, Interests, Roles];

    /// <summary>Keyword fields with a facet of the same name.</summary>
    public static readonly string[] FacetFields = [Venue, Skill, Topic, Institution, Year];
}
