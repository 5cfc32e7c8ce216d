using System.Text.Json.Serialization;

namespace Talent.Search;

/// <summary>What a search result needs from a candidate, stored in the document so a search never reads the database.</summary>
internal sealed record StoredCandidate(
    long Id,
    string? Name,
    string? Headline,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Topics,
    IReadOnlyList<StoredPublication> Publications,
    StoredRecruiterFacts? Recruiter = null,
    IReadOnlyList<StoredProject>? Projects = null,
    string? Summary = null,
    IReadOnlyList<string>? Interests = null);

/// <summary>A project as a result card explains a match by it: its name, and its description for the words it holds.</summary>
internal sealed record StoredProject(string Name, string? Description);

/// <summary>
/// A publication as a result shows it. <see cref="PeerReviewed"/> is a main-track conference or journal paper;
/// <see cref="LastAuthor"/>: the candidate closes an author list of two or more, the place of the senior author in most fields.
/// </summary>
internal sealed record StoredPublication(
    string Title,
    string? Venue,
    int? Year,
    bool FirstAuthor,
    bool PeerReviewed,
    string? Abstract,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool LastAuthor = false);

[JsonSerializable(typeof(StoredCandidate))]
[JsonSerializable(typeof(StoredRecruiterFacts))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoredCandidateJson : JsonSerializerContext;
