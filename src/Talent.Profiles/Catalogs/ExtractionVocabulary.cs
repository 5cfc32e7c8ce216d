namespace Talent.Profiles.Catalogs;

/// <summary>The words of one section kind in headings: a heading matches a phrase found in it as whole words, or equal to it when the phrase starts with '='.</summary>
public sealed record HeadingWords(string Kind, IReadOnlyList<string> Phrases);

/// <summary>
/// Words the extractor reads documents by (section headings per kind and language, the labels of a link to the owner's
/// own site), from <c>config/vocabulary.json</c>: a new language, heading or label is a data change.
/// </summary>
public sealed class ExtractionVocabulary
{
    private readonly List<(SectionKind Kind, string Key, bool Whole)> headingPhrases = [];
    private readonly HashSet<string> homepageLabels = new(StringComparer.Ordinal);

    public ExtractionVocabulary(IEnumerable<HeadingWords> headings, IEnumerable<string>? homepageLabels = null)
    {
        foreach (var label in homepageLabels ?? [])
        {
            var key = CatalogKey.Of(label);
            if (key.Length == 0)
            {
                throw new CatalogException("vocabulary: an empty homepage label");
            }

            this.homepageLabels.Add(key);
        }

        foreach (var group in headings)
        {
            if (!Enum.TryParse<SectionKind>(group.Kind, ignoreCase: false, out var kind) || kind == SectionKind.Header)
            {
                throw new CatalogException($"vocabulary: unknown section kind '{group.Kind}' (expected one of {string.Join(", ", Enum.GetNames<SectionKind>().Where(n => n != nameof(SectionKind.Header)))})");
            }

            foreach (var phrase in group.Phrases)
            {
                var whole = phrase.StartsWith('=');
                var key = CatalogKey.Of(whole ? phrase[1..] : phrase);
                if (key.Length == 0)
                {
                    throw new CatalogException($"vocabulary: an empty heading phrase for '{group.Kind}'");
                }

                headingPhrases.Add((kind, key, whole));
            }
        }
    }

    /// <summary>The section kind a heading names (<c>Education</c>, <c>Skills</c>, ...), or null when it names none.</summary>
    internal SectionKind? KindOfHeading(string heading)
    {
        var key = CatalogKey.Of(heading);
        if (key.Length == 0 || key.Length > 60)
        {
            return null;
        }

        foreach (var (kind, phrase, whole) in headingPhrases)
        {
            if (whole ? string.Equals(key, phrase, StringComparison.Ordinal) : ContainsWords(key, phrase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>True when a link's text names the owner's own site ("Homepage", "Personal website", "🏠").</summary>
    internal bool IsHomepageLabel(string label) =>
        homepageLabels.Contains(CatalogKey.Of(label)) || label.Contains("🏠", StringComparison.Ordinal);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="key"/> on word boundaries (or anywhere, for scripts written without spaces).</summary>
    private static bool ContainsWords(string key, string phrase)
    {
        var unspaced = phrase.Any(InstitutionCatalog.IsUnspacedScript);
        for (var at = key.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = key.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if (unspaced || ((at == 0 || key[at - 1] == ' ') && (end == key.Length || key[end] == ' ')))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The kinds of CV section; <see cref="Header"/> is what comes before the first heading.</summary>
internal enum SectionKind
{
    Header,
    Education,
    Experience,
    Publications,
    Skills,
    Interests,
    Projects,
    Awards,
    About,
    Other,
}
