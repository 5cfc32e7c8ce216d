using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a markdown / plain-text document (CV, homepage, scholar-style page) section by section: the sections are found
/// by their headings (<see cref="SectionFinder"/>), then each is read by its reader (<see cref="ContactReader"/>,
/// <see cref="EducationReader"/>, <see cref="ExperienceReader"/>, <see cref="PublicationReader"/>, <see cref="SkillList"/>,
/// <see cref="ProjectReader"/>, <see cref="SummaryText"/>);
/// publications are also recognised by shape anywhere a CV puts them.
/// </summary>
internal sealed partial class TextProfileReader(ProfileCatalogs catalogs)
{
    private readonly SectionFinder sectionFinder = new(catalogs.Vocabulary);
    private readonly EducationReader educationReader = new(catalogs.Institutions, catalogs.Vocabulary);
    private readonly ProseRoles proseRoles = new(catalogs.Vocabulary, catalogs.Institutions);
    private readonly ExperienceReader experienceReader = new(catalogs.Vocabulary.RoleWords, catalogs.Vocabulary.UnitWords, catalogs.Countries);
    private readonly ContactReader contactReader = new(catalogs.Vocabulary, catalogs.Countries, catalogs.Institutions);
    private readonly PublicationReader publicationReader = new(catalogs);

    /// <summary>Whether a text that looks like a person's name is, as a whole, a section heading or an institution of the catalogs.</summary>
    private bool NamesSomethingElse(string text) =>
        catalogs.Vocabulary.IsHeadingPhrase(text) || catalogs.Institutions.Find(text) is not null || InstitutionNames.HoldsInstitutionWord(text)
        || ExperienceReader.NamesRole(catalogs.Vocabulary.UnitWords, text.ToLowerInvariant());

