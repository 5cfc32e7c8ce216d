using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads education: degree, field, institution and period from the lines of an education section (one entry per line or
/// per group of lines, the parts in any order), and from sentences elsewhere that state a degree ("He received his PhD in
/// marine biology at the Technical University of Denmark"). How degrees are written comes from <c>config/vocabulary.json</c>.
/// </summary>
internal sealed partial class EducationReader(InstitutionCatalog institutions, ExtractionVocabulary vocabulary)
{
    /// <summary>The rest of a degree's name after its first word: "of Science", "of Arts", "of Business Administration".</summary>
    [GeneratedRegex(@"^of (?:Science|Arts|Engineering|Philosophy|Laws|Technology|Business Administration|Fine Arts|Education|Music|Computer Science)\b\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DegreeNameRest();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex YearPattern();

    /// <summary>Entries of an education section.</summary>
    public List<EducationEntry> ReadSection(IEnumerable<MarkupLine> lines)
    {
        var entries = new List<EducationEntry>();
        var stays = new HashSet<int>();
        var previousWasEntry = false;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue; // "**University**", a blank line, then "M.Sc. in Informatics, 2019 – 2021" is still one entry
            }

            var parts = ReadLine(line.Plain);
            if (parts.Institution is not null || parts.Degree.Success)
            {
                AddOrComplete(entries, parts, previousWasEntry);
                previousWasEntry = true;
            }
            else if (entries.Count > 0 && entries[^1] is { Start: null, End: null } last && (parts.Range is not null || parts.End is not null))
            {
                entries[^1] = last with { Start = parts.Start, End = parts.End };
            }

            if (entries.Count > 0 && !parts.Degree.Success && IsPosition(parts.Text))
            {
                // "Delft University of Technology" with "Visiting Researcher at the Faculty of …": a stay listed with the
                // studies, a position held there, not a place of study (unless a degree there is stated after all).
                stays.Add(entries.Count - 1);
            }

            if (entries.Count > 0 && entries[^1].Advisor is null && vocabulary.AdvisorPattern.Match(line.Text) is { Success: true } advisor)
            {
                entries[^1] = entries[^1] with { Advisor = AdvisorName(advisor.Value) };
            }
        }

        // A degree line with no institution anywhere near it is kept only when it says what was studied.
        return entries.Where((e, i) => (e.Institution is not null || e.Field is not null) && !(stays.Contains(i) && e.Degree is null)).ToList();
    }

    /// <summary>Words of a role that a student also is ("PhD student", "exchange student") or of a course of study: not a position.</summary>
    private static readonly string[] StudyRoles = ["student", "candidate", "associate", "phd", "ph.d", "degree", "program", "programme", "course", "semester"];

    private bool IsPosition(string text) => NamesPosition(text, vocabulary);

    /// <summary>
    /// Text listed with the studies that names a position held ("Visiting Researcher at …", "Research Assistant"): a role
    /// word and no word of a course of study ("PhD candidate", "Associate of Science").
    /// </summary>
    internal static bool NamesPosition(string text, ExtractionVocabulary vocabulary)
    {
        if (text.Length >= 160)
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        return ExperienceReader.NamesRole(vocabulary.RoleWords, lower) && !ExperienceReader.NamesRole(StudyRoles, lower);
    }

    /// <summary>What one line of an education section states; <see cref="Text"/> is the line without its dates and advisor.</summary>
    private readonly record struct EducationLine(string Text, DateRange? Range, Match Degree, string? Institution, string? Start, string? End);

    private EducationLine ReadLine(string plain)
    {
        var text = plain;
        var range = DateNotation.FindRange(text);
        if (range is { } r)
        {
            text = (text[..r.Index] + " " + text[(r.Index + r.Length)..]).Trim();
        }

        text = RemoveAdvisor(text);
        var degree = vocabulary.DegreeIn(text);

        // "University of Zagreb B.Eng. in Computing": the degree separates the institution from the field.
        var institution = InstitutionNames.Find(degree.Success ? text[..degree.Index] + " | " + text[(degree.Index + degree.Length)..] : text, institutions);
        return new EducationLine(text, range, degree, institution, range?.Start, range is null ? LastYear(text) : range.Value.End);
    }

    /// <summary>A line naming a degree or an institution: a new entry, or the rest of the entry the line above began.</summary>
    private static void AddOrComplete(List<EducationEntry> entries, EducationLine line, bool previousWasEntry)
    {
        var last = entries.Count > 0 ? entries[^1] : null;

        // A degree line under its institution's line, or an institution line under its degree's line: one entry.
        var completes = previousWasEntry && last is not null
            && ((line.Institution is null && last.Degree is null) || (!line.Degree.Success && last.Institution is null));
        if (completes && last is not null)
        {
            entries[^1] = last with
            {
                Institution = last.Institution ?? line.Institution,
                Degree = last.Degree ?? DegreeOf(line.Degree),
                Field = last.Field ?? FieldOf(line.Text, line.Degree),
                Start = last.Start ?? line.Start,
                End = last.Start is null && last.End is null ? line.End : last.End,
            };
            return;
        }

        entries.Add(new EducationEntry
        {
            Institution = line.Institution,
            Degree = DegreeOf(line.Degree),
            Field = FieldOf(line.Text, line.Degree),
            Start = line.Start,
            End = line.End,
        });
    }

    /// <summary>
    /// Degrees stated in sentences outside an education section (about text, a homepage's introduction): each degree a
    /// sentence names with the institution after it ("the B.S. at A and the M.Sc. at B"), or the institution of a sentence
    /// about one's studies ("a Natural Sciences graduate from the University of Cambridge").
    /// </summary>
    public List<EducationEntry> ReadProse(IEnumerable<MarkupLine> lines)
    {
        var entries = new List<EducationEntry>();
        var text = string.Join(' ', lines.Where(l => !l.IsBlank).Select(l => l.Plain));
        foreach (var sentence in Sentences(text))
        {
            var degrees = vocabulary.DegreesIn(sentence).ToList();
            if (degrees.Count == 0)
            {
                if (vocabulary.StudyCuePattern.IsMatch(sentence))
                {
                    Add(InstitutionNames.Find(sentence, institutions), degree: null, sentence);
                }

                continue;
            }

            for (var i = 0; i < degrees.Count && i < 8; i++)
            {
                var end = i + 1 < degrees.Count ? degrees[i + 1].Index : sentence.Length;
                var clause = sentence[degrees[i].Index..end];
                Add(InstitutionNames.Find(clause, institutions), degrees[i], clause);
            }
        }

        return entries;

        void Add(string? institution, Match? degree, string clause)
        {
            if (institution is not null && !entries.Any(e => string.Equals(e.Institution, institution, StringComparison.Ordinal)))
            {
                entries.Add(new EducationEntry { Institution = institution, Degree = degree is null ? null : DegreeOf(degree), End = LastYear(clause) });
            }
        }
    }

    /// <summary>Sentences of running text, cut at ". " before a capital letter or at line-like breaks; each bounded in length.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '!' or '?' or '。' or ';' || (text[i] == '.' && CapitalAfterSpace(text, i + 1) && !IsAbbreviation(text, i));
            if (end || i - start > 600)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>Whether white space (any amount: a page's source breaks and indents its lines) and then a capital start at <paramref name="at"/>.</summary>
    private static bool CapitalAfterSpace(string text, int at)
    {
        var next = at;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next > at && next < text.Length && char.IsUpper(text[next]);
    }

    /// <summary>"Dr. Smith", "Ph.D. at", "M.Sc. in": a dot after a short abbreviation does not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && text[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length <= 3 || word.Contains('.', StringComparison.Ordinal);
    }

    private string RemoveAdvisor(string text)
    {
        var advisor = vocabulary.AdvisorPattern.Match(text);
        return advisor.Success ? text[..advisor.Index] + text[(advisor.Index + advisor.Length)..] : text;
    }

    /// <summary>"Advisor: Prof. Yang You" → "Yang You".</summary>
    private string AdvisorName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => !char.IsUpper(w[0]) || vocabulary.AdvisorCueWords.Contains(w.TrimEnd(':')) || w.TrimEnd(':') is "Prof." or "Prof" or "Professor" or "Dr." or "Dr");
        return string.Join(' ', words).Trim();
    }

    private static string? DegreeOf(Match degree) => degree.Success ? degree.Value.Trim() : null;

    /// <summary>"Ph.D. in Physics", "M.S. in Computer Science": the words after "in" up to the next separator.</summary>
    private static string? FieldOf(string text, Match degree)
    {
        if (!degree.Success)
        {
            return null;
        }

        var after = text[(degree.Index + degree.Length)..].TrimStart(' ', '.');
        if (after.StartsWith("degree ", StringComparison.OrdinalIgnoreCase))
        {
            after = after[7..];
        }

        // "Master of Science - MS, Mathematics", "Doctor of Philosophy - PhD, Computer Science" (as a professional profile
        // writes a degree): the rest of the degree's name and its abbreviation, then the field after the comma.
        var named = DegreeNameRest().Match(after);
        var abbreviated = named.Success ? after[named.Length..] : after;
        if (abbreviated.StartsWith("- ", StringComparison.Ordinal) || abbreviated.StartsWith("– ", StringComparison.Ordinal))
        {
            var comma = abbreviated.IndexOf(',', StringComparison.Ordinal);
            if (comma is > 2 and <= 14)
            {
                var rest = abbreviated[(comma + 1)..];
                var end = rest.IndexOfAny(['·', '(', '|', ';', '\t']);
                var studied = (end >= 0 ? rest[..end] : rest).Trim();
                return studied.Length is > 1 and < 80 ? studied : null;
            }
        }

        if (!after.StartsWith("in ", StringComparison.Ordinal) && !after.StartsWith("of ", StringComparison.Ordinal))
        {
            return SubjectAfter(after);
        }

        var field = after[3..];
        var stop = field.IndexOfAny([',', ';', '(', '|', '\t', '.']);
        field = (stop >= 0 ? field[..stop] : field).Trim();
        var at = field.IndexOf(" at ", StringComparison.Ordinal);
        field = at > 0 ? field[..at] : field;
        return field.Length is > 1 and < 80 ? field : null;
    }

    /// <summary>
    /// The subject written right after the degree ("PhD, Computer Science (2020)", "Ph.D. Computer Science, 2020", "MSc Data
    /// Science @ University of Edinburgh", "B.Eng. (Hons) Software Engineering - University of Auckland"): a few capitalised
    /// words up to the next separator, not an institution and not a date.
    /// </summary>
    private static string? SubjectAfter(string after)
    {
        var text = after.TrimStart(',', ' ');
        if (text.StartsWith('(') && text.IndexOf(')', StringComparison.Ordinal) is var close and > 0 and < 12)
        {
            text = text[(close + 1)..].TrimStart(); // "(Hons)", "(Res)"
        }

        var end = text.IndexOfAny([',', ';', '(', '|', '\t', '@', '·', '–', '—']);
        var subject = end >= 0 ? text[..end] : text;
        foreach (var stop in new[] { " - ", " at ", " from " })
        {
            var at = subject.IndexOf(stop, StringComparison.Ordinal);
            subject = at > 0 ? subject[..at] : subject;
        }

        subject = subject.Trim(' ', '.', '*');
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Abitur: Immanuel Kant Gymnasium": what follows a colon is a school, not a subject (it does not open with a capital).
        return words.Length is >= 1 and <= 6 && char.IsUpper(subject[0]) && !subject.Any(char.IsDigit) && !InstitutionNames.HoldsInstitutionWord(subject)
            ? subject
            : null;
    }

    private static string? LastYear(string text)
    {
        string? year = null;
        foreach (Match m in YearPattern().Matches(text))
        {
            year = m.Value;
        }

        return year;
    }
}
