using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Talent.Search.Recruiting;

namespace Talent.Search;

/// <summary>A result card: who the person is now, how well they fit, and the strongest evidence in plain words.</summary>
internal sealed partial class CandidateSearch
{
    /// <summary>What a skill the query names but a candidate does not list counts in the fit when their texts name it.</summary>
    private const double MentionedSkill = 0.5;

    /// <summary>The query's terms the fit looks for as words (see <see cref="WordsOfTheFit"/>), once computed.</summary>
    private HashSet<string>? wordsOfTheFit;

    /// <summary>The words of the fit and the terms of the names of the skills the query names (filled with <see cref="wordsOfTheFit"/>).</summary>
    private HashSet<string>? termsOfTheFit;

    /// <summary>The terms of each name of each catalog skill the query names, by the skill's catalog name (filled with <see cref="wordsOfTheFit"/>).</summary>
    private readonly Dictionary<string, List<HashSet<string>>> namedSkillTerms = new(StringComparer.OrdinalIgnoreCase);

    private SearchHit Describe(SearchHit hit, StoredCandidate candidate)
    {
        var facts = candidate.Recruiter;
        var credit = Matching.SkillCredit.Of(skills, candidate.Skills, catalogs.Skills);
        var lacking = credit.Missing.ToList();
        var location = string.Join(", ", new[] { facts?.City, facts?.Country }.OfType<string>());
        var name = candidate.Name ?? (request.ContactLookup && facts?.Contact is { } contact ? $"{CandidateCard.NameNotStated} ({contact})" : CandidateCard.NameNotStated);
        var fit = Fit(candidate, credit.Met, lacking, credit.Requirements);
        return hit with
        {
            DisplayName = name,
            Title = facts?.Title ?? candidate.Headline,
            Employer = facts?.Employer,
            Location = location.Length > 0 ? location : null,
            Fit = fit,
            FitLabel = fit is { } value ? CandidateCard.FitLabel(value) : null,
            Highlights = Highlights(hit, candidate, credit.Present, lacking),
            Skills = candidate.Skills.Where(GivesAskedSkill).Select(s => new SkillMark(s, true))
                .Concat(candidate.Skills.Where(s => !GivesAskedSkill(s)).Select(s => new SkillMark(s, false)))
                .Take(CardSkills)
                .ToList(),
        };
    }

    /// <summary>
    /// The share of what was asked that the candidate shows: the query's words found in their profile's facts (topics,
    /// skills, titles, name, headline, employers, schools and degree subjects, places, projects, summary, interests) or together in
    /// the one text the body of work found closest (a paper's title and abstract, or their own words), the skills, topics
    /// and venues asked for that they hold (a skill the query names that they do not list but name in those texts, half).
    /// Filters are met by every result. Null when nothing was asked.
    /// </summary>
    private int? Fit(StoredCandidate candidate, int skillsHad, IReadOnlyList<string> skillsLacking, int skillsWanted)
    {
        var parts = new List<double>();
        var words = WordsOfTheFit();

        // Each text is analysed once, for the query's words and the names of the skills it names together.
        var held = new List<HashSet<string>>();
        if (termsOfTheFit is { Count: > 0 } asked)
        {
            held.Add(TermsHeld(ProfileText(candidate), asked));
            if (closestTexts.TryGetValue(candidate.Id, out var closest))
            {
                var inClosest = TermsHeld(closest.Text, asked);
                if (closest.More is { } more)
                {
                    inClosest.UnionWith(TermsHeld(more, asked));
                }

                held.Add(inClosest);
            }
        }

        if (words.Count > 0)
        {
            var found = held.Max(terms => words.Count(terms.Contains));

            // "Stanford OR Munich" asks for either: one of them is all that was asked.
            var anyOf = request.Query.Contains(" OR ", StringComparison.Ordinal) || request.Query.Contains("||", StringComparison.Ordinal);
            parts.Add(anyOf ? Math.Min(1, found) : (double)found / words.Count);
        }

        if (skillsWanted > 0)
        {
            var named = skillsLacking.Count(skill => namedSkillTerms.TryGetValue(skill, out var names)
                && names.Any(name => held.Any(name.IsSubsetOf)));
            parts.Add((skillsHad + (MentionedSkill * named)) / skillsWanted);
        }

        if (topics.Count > 0)
        {
            parts.Add((double)candidate.Topics.Count(topics.Contains) / topics.Count);
        }

        if (venues.Count > 0)
        {
            parts.Add((double)venues.Count(v => candidate.Publications.Any(p => string.Equals(p.Venue, v, StringComparison.OrdinalIgnoreCase))) / venues.Count);
        }

        if (parts.Count == 0)
        {
            // Only filters (the request's or the query's own, "school:Stanford"): every result meets them all.
            return request.HasRecruiterFilters || request.Since is not null || !string.IsNullOrWhiteSpace(request.Query) ? 100 : null;
        }

        return (int)Math.Round(100 * parts.Average());
    }

