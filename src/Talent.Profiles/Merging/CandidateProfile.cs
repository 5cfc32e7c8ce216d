namespace Talent.Profiles.Merging;

/// <summary>One source's extracted profile, as stored.</summary>
public sealed record SourceProfile(string SourceId, ExtractedProfile Profile, DateTimeOffset ReceivedAt);

/// <summary>
/// A candidate: the merge of every source judged to be the same person. Each merged fact says which
/// sources state it, so the candidate page can show provenance.
/// </summary>
public sealed record CandidateProfile
{
    public string? Name { get; init; }

    public string? Headline { get; init; }

    /// <summary>The person's own summary, from the first source (by source id) that states one.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<string> Emails { get; init; } = [];

    public IReadOnlyList<string> Homepages { get; init; } = [];

    public IReadOnlyList<string> Links { get; init; } = [];

    public IReadOnlyList<string> Phones { get; init; } = [];

    public string? Location { get; init; }

    public IReadOnlyList<Sourced<EducationEntry>> Education { get; init; } = [];

    public IReadOnlyList<Sourced<ExperienceEntry>> Experience { get; init; } = [];

    public IReadOnlyList<MergedPublication> Publications { get; init; } = [];

    /// <summary>Projects, one per name; a profile stored before projects were read has none.</summary>
    public IReadOnlyList<Sourced<ProjectEntry>> Projects { get; init; } = [];

    public IReadOnlyList<string> Skills { get; init; } = [];

    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>What states each topic, and in which sources (abstracts: the first source's count).</summary>
    public IReadOnlyList<Sourced<TopicEvidence>> TopicEvidence { get; init; } = [];

    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>Canonical institution names from education (universities).</summary>
    public IReadOnlyList<string> Institutions { get; init; } = [];

    /// <summary>Organisation names from experience (companies, labs).</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    public ProfileMetrics Metrics { get; init; } = new();

    public IReadOnlyList<string> SourceIds { get; init; } = [];
}

/// <summary>A fact and the ids of the sources that state it.</summary>
public sealed record Sourced<T>(T Value, IReadOnlyList<string> Sources);

/// <summary>
/// A publication merged across sources. <see cref="Publication"/> carries the winning facts (a
/// peer-reviewed venue beats a preprint); <see cref="Claims"/> keeps what every source said.
/// </summary>
public sealed record MergedPublication(Publication Publication, IReadOnlyList<VenueClaim> Claims)
{
    public IReadOnlyList<string> Sources => Claims.Select(c => c.SourceId).Distinct(StringComparer.Ordinal).ToList();
}

public sealed record VenueClaim(string SourceId, string? Venue, string? VenueRaw, int? Year, PublicationKind Kind);
