using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// The person's own summary: the paragraphs of an "About", "Summary" or "Profile" section (heading words in
/// <c>config/vocabulary.json</c>), else the sentences a page opens with before its first section (a homepage's introduction).
/// At most <see cref="ProfileLimits.SummaryLength"/> characters.
/// </summary>
internal static class SummaryText
{
    /// <summary>A line of the opening part is a sentence of an introduction with at least this many words.</summary>
    private const int MinimumSentenceWords = 10;

    public static string? Read(IReadOnlyList<Section> sections)
    {
        var about = Collect(sections.Where(s => s.Kind == SectionKind.About).SelectMany(s => s.Lines), l => l.Plain.AsSpan().Count(' ') + 1 >= 3); // three parts between spaces, counted without splitting
        return about ?? Collect(sections.Where(s => s.Kind == SectionKind.Header).SelectMany(s => s.Lines), l => !l.IsBullet && IsSentence(l.Plain));
    }

    private static string? Collect(IEnumerable<MarkupLine> lines, Func<MarkupLine, bool> wanted)
    {
        var parts = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank || line.Heading is not null || !line.Plain.Any(char.IsLetter) || IsTemplate(line.Plain) || !wanted(line))
            {
                continue;
            }

            parts.Add(line.Plain.TrimStart('·', '◦', ' '));
            length += line.Plain.Length + 1;
            if (length > ProfileLimits.SummaryLength)
            {
                break;
            }
        }

        return ProfileLimits.Bounded(string.Join(' ', parts), ProfileLimits.SummaryLength);
    }

    /// <summary>A site generator's placeholder left in the page ("{{ site.data.bio }}") is no one's text.</summary>
    private static bool IsTemplate(string plain) => plain.Contains("{{", StringComparison.Ordinal) || plain.Contains("{%", StringComparison.Ordinal);

    /// <summary>"I am a PhD student at …, working on …." — not a contact line, a menu or a title.</summary>
    private static bool IsSentence(string plain) =>
        (plain.Contains(". ", StringComparison.Ordinal) || plain.TrimEnd().EndsWith('.') || plain.TrimEnd().EndsWith('!'))
        && WordCount(plain) >= MinimumSentenceWords;

    /// <summary>The words between spaces (as many as <c>Split(' ', RemoveEmptyEntries)</c> gives), without making them.</summary>
    internal static int WordCount(string text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
            {
                words++;
            }
        }

        return words;
    }
}