    /// <summary>
    /// The query's terms the fit looks for as words: those of the catalog skills the query names ("golang", "python")
    /// count as skills held or lacking instead, once, so holding Go is a full fit for "golang" and holding Python half of
    /// one for "bioinformatics python".
    /// </summary>
    private HashSet<string> WordsOfTheFit()
    {
        if (wordsOfTheFit is not null)
        {
            return wordsOfTheFit;
        }

        var skillTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var named in skillsNamed)
        {
            var info = catalogs.Skills.Find(named);
            var names = new List<HashSet<string>>();
            foreach (var name in (info?.Synonyms ?? []).Prepend(info?.Name ?? named))
            {
                var terms = Terms(analyzer, name);
                skillTerms.UnionWith(terms);
                if (terms.Count > 0)
                {
                    names.Add(terms);
                }
            }

            namedSkillTerms[info?.Name ?? named] = names;
        }

        wordsOfTheFit = skillTerms.Count == 0 ? queryTerms : queryTerms.Where(t => !skillTerms.Contains(t)).ToHashSet(StringComparer.Ordinal);
        termsOfTheFit = [.. wordsOfTheFit, .. skillTerms];
        return wordsOfTheFit;
    }

    /// <summary>
    /// Which of <paramref name="terms"/> the text holds, analysed as the index analyses it; the text is read only until
    /// every term has been found.
    /// </summary>
    private HashSet<string> TermsHeld(string text, HashSet<string> terms)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var asked = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(IndexFields.Titles, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (found.Count < terms.Count && stream.IncrementToken())
        {
            if (asked.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var queryTerm))
            {
                found.Add(queryTerm);
            }
        }

        stream.End();
        return found;
    }

    /// <summary>Everything a result's fit looks for the query's words in, the places they are most often found first.</summary>
    private static string ProfileText(StoredCandidate candidate)
    {
        var facts = candidate.Recruiter;
        var parts = new List<string?>();
        parts.AddRange(candidate.Topics);
        parts.AddRange(candidate.Skills);
        parts.AddRange(candidate.Publications.Select(p => p.Title + " " + p.Venue));
        parts.AddRange([candidate.Name, candidate.Headline, facts?.Title, facts?.City, facts?.Country, facts?.Degree]);
        parts.AddRange(facts?.Employers ?? []);
        parts.AddRange(facts?.Schools ?? []);
        parts.AddRange(facts?.Subjects ?? []);
        parts.AddRange((candidate.Projects ?? []).Select(p => p.Name + " " + p.Description));
        parts.Add(candidate.Summary);
        parts.AddRange(candidate.Interests ?? []);
        return string.Join(" \n ", parts.OfType<string>());
    }

    /// <summary>Whether a skill a candidate lists is one the query asks for, or implies one through the catalog's parents.</summary>
    private bool GivesAskedSkill(string listed) =>
        skills.Contains(listed) || catalogs.Skills.AncestorsOf(listed).Any(skills.Contains);

    private List<string> Highlights(SearchHit hit, StoredCandidate candidate, IReadOnlyList<string> had, List<string> lacking)
    {
        var lines = new List<string>();
        if (PapersLine(hit, candidate) is { } papers)
        {
            lines.Add(papers);
        }

        if (had.Count > 0 || lacking.Count > 0)
        {
            var parts = new List<string>();
            if (had.Count > 0)
            {
                parts.Add("has " + string.Join(", ", had));
            }

            if (lacking.Count > 0)
            {
                parts.Add("lacks " + string.Join(", ", lacking));
            }

            lines.Add(string.Join("; ", parts));
        }

        lines.AddRange(OwnWordsLines(candidate));
        if (candidate.Recruiter is { } facts)
        {
            lines.AddRange(RecruiterLines(facts));
        }

        return lines;
    }

    /// <summary>
    /// What the candidate's schools, degrees, employers and place hold of what was asked ("studied at Stanford University",
    /// "works at Stripe", "previously at Amazon", "based in Lisbon, Portugal"), and their years of experience when filtered on.
    /// </summary>
    private List<string> RecruiterLines(StoredRecruiterFacts facts)
    {
        var lines = new List<string>();
        var asked = request.Schools.Concat(request.Companies).Concat(request.CurrentCompanies).Concat(request.Locations)
            .Concat(ValuesOf(request.Query)).Select(Text.Fold).Where(a => a.Length > 0).ToList();
        bool Asked(string value)
        {
            var folded = Text.Fold(value);
            return asked.Exists(a => folded.Contains(a, StringComparison.Ordinal) || a.Split(' ').Any(w => w.Length > 2 && ContainsWord(folded, w)));
        }

        var subjects = (facts.Subjects ?? []).Where(Asked).ToList();
        var schools = facts.Schools.Where(Asked).ToList();
        if (subjects.Count > 0 || schools.Count > 0)
        {
            var studied = subjects.Count > 0 ? string.Join(", ", subjects) + " " : "";
            lines.Add(("studied " + studied + (schools.Count > 0 ? "at " + string.Join(", ", schools) : "")).TrimEnd());
        }

        if (facts.Employer is { } employer && Asked(employer))
        {
            lines.Add("works at " + employer);
        }

        var past = facts.Employers.Where(e => !string.Equals(e, facts.Employer, StringComparison.OrdinalIgnoreCase) && Asked(e)).ToList();
        if (past.Count > 0)
        {
            lines.Add((facts.Employer is null ? "worked at " : "previously at ") + string.Join(", ", past));
        }

        var place = string.Join(", ", new[] { facts.City, facts.Country }.OfType<string>());
        if (place.Length > 0 && Asked(place))
        {
            lines.Add("based in " + place);
        }

        if (facts.ExperienceYears is { } years && (request.MinYears is not null || request.MaxYears is not null))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{years} years of experience"));
        }

        return lines;
    }

    /// <summary>
    /// "3 papers on video generation (2 first-author), 2 at ICLR" from the evidence the hit shows: "on" a topic asked for
    /// or named by the query that the candidate holds (a title, an interest or repeated evidence says so), "matching" the
    /// query's words otherwise — papers that hold "distribution" and "systems" are not papers on distributed systems.
    /// </summary>
    private string? PapersLine(SearchHit hit, StoredCandidate candidate)
    {
        if (hit.Evidence.Count == 0 || (queryTerms.Count == 0 && topics.Count == 0 && venues.Count == 0))
        {
            return null;
        }

        var topic = hit.Matches.Topics.FirstOrDefault()
            ?? catalogs.Topics.FindIn(FreeTextOf(request.Query)).FirstOrDefault(t => candidate.Topics.Contains(t, StringComparer.OrdinalIgnoreCase));
        var subject = topic ?? WordsHeld(hit, candidate);
        var count = hit.Evidence.Count;
        var first = hit.Evidence.Count(e => e.FirstAuthor);
        var last = hit.Evidence.Count(e => e.LastAuthor && !e.FirstAuthor);
        var line = count == 1 ? "1 paper" : string.Create(CultureInfo.InvariantCulture, $"{count} papers");
        if (subject.Length > 0)
        {
            line += (topic is null ? " matching " : " on ") + subject;
        }

        var places = new List<string>(2);
        if (first > 0)
        {
            places.Add(string.Create(CultureInfo.InvariantCulture, $"{first} first-author"));
        }

        if (last > 0)
        {
            places.Add(string.Create(CultureInfo.InvariantCulture, $"{last} last-author"));
        }

        if (places.Count > 0)
        {
            line += " (" + string.Join(", ", places) + ")";
        }

        foreach (var venue in hit.Matches.Venues.Take(2))
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {venue.Count} at {venue.Venue}");
        }

        return line;
    }

    /// <summary>
    /// The query's words that the hit's evidence papers hold in their titles or abstracts: the whole query when they hold
    /// every word (or none, when they match through a synonym or a filter), else those words ("generation" for a paper on
    /// code generation found for "video generation" by any of its words).
    /// </summary>
    private string WordsHeld(SearchHit hit, StoredCandidate candidate)
    {
        var text = FreeTextOf(request.Query);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => Terms(analyzer, w).Count > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = hit.Evidence.Select(e => e.Title).ToHashSet(StringComparer.Ordinal);
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in candidate.Publications.Where(p => shown.Contains(p.Title)))
        {
            said.UnionWith(Terms(analyzer, paper.Title + "\n" + paper.Abstract));
        }

        var held = words.Where(w => Terms(analyzer, w).Overlaps(said)).ToList();
        return held.Count == 0 || held.Count == words.Count ? text : string.Join(", ", held);
    }

    /// <summary>The words of a query with field names, quotes and operators left out ("school:\"Stanford University\"" gives "Stanford University").</summary>
    private static IEnumerable<string> ValuesOf(string query)
    {
        var words = new List<string>();
        foreach (var token in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var value = (colon > 0 && !token.Contains("//", StringComparison.Ordinal) ? token[(colon + 1)..] : token).Trim('"', '(', ')', '+', '-', '!');
            if (value.Length > 0 && value is not "AND" and not "OR" and not "NOT")
            {
                words.Add(value);
            }
        }

        return words.Count == 0 ? [] : [string.Join(' ', words)];
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var startOk = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endOk = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (startOk && endOk)
            {
                return true;
            }

            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
