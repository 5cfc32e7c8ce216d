using System.Text.RegularExpressions;

namespace Talent.Profiles.Catalogs;

/// <summary>The words of one section kind in headings: a heading matches a phrase found in it as whole words, or equal to it when the phrase starts with '='.</summary>
public sealed record HeadingWords(string Kind, IReadOnlyList<string> Phrases);

/// <summary>
/// Words the extractor reads documents by (section headings per kind and language, the labels of a link to the owner's
/// own site, how degrees are written, job title words, contact link labels), from <c>config/vocabulary.json</c>: a new
/// language, heading, degree or label is a data change.
/// </summary>
public sealed class ExtractionVocabulary
{
    private readonly HeadingPhrases headingPhrases = new();
    private readonly HashSet<string> homepageLabels = new(StringComparer.Ordinal);
    private readonly HashSet<string> publicationColumns;
    private readonly Lazy<Regex> degreePattern;
    private readonly Lazy<Regex> advisorPattern;
    private readonly Lazy<Regex> studyCuePattern;

    /// <param name="headings">The heading words of each section kind.</param>
    /// <param name="homepageLabels">Link texts that name the owner's own site.</param>
    /// <param name="words">The word lists of documents (degrees, roles, link labels and the rest).</param>
    /// <param name="readsDocuments">
    /// False for a command that reads no document (search, match): the degree pattern is then built, and a part the
    /// non-backtracking engine refuses found, only if it is used, sparing such a command the engine's construction.
    /// </param>
    public ExtractionVocabulary(IEnumerable<HeadingWords> headings, IEnumerable<string>? homepageLabels = null, DocumentWords? words = null, bool readsDocuments = true)
    {
        words ??= DocumentWords.None;
        CheckDegreeWords(words.DegreePatterns, words.DegreeWords);
        degreePattern = new Lazy<Regex>(() => DegreePatternOf(words.DegreePatterns, words.DegreeWords));
        if (readsDocuments)
        {
            _ = degreePattern.Value;
        }

        notDegreeWords = (words.NotDegreeWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
        thesisWords = (words.ThesisWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToList();
        RoleWords = LowerCaseWords("role word", words.RoleWords);
        UnitWords = LowerCaseWords("unit word", words.UnitWords ?? []);
        ContactLinkLabels = LowerCaseWords("contact link label", words.ContactLinkLabels).ToHashSet(StringComparer.Ordinal);
        LinkLabels = LowerCaseWords("link label", words.LinkLabels ?? []).ToHashSet(StringComparer.Ordinal);
        Publishers = LowerCaseWords("publisher", words.Publishers ?? []).ToHashSet(StringComparer.Ordinal);
        NameLeadIns = LowerCaseWords("name lead-in", words.NameLeadIns ?? []);
        publicationColumns = LowerCaseWords("publication column", words.PublicationColumns ?? []).Select(CatalogKey.Of).ToHashSet(StringComparer.Ordinal);
        var advisorCues = Phrases("advisor cue", words.AdvisorCues ?? []);
        AdvisorCueWords = advisorCues.SelectMany(c => c.Split(' ')).ToHashSet(StringComparer.Ordinal);
        // Built when first used: their phrases are escaped, so they are valid whatever the file holds, and a command that
        // reads no document (search, match) does not pay for the non-backtracking engine's construction.
        var advisor = @"(?:" + Alternatives(advisorCues) + @")\s*:?\s*(?:Prof\.?|Professor|Dr\.?)?\s*[A-Z][\w'-]+(?: +[A-Z][\w'-]+){1,3}";
        advisorPattern = new Lazy<Regex>(() => new Regex(advisor, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        var studyCues = @"\b(?:" + Alternatives(LowerCaseWords("study cue", words.StudyCues ?? [])) + @")\b";
        studyCuePattern = new Lazy<Regex>(() => new Regex(studyCues, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
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

                headingPhrases.Add(kind, key, whole);
            }
        }
    }

    /// <summary>A degree as written ("Ph.D.", "M.Sc", "Diplom-Informatiker", "博士"), on the non-backtracking engine.</summary>
    internal Regex DegreePattern => degreePattern.Value;

    /// <summary>Words that hold a degree word and are not a degree ("博士后", a postdoc): a degree found at their start is not one.</summary>
    private readonly IReadOnlyList<string> notDegreeWords;

    /// <summary>The first degree in <paramref name="text"/> (see <see cref="DegreesIn"/>); an unsuccessful match when none.</summary>
    internal Match DegreeIn(string text) => DegreesIn(text).FirstOrDefault() ?? Match.Empty;

    /// <summary>The degrees <see cref="DegreePattern"/> finds in <paramref name="text"/>, but those inside a word that is not a degree.</summary>
    internal IEnumerable<Match> DegreesIn(string text) =>
        DegreePattern.Matches(text).Where(m => !notDegreeWords.Any(word => string.CompareOrdinal(text, m.Index, word, 0, word.Length) == 0)
            && !NamesThesis(text.AsSpan(m.Index + m.Length)));

    /// <summary>Words after a degree that make it the name of a thesis ("PhD thesis", "Master's dissertation"), not a degree.</summary>
    private readonly IReadOnlyList<string> thesisWords;

    private bool NamesThesis(ReadOnlySpan<char> after)
    {
        var rest = after.TrimStart();
        if (rest.StartsWith("'s", StringComparison.Ordinal) || rest.StartsWith("’s", StringComparison.Ordinal))
        {
            rest = rest[2..].TrimStart();
        }

        foreach (var word in thesisWords)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (rest.Length == word.Length || !char.IsLetter(rest[word.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words of a job title, lower case ("engineer", "intern").</summary>
    internal IReadOnlyList<string> RoleWords { get; }

    /// <summary>Words naming a unit of an organisation ("department", "school of", "lab"), lower case.</summary>
    internal IReadOnlyList<string> UnitWords { get; }

    /// <summary>Labels of contact links ("github", "email"), lower case.</summary>
    internal IReadOnlySet<string> ContactLinkLabels { get; }

    /// <summary>Labels of the links beside a publication ("pdf", "code", "slides"), lower case: never its title or venue.</summary>
    internal IReadOnlySet<string> LinkLabels { get; }

    /// <summary>Publishers as a citation names them after its venue ("springer nature switzerland"), lower case: never the venue.</summary>
    internal IReadOnlySet<string> Publishers { get; }

    /// <summary>An advisor named on an education line ("Advisor: Prof. Yang You", "supervised by Jane Roe"): a cue of the file, then the name.</summary>
    internal Regex AdvisorPattern => advisorPattern.Value;

    /// <summary>The words of the advisor cues as written ("Advisor", "Supervised"): never part of the advisor's name.</summary>
    internal IReadOnlySet<string> AdvisorCueWords { get; }

    /// <summary>A word or phrase saying a sentence is about one's own studies even when it names no degree ("graduated", "alumna").</summary>
    internal Regex StudyCuePattern => studyCuePattern.Value;

    /// <summary>Words before the owner's name in a page title ("about", "homepage of"), lower case, in the order they are dropped.</summary>
    internal IReadOnlyList<string> NameLeadIns { get; }

    /// <summary>
    /// Whether the text is, as a whole, one of the heading phrases ("Publications", "職務経歴"): a name such as "Vera
    /// Preprint" holds a heading word but is not a heading.
    /// </summary>
    internal bool IsHeadingPhrase(string text)
    {
        var key = CatalogKey.Of(text);
        return key.Length is > 0 and <= 60 && headingPhrases.IsPhrase(key);
    }

    /// <summary>
    /// Whether a table's header row heads a list of publications: two or more of its cells name a column of one ("Title",
    /// "Cited by", "Year"), as a publication table's header does and a course or metrics table's ("Year | Course") does not.
    /// </summary>
    internal bool HeadsPublicationTable(IEnumerable<string> cells) =>
        cells.Count(c => c.Length <= 60 && publicationColumns.Contains(CatalogKey.Of(c))) >= 2;

    /// <summary>The section kind a heading names (<c>Education</c>, <c>Skills</c>, ...), or null when it names none.</summary>
    internal SectionKind? KindOfHeading(string heading)
    {
        var key = CatalogKey.Of(heading);
        if (key.Length == 0 || key.Length > 60)
        {
            return null;
        }

        return headingPhrases.KindOf(key);
    }

    /// <summary>True when a link's text names the owner's own site ("Homepage", "Personal website", "🏠").</summary>
    internal bool IsHomepageLabel(string label) =>
        homepageLabels.Contains(CatalogKey.Of(label)) || label.Contains("🏠", StringComparison.Ordinal);

    /// <summary>
    /// One pattern: the degree patterns as whole words (with an optional dot after), then the degree words anywhere; a
    /// pattern matching nothing when none are configured. A bad part is named: each pattern's syntax is checked on its
    /// own (cheaply, by the interpreter's parser), and when the whole is refused by the non-backtracking engine (a
    /// lookaround, a back-reference), each part is built with that engine to find the one it refuses. Building every
    /// part with it up front cost more than the whole pattern, on every start of every command.
    /// </summary>
    private static Regex DegreePatternOf(IReadOnlyList<string> patterns, IReadOnlyList<string> words)
    {
        const RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        var parts = new List<string>();
        if (patterns.Count > 0)
        {
            parts.Add(@"\b(?:" + string.Join('|', patterns) + @")\b\.?");
        }

        parts.AddRange(words.Select(Regex.Escape));
        try
        {
            return new Regex(parts.Count > 0 ? string.Join('|', parts) : "(?!)", options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            foreach (var pattern in patterns)
            {
                CheckDegreePattern(pattern, options);
            }

            throw new CatalogException($"vocabulary: the degree patterns are not a pattern of the non-backtracking engine together ({e.Message})");
        }
    }

    /// <summary>The checks of the degree patterns and words that cost little: none empty, each pattern's syntax (by the interpreter's parser).</summary>
    private static void CheckDegreeWords(IReadOnlyList<string> patterns, IReadOnlyList<string> words)
    {
        foreach (var pattern in patterns)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new CatalogException("vocabulary: an empty degree pattern");
            }

            CheckDegreePattern(pattern, RegexOptions.CultureInvariant);
        }

        if (words.Any(string.IsNullOrWhiteSpace))
        {
            throw new CatalogException("vocabulary: an empty degree word");
        }
    }

    private static void CheckDegreePattern(string pattern, RegexOptions options)
    {
        try
        {
            _ = new Regex(pattern, options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new CatalogException($"vocabulary: degree pattern '{pattern}' is not a pattern of the non-backtracking engine ({e.Message})");
        }
    }

    /// <summary>Phrases matched as written (case kept): each must be non-empty, words separated by one space.</summary>
    private static List<string> Phrases(string what, IReadOnlyList<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase) || !string.Equals(phrase, string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal))
            {
                throw new CatalogException($"vocabulary: {what} '{phrase}' is empty or not single-spaced");
            }
        }

        return phrases.ToList();
    }

    /// <summary>The phrases as alternatives of a pattern, each literal; a class no character is in when there are none.</summary>
    private static string Alternatives(IReadOnlyList<string> phrases) =>
        phrases.Count == 0 ? @"[^\s\S]" : string.Join('|', phrases.Select(Regex.Escape));

    private static List<string> LowerCaseWords(string what, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word) || !string.Equals(word, word.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw new CatalogException($"vocabulary: {what} '{word}' is empty or not lower case");
            }
        }

        return words.Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>The word lists of <c>vocabulary.json</c> besides headings and homepage labels; each may be left out (none).</summary>
public sealed record DocumentWords(
    IReadOnlyList<string> DegreePatterns, IReadOnlyList<string> DegreeWords, IReadOnlyList<string> RoleWords, IReadOnlyList<string> ContactLinkLabels,
    IReadOnlyList<string>? LinkLabels = null, IReadOnlyList<string>? NameLeadIns = null, IReadOnlyList<string>? AdvisorCues = null,
    IReadOnlyList<string>? StudyCues = null, IReadOnlyList<string>? PublicationColumns = null, IReadOnlyList<string>? NotDegreeWords = null,
    IReadOnlyList<string>? ThesisWords = null, IReadOnlyList<string>? Publishers = null, IReadOnlyList<string>? UnitWords = null)
{
    internal static DocumentWords None { get; } = new([], [], [], []);
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

    /// <summary>Referees and their contact details: their addresses are not the owner's.</summary>
    References,

    /// <summary>The owner's contact details under a heading of their own (a CV's sidebar): read as the header is.</summary>
    Contact,
    Other,
}
