using System.Text.Json.Serialization;

namespace Talent.Profiles;

/// <summary>
/// What one source document says about one person, in the shape <c>talent parse --json</c> prints.
/// Absent facts are null or empty, never invented.
/// </summary>
public sealed record ExtractedProfile
{
    public string? Name { get; init; }

    /// <summary>Other written forms of the name the document gives beside it ("Wei Zhang (张伟)": 张伟), for identity.</summary>
    public IReadOnlyList<string> AlternateNames { get; init; } = [];

    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Personal homepages, normalised without scheme or trailing slash (<c>zangwei.dev</c>).</summary>
    public IReadOnlyList<string> Homepages { get; init; } = [];

    /// <summary>Other profile links (GitHub, Scholar, Twitter, a publications page), normalised like homepages.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    public IReadOnlyList<string> Phones { get; init; } = [];

    public string? Location { get; init; }

    /// <summary>A one-line description of the person when the document states one.</summary>
    public string? Headline { get; init; }

    /// <summary>
    /// The person's own summary as written (a JSON Resume's <c>basics.summary</c>, an "About" or "Summary" section's
    /// paragraphs, a homepage's introduction), at most <see cref="ProfileLimits.SummaryLength"/> characters.
    /// </summary>
    public string? Summary { get; init; }

    public IReadOnlyList<EducationEntry> Education { get; init; } = [];

    public IReadOnlyList<ExperienceEntry> Experience { get; init; } = [];

    public IReadOnlyList<Publication> Publications { get; init; } = [];

    /// <summary>Projects the document names (at most <see cref="ProfileLimits.MaxProjects"/>).</summary>
    public IReadOnlyList<ProjectEntry> Projects { get; init; } = [];

    /// <summary>Canonical skill names from <c>config/skills.json</c>.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Canonical research topics from <c>config/topics.json</c>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>What states each of <see cref="Topics"/>: a statement of each kind that names it, or the abstracts that mention it.</summary>
    public IReadOnlyList<TopicEvidence> TopicEvidence { get; init; } = [];

    /// <summary>Research-interest statements as written (free text, used for text matching).</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];

    public ProfileMetrics Metrics { get; init; } = new();

    /// <summary>
    /// Set when the document is readable text but states none of the facts above: the reason, in one line. Such a
    /// document is stored with its opening text as the headline, so it can be found and read.
    /// </summary>
    public string? Partial { get; init; }
}

public sealed record EducationEntry
{
    public string? Institution { get; init; }

    public string? Degree { get; init; }

    public string? Field { get; init; }

    /// <summary><c>YYYY-MM</c> or <c>YYYY</c>.</summary>
    public string? Start { get; init; }

    /// <summary><c>YYYY-MM</c> or <c>YYYY</c>; null while ongoing.</summary>
    public string? End { get; init; }

    public string? Advisor { get; init; }
}

public sealed record ExperienceEntry
{
    public string? Organization { get; init; }

    public string? Title { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? Location { get; init; }

    public IReadOnlyList<string> Highlights { get; init; } = [];
}

/// <summary>A project as the document names it: its name as written, a short description, its link when one is given.</summary>
public sealed record ProjectEntry
{
    public required string Name { get; init; }

    /// <summary>At most <see cref="ProfileLimits.ProjectDescriptionLength"/> characters.</summary>
    public string? Description { get; init; }

    public string? Url { get; init; }
}

/// <summary>How much free text a profile keeps of a document: enough to find a person by it, bounded for any input.</summary>
public static class ProfileLimits
{
    public const int MaxProjects = 30;

    public const int ProjectNameLength = 100;

    public const int ProjectDescriptionLength = 400;

    public const int SummaryLength = 1_000;

    /// <summary>
    /// <paramref name="text"/> with its white space collapsed, cut at a word boundary to at most <paramref name="length"/>
    /// characters (an ellipsis marks a cut); null when nothing is left.
    /// </summary>
    public static string? Bounded(string? text, int length)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A hostile document's "summary" may be megabytes: only its start can be kept, so only its start is read.
        var read = text.Length > 4 * length ? text[..(4 * length)] : text;
        var collapsed = string.Join(' ', read.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= length && read.Length == text.Length)
        {
            return collapsed;
        }

        var end = Math.Min(collapsed.Length, length - 1);
        var space = collapsed.LastIndexOf(' ', end - 1, Math.Min(end, 200));
        return collapsed[..(space > 0 ? space : end)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}

public sealed record Publication
{
    public required string Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Canonical short name (<c>NeurIPS</c>, <c>ICMR Workshops</c>, <c>arXiv</c>) or, for an unknown venue, the raw name.</summary>
    public string? Venue { get; init; }

    /// <summary>The notation as written in the document (<c>[ICLR 2025]</c>).</summary>
    public string? VenueRaw { get; init; }

    public int? Year { get; init; }

    /// <summary>Main track, workshop, journal, preprint, or unknown when no venue is given.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PublicationKind>))]
    public PublicationKind Kind { get; init; }

    public IReadOnlyList<string> Awards { get; init; } = [];

    public bool FirstAuthor { get; init; }

    /// <summary>1-based position of the profile's person among the authors, when known.</summary>
    public int? AuthorPosition { get; init; }

    /// <summary>
    /// The author list ends with "et al.", an ellipsis or BibTeX's "and others": authors after the last one named are
    /// not given, so the last named is not the list's last.
    /// </summary>
    public bool MoreAuthors { get; init; }

    public string? Abstract { get; init; }
}

public enum PublicationKind
{
    Unknown,
    Conference,
    Journal,
    Workshop,
    Preprint,
}

public sealed record ProfileMetrics
{
    public int? HIndex { get; init; }

    public int? Citations { get; init; }

    public int? Papers { get; init; }
}
