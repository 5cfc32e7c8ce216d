using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A role stated in a page's prose, as an academic homepage's bio states the owner's position: "I am an Assistant
/// Professor in the School of EECS at the University of Ottawa.", "I'm currently a Postdoc Researcher in Smart Robotics
/// Lab at Technical University of Munich", "Luca Fortini is a PostDoc at Istituto Italiano di Tecnologia", "I work as a
/// software engineer at Hugging Face". A title must hold a role word (and not a student's: a PhD student's studies are
/// education); the employer is the institution the sentence names after the title, else the name after its "at".
/// </summary>
internal sealed partial class ProseRoles(ExtractionVocabulary vocabulary, InstitutionCatalog institutions)
{
    private const int MaxSentence = 400;

    /// <summary>Titles of studies (education) or of membership ("an active member of the IEEE"): no position held.</summary>
    private static readonly string[] NotPositionWords = ["student", "candidate", "undergraduate", "graduate", "member"];

    private static readonly string[] TitleEnds = [" at ", " in ", " with ", " within ", " of the ", " for ", " on ", " working ", " and ", " who ", " where ", " since "];

    private static readonly HashSet<string> NameConnectors = new(["of", "for", "and", "&", "de", "di", "du", "des", "la", "le", "für", "und"], StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:I am|I'm|I’m|I work as|(?:He|She) is)\s+(?:currently\s+|now\s+)?(?:working\s+as\s+|employed\s+as\s+)?(?:an?|the)\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadPattern();

    /// <summary>The roles the lines' sentences state, each once.</summary>
    public List<ExperienceEntry> Read(IEnumerable<MarkupLine> lines, string? name)
    {
        var roles = new List<ExperienceEntry>();
        // Most prose states no position: a line is split into sentences only when it holds a lead ("I am a", "Jane Roe is").
        foreach (var line in lines.Where(l => l.Plain.Length > 10 && (LeadPattern().IsMatch(l.Plain) || (name is not null && l.Plain.Contains(name + " is ", StringComparison.Ordinal)))))
        {
            foreach (var sentence in Sentences(line.Plain))
            {
                if (RoleIn(sentence, name) is { } role && !roles.Exists(r => r.Title == role.Title && r.Organization == role.Organization))
                {
                    roles.Add(role);
                }
            }
        }

        return roles;
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split([". ", "! ", "? ", "; "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(s => s.Length <= MaxSentence);

    private ExperienceEntry? RoleIn(string sentence, string? name)
    {
        var after = LeadPattern().Match(sentence) is { Success: true } lead ? lead.Index + lead.Length : AfterNameIs(sentence, name);
        if (after < 0)
        {
            return null;
        }

        var rest = sentence[after..];
        var end = TitleEnds.Select(e => rest.IndexOf(e, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(rest.Length).Min();
        var title = rest[..end].Trim(' ', ',', '.', ';', ':');
        var lower = title.ToLowerInvariant();
        if (title.Length < 3 || title.Split(' ').Length > 6 || !ExperienceReader.NamesRole(vocabulary.RoleWords, lower) || ExperienceReader.NamesRole(NotPositionWords, lower))
        {
            return null;
        }

        var organization = Employer(rest[end..]);
        return organization is null ? null : new ExperienceEntry { Title = char.ToUpperInvariant(title[0]) + title[1..], Organization = organization };
    }

    /// <summary>"Luca Fortini is a PostDoc …": where the title begins after the owner's name, or -1.</summary>
    private static int AfterNameIs(string sentence, string? name)
    {
        if (name is null)
        {
            return -1;
        }

        foreach (var article in new[] { " is a ", " is an ", " is currently a ", " is currently an " })
        {
            var at = sentence.IndexOf(name + article, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + name.Length + article.Length;
            }
        }

        return -1;
    }

    /// <summary>
    /// The capitalised name after the title's "at" ("at Hugging Face, where …", "at the University of Ottawa"), as the
    /// institution catalog names it; else the institution the rest of the sentence names ("in the Robotics Lab of ETH Zurich").
    /// </summary>
    private string? Employer(string rest)
    {
        var named = NameAfterAt(rest);
        if (named is not null && !ExperienceReader.NamesRole(vocabulary.UnitWords, named.ToLowerInvariant()))
        {
            return InstitutionNames.Find(named, institutions) ?? OrganizationNames.Canonical(named);
        }

        // A unit after "at" ("at the Department of Informatics, Technical University of Munich") stands for its institution.
        return InstitutionNames.Find(rest, institutions) ?? (named is null ? null : InstitutionNames.Find(named, institutions) ?? OrganizationNames.Canonical(named));
    }

    private static string? NameAfterAt(string rest)
    {
        var at = rest.IndexOf(" at ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var words = new List<string>();
        foreach (var word in rest[(at + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.TrimEnd(',', '.', ';', ':', ')');
            if (words.Count == 0 && bare is "the" or "The")
            {
                continue;
            }

            if (bare.Length == 0 || !(char.IsUpper(bare[0]) || char.IsDigit(bare[0]) || (words.Count > 0 && NameConnectors.Contains(bare))))
            {
                break;
            }

            words.Add(bare);
            if (bare.Length < word.Length || words.Count == 6)
            {
                break; // the name ends at its punctuation
            }
        }

        while (words.Count > 0 && NameConnectors.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count > 0 ? string.Join(' ', words) : null;
    }
}
