using Lucene.Net.Documents;
using Talent.Profiles.Merging;

namespace Talent.Search.Ranking;

/// <summary>
/// A candidate's own words (headline, summary, roles with their employers, interests, skills) stored beside the
/// search blob, so search, match and similar can score engineers, who have no papers, and anyone by what their profile
/// says of them. The summary comes second: it is the person's own account of their work, and a sentence vector reads
/// only its first 1,000 characters or so.
/// </summary>
public static class OwnText
{
    public const string Field = "own_text";

    private const int MaxLength = 4000;

    public static string Of(CandidateProfile profile)
    {
        var lines = new List<string>();
        Add(lines, profile.Headline);
        Add(lines, profile.Summary);
        foreach (var experience in profile.Experience.Select(e => e.Value))
        {
            Add(lines, string.Join(", ", new[] { experience.Title, experience.Organization }.Where(s => !string.IsNullOrWhiteSpace(s))));
            foreach (var highlight in experience.Highlights)
            {
                Add(lines, highlight);
            }
        }

        foreach (var interest in profile.Interests)
        {
            Add(lines, interest);
        }

        Add(lines, string.Join(", ", profile.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())));
        var text = string.Join("\n", lines);
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    internal static void AddTo(Document document, CandidateProfile profile)
    {
        var text = Of(profile);
        if (text.Length > 0)
        {
            document.Add(new StoredField(Field, text));
        }
    }

    internal static string Read(Document document) => document.Get(Field) ?? "";

    private static void Add(List<string> lines, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(text.Trim());
        }
    }
}
