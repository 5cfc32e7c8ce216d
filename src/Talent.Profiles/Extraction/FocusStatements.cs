using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Sentences that state what a person works on ("I am a research engineer, working on retrieval-augmented generation",
/// "Working on SLAM and 3D vision for autonomous driving"), as against sentences that report one thing done.
/// </summary>
internal static partial class FocusStatements
{
    /// <summary>A cue that the words after it are the person's focus; the group <c>what</c> holds them.</summary>
    [GeneratedRegex(@"\b(?:work(?:s|ing|ed)? on|interested in|interests? (?:include|are|lie in)|research (?:focuses|focused) on|focus(?:es|ing)? on|research(?:ing)? on)\s+(?<what>[^.!?;]{3,300})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    public static partial Regex Cue();

    /// <summary>
    /// A role's description as topic evidence: enough alone when it states the person's focus, else only with other
    /// evidence of its topics (see <see cref="TopicStatement.NeedsAnother"/>).
    /// </summary>
    public static TopicStatement OfRole(string text) => new(text, TopicEvidenceKind.Role, NeedsAnother: !Cue().IsMatch(text));
}
