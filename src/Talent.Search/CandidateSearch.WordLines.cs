namespace Talent.Search;

/// <summary>
/// The card lines that say where the query's words were found in what a person says of themselves and in the names of
/// what they hold, so a result that matched by words shows why even without a paper.
/// </summary>
internal sealed partial class CandidateSearch
{
    /// <summary>Interests, topics and skills a card names for the query's words, at most, each.</summary>
    private const int CardNames = 3;

    /// <summary>Longest interest a card shows whole; longer ones are cut at a word.</summary>
    private const int CardInterestLength = 80;

    /// <summary>Topics related to a term the query names ("diffusion model" for video generation), with that term.</summary>
    private readonly Dictionary<string, string> relatedNamed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a catalog name's words hold a word of the query, by name: a page of cards asks about the same names often.</summary>
    private readonly Dictionary<string, bool> namesWithQueryWords = new(StringComparer.Ordinal);

    /// <summary>
    /// "project: Larkspur" for each project (at most <see cref="CardProjects"/>) whose name or description holds a word of the
    /// query, "interests: GPU computing" for the research interests that hold one, "summary mentions storage" with the
    /// query's words, as typed, that the person's summary holds, and the topics and skills whose names hold one (see
    /// <see cref="NamesLine"/>).
    /// </summary>
    private IEnumerable<string> OwnWordsLines(StoredCandidate candidate)
    {
        if (queryTerms.Count == 0)
        {
            yield break;
        }

        foreach (var project in (candidate.Projects ?? []).Where(p => Terms(analyzer, p.Name + " " + p.Description).Overlaps(queryTerms)).Take(CardProjects))
        {
            yield return "project: " + project.Name;
        }

        var interests = (candidate.Interests ?? []).Where(i => Terms(analyzer, i).Overlaps(queryTerms)).Take(CardNames).Select(Shortened).ToList();
        if (interests.Count > 0)
        {
            yield return "interests: " + string.Join("; ", interests);
        }

        if (candidate.Summary is { } summary && Terms(analyzer, summary) is var said && said.Overlaps(queryTerms))
        {
            var words = FreeTextOf(request.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => Terms(analyzer, w).Overlaps(said)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (words.Count > 0)
            {
                yield return "summary mentions " + string.Join(", ", words);
            }
        }

        if (NamesLine("topics", candidate.Topics.Where(t => !topics.Contains(t)), name => catalogs.Topics.Find(name)?.Synonyms, relatedNamed) is { } topicNames)
        {
            yield return topicNames;
        }

        if (NamesLine("skills", candidate.Skills.Where(s => !skills.Contains(s)), name => catalogs.Skills.Find(name)?.Synonyms, null) is { } skillNames)
        {
            yield return skillNames;
        }
    }

    /// <summary>
    /// "topics: security (“computer security”), high-performance computing": the catalog names the candidate holds (not
    /// those the query asks for, which the fit and the papers line show) whose name, or one of whose other names, holds a
    /// word of the query — the index finds them by every name, so "computer" finds a holder of security by "computer
    /// security". The other name is shown when the holder's own does not hold the word; a name the query's words do
    /// not hold but that is related to a term the query names (<paramref name="related"/>, which the search also
    /// raises) says so: "video generation (related to “diffusion model”)".
    /// </summary>
    private string? NamesLine(string label, IEnumerable<string> held, Func<string, IReadOnlyList<string>?> otherNames, IReadOnlyDictionary<string, string>? related)
    {
        var shown = new List<string>(CardNames);
        foreach (var name in held)
        {
            if (HoldsQueryWord(name))
            {
                shown.Add(name);
            }
            else if ((otherNames(name) ?? []).FirstOrDefault(HoldsQueryWord) is { } other)
            {
                shown.Add($"{name} (“{other}”)");
            }
            else if (related?.GetValueOrDefault(name) is { } term)
            {
                shown.Add($"{name} (related to “{term}”)");
            }

            if (shown.Count == CardNames)
            {
                break;
            }
        }

        return shown.Count == 0 ? null : label + ": " + string.Join(", ", shown);
    }

    private bool HoldsQueryWord(string name)
    {
        if (!namesWithQueryWords.TryGetValue(name, out var holds))
        {
            holds = Terms(analyzer, name).Overlaps(queryTerms);
            namesWithQueryWords[name] = holds;
        }

        return holds;
    }

    private static string Shortened(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= CardInterestLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', CardInterestLength - 1);
        return (cut > CardInterestLength / 2 ? trimmed[..cut] : CandidateDocument.Cut(trimmed, CardInterestLength - 1)).TrimEnd() + "…";
    }
}