    /// <summary>A job title set as a heading ("Postdoctoral Researcher", "Security Analyst"): its last word is a role word.</summary>
    private bool EndsInRoleWord(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, .., var last] && catalogs.Vocabulary.RoleWords.Contains(last.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>A section heading below the title ("## Employment History"): never the owner's name.</summary>
    private bool NamesSection(string heading) => catalogs.Vocabulary.KindOfHeading(heading) is not null;

    /// <summary>
    /// The profile the lines state; <paramref name="knownName"/> is the owner a document names outside its text (an HTML
    /// page's metadata), taken when the text names nobody, before the publications are read.
    /// </summary>
    public ExtractedProfile Read(IReadOnlyList<MarkupLine> lines, string? knownName = null)
    {
        var sections = sectionFinder.Split(lines);
        var stated = PersonNames.FromOpeningLines(lines, NamesSomethingElse, NamesSection, EndsInRoleWord);
        var name = stated?.Name ?? PersonNames.FromBoldAuthors(lines) ?? knownName;
        var header = sections.Where(s => s.Kind is SectionKind.Header or SectionKind.Contact).SelectMany(s => s.Lines).ToList();
        var referees = sections.Where(s => s.Kind == SectionKind.References).SelectMany(s => s.Lines).Select(l => l.Index).ToHashSet();
        var emails = ContactReader.Emails(referees.Count == 0 ? lines : lines.Where(l => !referees.Contains(l.Index)).ToList(), header);
        var phones = ContactReader.Phones(header);
        var (homepages, links) = contactReader.FindWebAddresses(lines, header, sections);
        var location = contactReader.FindLocation(header, name);

        var facts = ReadSections(sections, name);
        AddSkillImages(lines, facts.Skills);

        // Prose before the first section or under "About" states the research and the degrees in sentences.
        var prose = sections.Where(s => s.Kind is SectionKind.Header or SectionKind.About).SelectMany(s => s.Lines).ToList();
        AddInterestStatements(prose, facts.Interests);
        AddProseEducation(prose, facts.Education);
        if (facts.Experience.Count == 0)
        {
            // A bio states the position a page lists nowhere else ("I am an Assistant Professor at the University of Ottawa").
            facts.Experience.AddRange(proseRoles.Read(prose, name));
        }

        var topics = catalogs.Topics.Stated(
            facts.Interests.Select(i => new TopicStatement(i, TopicEvidenceKind.Interest))
                .Concat(facts.Publications.Select(p => new TopicStatement(p.Title, TopicEvidenceKind.Title)))
                .Concat(facts.Experience.SelectMany(e => e.Highlights.Select(FocusStatements.OfRole)
                    .Append(new TopicStatement(e.Title ?? string.Empty, TopicEvidenceKind.Role)))),
            facts.Publications.Select(p => p.Abstract ?? string.Empty));
        var profile = new ExtractedProfile
        {
            Name = name,
            AlternateNames = stated?.Alternate is { } alternate ? [alternate] : [],
            Emails = emails,
            Homepages = homepages,
            Links = links,
            Phones = phones,
            Location = location,
            Headline = HeaderHeadline(header, name),
            Summary = SummaryText.Read(sections),
            Education = facts.Education,
            Experience = facts.Experience,
            Publications = facts.Publications,
            Projects = facts.Projects,
            Skills = facts.Skills,
            Topics = FactList.Distinct(TopicEvidence.TopicsOf(topics)),
            TopicEvidence = topics,
            Interests = facts.Interests,
            Metrics = MetricsReader.Read(lines),
        };
        return ProfileExtractor.IsEmpty(profile) && OpeningProse(lines) is { } opening
            ? profile with { Headline = opening, Partial = "no name, contact, education, experience, publications or skills found; stored with its opening text" }
            : profile;
    }

    /// <summary>Lines under the name that are read for the owner's headline, at most.</summary>
    private const int HeadlineLines = 3;

    /// <summary>
    /// The line under the owner's name that says what they do ("Professor of Computer Science, University of Somewhere",
    /// "PhD student at MIT", "Research Scientist · Google DeepMind"): one of the next few lines of the header that names a
    /// role (<c>roleWords</c>) and is short, not a sentence, an address or a link line.
    /// </summary>
    private string? HeaderHeadline(List<MarkupLine> header, string? name)
    {
        if (name is null)
        {
            return null;
        }

        var at = header.FindIndex(l => l.Plain.Contains(name, StringComparison.Ordinal));
        if (at < 0)
        {
            return null;
        }

        foreach (var line in header.Skip(at + 1).Where(l => !l.IsBlank).Take(HeadlineLines))
        {
            var plain = line.Plain.Trim().TrimEnd(',', ';', ':', '|', '·', ' ');
            if (plain.Length is > 3 and <= 120 && !plain.EndsWith('.') && !plain.Contains('@', StringComparison.Ordinal)
                && !plain.Contains("://", StringComparison.Ordinal) && line.Links.Count <= 1 && experienceReader.NamesRole(plain.ToLowerInvariant()))
            {
                return plain;
            }
        }

        return null;
    }

    /// <summary>What the sections state, each read by its reader.</summary>
    private sealed class SectionFacts
    {
        public List<Publication> Publications { get; } = [];

        public List<EducationEntry> Education { get; } = [];

        public List<ExperienceEntry> Experience { get; } = [];

        public List<string> Skills { get; } = [];

        public List<string> Interests { get; } = [];

        public List<ProjectEntry> Projects { get; } = [];
    }

    /// <summary>Publications first, in every section that can hold them; then each section's own facts from the lines left.</summary>
    private SectionFacts ReadSections(List<Section> sections, string? name)
    {
        var facts = new SectionFacts();
        var consumed = new HashSet<int>();
        foreach (var section in sections)
        {
            if (section.Kind is not (SectionKind.Education or SectionKind.Skills or SectionKind.Projects or SectionKind.Awards))
            {
                facts.Publications.AddRange(publicationReader.Read(section, name, consumed));
            }
        }

        foreach (var section in sections)
        {
            var rest = section.Lines.Where(l => !consumed.Contains(l.Index)).ToList();
            switch (section.Kind)
            {
                case SectionKind.Education:
                    facts.Education.AddRange(educationReader.ReadSection(rest));
                    break;
                case SectionKind.Experience:
                    facts.Experience.AddRange(experienceReader.Read(rest));
                    break;
                case SectionKind.Skills:
                    SkillSection.Read(rest, name, catalogs, facts.Skills);
                    break;
                case SectionKind.Projects:
                    AddProjects(ProjectReader.Read(rest, heading => sectionFinder.KindOf(heading) is not null), facts.Projects);
                    break;
                case SectionKind.Interests:
                    // Lines without any catalog topic are chatter ("happy to chat about research ideas").
                    facts.Interests.AddRange(rest.Where(l => !l.IsBlank && l.Plain.Length > 3 && catalogs.Topics.FindIn(l.Plain).Count > 0)
                        .Select(l => WithoutLeadingMarker(l.Plain)));
                    break;
            }
        }

        return facts;
    }

    /// <summary>
    /// An interest line without the glyph a page sets before each item in place of a list's bullet ("> Lattice-Based
    /// Cryptography", "· NLP", "» Robotics"): leading marks and symbols, not an opening bracket or quote.
    /// </summary>
    private static string WithoutLeadingMarker(string line)
    {
        var start = 0;
        while (start < line.Length && (char.IsWhiteSpace(line[start])
            || ((char.IsPunctuation(line[start]) || char.IsSymbol(line[start])) && line[start] is not ('(' or '[' or '"' or '“' or '\'' or '‘'))))
        {
            start++;
        }

        return line[start..];
    }

    /// <summary>A document with several projects sections (open source, research projects) keeps each project once, up to the cap.</summary>
    private static void AddProjects(List<ProjectEntry> read, List<ProjectEntry> projects)
    {
        foreach (var project in read)
        {
            if (projects.Count < ProfileLimits.MaxProjects && !projects.Exists(p => string.Equals(p.Name, project.Name, StringComparison.OrdinalIgnoreCase)))
            {
                projects.Add(project);
            }
        }
    }

    /// <summary>
    /// A profile README often lists its skills only as icons: "![My Skills](https://skillicons.dev/icons?i=js,react)".
    /// An image whose alt text says it is the skills list counts beside the text; icons alone only when nothing else does.
    /// </summary>
    private void AddSkillImages(IReadOnlyList<MarkupLine> lines, List<string> skills)
    {
        var textSkills = skills.Count > 0;
        foreach (var image in lines.SelectMany(l => l.Links).Where(l => l.IsImage && IsSkillImage(l, byAltTextOnly: textSkills)))
        {
            foreach (var item in SkillImages.Items(image.Url))
            {
                SkillList.AddItem(item, catalogs.Skills, skills, words: catalogs.SkillGroups);
            }
        }
    }

    private bool IsSkillImage(LinkRef image, bool byAltTextOnly) =>
        sectionFinder.KindOf(image.Label ?? string.Empty) == SectionKind.Skills
        || (!byAltTextOnly && image.Url.Contains("skillicons.dev", StringComparison.OrdinalIgnoreCase));

    /// <summary>"I am a research engineer at Hugging Face, working on retrieval-augmented generation and dense retrieval."</summary>
    private void AddInterestStatements(List<MarkupLine> prose, List<string> interests)
    {
        foreach (var line in prose)
        {
            // A line of links each labelled with a subject (a scholar profile's "Machine Learning · Speech Recognition", a
            // site's tag links): the subjects are the owner's stated interests.
            if (line.Links.Count >= 2 && line.Links.Count(l => l.Label is { Length: > 0 } label && catalogs.Topics.Find(label) is not null) >= 2)
            {
                foreach (var label in line.Links.Select(l => l.Label).OfType<string>().Where(l => catalogs.Topics.Find(l) is not null && !interests.Contains(l, StringComparer.Ordinal)))
                {
                    interests.Add(label);
                }

                continue;
            }

            foreach (Match cue in FocusStatements.Cue().Matches(line.Plain))
            {
                var statement = cue.Groups["what"].Value.Trim();
                if (catalogs.Topics.FindIn(statement).Count > 0 && !interests.Contains(statement, StringComparer.Ordinal))
                {
                    interests.Add(statement);
                }
            }
        }
    }

    /// <summary>Degrees stated in prose (an about page, a homepage's introduction) count when no section listed them.</summary>
    private void AddProseEducation(List<MarkupLine> prose, List<EducationEntry> education)
    {
        foreach (var entry in educationReader.ReadProse(prose))
        {
            if (!education.Any(e => string.Equals(e.Institution, entry.Institution, StringComparison.Ordinal)))
            {
                education.Add(entry);
            }
        }
    }

    /// <summary>Documents with fewer words than this and no facts are not profiles at all.</summary>
    private const int MinimumPartialWords = 20;

    /// <summary>The document's opening text (up to ~400 characters at a word boundary) when it has at least <see cref="MinimumPartialWords"/> words.</summary>
    private static string? OpeningProse(IReadOnlyList<MarkupLine> lines)
    {
        var words = new List<string>();
        foreach (var line in lines.Where(l => !l.IsBlank && l.Heading is null))
        {
            words.AddRange(line.Plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Count(char.IsLetter) >= 2));
            if (words.Count >= 80)
            {
                break;
            }
        }

        // Prose has words of its own: one token repeated ("<b <i <u" thousands of times) is not text.
        if (words.Count < MinimumPartialWords || words.Distinct(StringComparer.Ordinal).Count() < MinimumPartialWords / 2)
        {
            return null;
        }

        var text = string.Join(' ', words);
        var space = text.Length <= 400 ? text.Length : text.LastIndexOf(' ', 400);
        return text[..(space > 0 ? space : Math.Min(400, text.Length))];
    }
}
