namespace Talent.Profiles.Identity;

/// <summary>A normalised piece of identifying evidence: <c>email</c>, <c>homepage</c>, <c>link</c>, <c>title</c> or <c>person</c> (name with institution).</summary>
public sealed record IdentityKey(string Kind, string Value);

/// <summary>How much a link between two sources says, weakest first; a person's decision outranks every rule.</summary>
public enum LinkStrength
{
    /// <summary>The same name with corroboration: one shared title, or the same institution in an overlapping period.</summary>
    Weak = 1,

    /// <summary>Two or more shared publication titles under compatible names (or one side nameless).</summary>
    Publications = 2,

    /// <summary>A shared e-mail, personal homepage or profile link (ORCID, Scholar, GitHub, DBLP).</summary>
    Strong = 3,

    /// <summary>A person decided (<c>talent admin merge</c> or <c>split</c>).</summary>
    Manual = 4,
}

/// <summary>
/// Evidence that two sources are the same person, in words a person can check (<c>shared e-mail</c>,
/// <c>3 shared publication titles, compatible names</c>). <see cref="SourceA"/> sorts before <see cref="SourceB"/>.
/// <see cref="Weight"/> orders links of one strength (the number of shared titles).
/// </summary>
public sealed record IdentityLink(string SourceA, string SourceB, LinkStrength Strength, int Weight, string Reason)
{
    public static IdentityLink Between(string one, string other, LinkStrength strength, int weight, string reason) =>
        string.CompareOrdinal(one, other) <= 0
            ? new IdentityLink(one, other, strength, weight, reason)
            : new IdentityLink(other, one, strength, weight, reason);

    public string Other(string sourceId) => string.Equals(sourceId, SourceA, StringComparison.Ordinal) ? SourceB : SourceA;
}

/// <summary>A person's decision that two sources are (<see cref="Together"/>) or are not the same person.</summary>
public sealed record IdentityDecision(string SourceA, string SourceB, bool Together, string DecidedBy);

/// <summary>One person as the rules and decisions group them: their sources and the links that hold them together.</summary>
public sealed record IdentityGroup(IReadOnlyList<string> SourceIds, IReadOnlyList<IdentityLink> Links);

/// <summary>
/// The grouping of one component of sources: the groups, and the sources flagged for review (a source whose strong
/// keys point at several people with different names links to none of them) with the reason.
/// </summary>
public sealed record IdentityGrouping(IReadOnlyList<IdentityGroup> Groups, IReadOnlyDictionary<string, string> Flagged);
