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

    /// <summary>Project names as written.</summary>
    public const string Projects = "projects";

    /// <summary>What the documents say a project is (its description).</summary>
    public const string ProjectText = "project_text";

    /// <summary>The person's own summary (about text).</summary>
    public const string Summary = "summary";

    /// <summary>Schools, degree subjects and places, for free text (employers and job titles are in <see cref="Roles"/>).</summary>
    public const string About = "about";

    /// <summary>Text of education institutions (as written and canonical), for <c>school:</c> and the school filter.</summary>
    public const string Schools = "schools";

    /// <summary>Text of every employer, current and past, for <c>company:</c> and the employer filter.</summary>
    public const string Employers = "employers";

    /// <summary>Text of the employers of current roles.</summary>
    public const string EmployersNow = "employers_now";

    /// <summary>Text of the person's place and the places of their roles, with country names for country codes.</summary>
    public const string Places = "places";

    /// <summary>Text of job titles, current and past.</summary>
    public const string JobTitles = "job_titles";

    /// <summary>E-mails, phones (digits) and homepages, one exact term each (see <c>RecruiterFacts.ContactKey</c>).</summary>
    public const string Contact = "contact";

    /// <summary>Facets: employers ever, employers now, city, country, highest degree level, years of experience as a range.</summary>
    public const string Employer = "employer";
    public const string EmployerNow = "employer_now";
    public const string City = "city";
    public const string Country = "country";
    public const string Degree = "degree";
    public const string Experience = "experience";

    /// <summary>Years of experience as a number, for "at least N years".</summary>
    public const string ExperienceYears = "experience_years";

    /// <summary>1 when the documents state a name: a browse lists named people before documents that never say whose they are.</summary>
    public const string Named = "named";

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
        [About] = 1.5f,
        [Projects] = 2f,
        [ProjectText] = 1f,
        [Summary] = 1f,
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
    public static readonly string[] FacetFields = [Venue, Skill, Topic, Institution, Year, Employer, EmployerNow, City, Country, Degree, Experience];
}
