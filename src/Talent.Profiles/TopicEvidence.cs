using System.Text.Json.Serialization;

namespace Talent.Profiles;

/// <summary>
/// Why a profile has a topic: the statement that names it (an interest, a paper's title, a role) or the abstracts that
/// mention it. A topic has one entry per kind of statement, so the candidate page can say where it comes from.
/// </summary>
public sealed record TopicEvidence
{
    /// <summary>The catalog's canonical topic name.</summary>
    public required string Topic { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<TopicEvidenceKind>))]
    public TopicEvidenceKind Kind { get; init; }

    /// <summary>The first statement of its kind that names the topic, as written and cut to <see cref="MaxText"/> characters; null for abstracts.</summary>
    public string? Text { get; init; }

    /// <summary>How many abstracts mention the topic (for <see cref="TopicEvidenceKind.Abstracts"/>).</summary>
    public int Abstracts { get; init; }

    /// <summary>Longest statement text kept: enough to recognise a title or an interest line.</summary>
    public const int MaxText = 120;

    /// <summary>The topics of the evidence, in order of first appearance.</summary>
    public static IReadOnlyList<string> TopicsOf(IEnumerable<TopicEvidence> evidence) =>
        evidence.Select(e => e.Topic).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>In plain words: <c>paper title “…”</c>, <c>research interest “…”</c>, <c>role “…”</c>, <c>3 abstracts</c>.</summary>
    public string Describe() => Kind switch
    {
        TopicEvidenceKind.Abstracts => Abstracts == 1 ? "1 abstract" : $"{Abstracts} abstracts",
        TopicEvidenceKind.Title => $"paper title “{Text}”",
        TopicEvidenceKind.Role => $"role “{Text}”",
        TopicEvidenceKind.Keywords => $"paper keywords “{Text}”",
        _ => $"research interest “{Text}”",
    };
}

/// <summary>The kinds of statement a topic can come from.</summary>
public enum TopicEvidenceKind
{
    /// <summary>A research-interest line or keyword.</summary>
    Interest,

    /// <summary>The title of one of the person's publications.</summary>
    Title,

    /// <summary>A role's title or what the person did in it.</summary>
    Role,

    /// <summary>The keywords a publication list gives a paper.</summary>
    Keywords,

    /// <summary>Repeated mentions across the publications' abstracts.</summary>
    Abstracts,
}

/// <summary>
/// A text that states what a person works on, and which kind of statement it is. <see cref="NeedsAnother"/> marks a
/// description of what the person did in a role (a highlight, a role's summary): a topic it names counts only with
/// other evidence of it (another statement, another description, an abstract), as one word in one sentence of a CV
/// says little of what a person works on.
/// </summary>
public readonly record struct TopicStatement(string Text, TopicEvidenceKind Kind, bool NeedsAnother = false);
