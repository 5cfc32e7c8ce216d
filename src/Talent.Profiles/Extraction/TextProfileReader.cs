using System.Globalization;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a markdown / plain-text document (CV, homepage, scholar-style page) section by section. Sections
/// are recognised by their headings; publications are also recognised by shape anywhere a CV puts them.
/// </summary>
internal sealed partial class TextProfileReader(ProfileCatalogs catalogs)
{
    private readonly SectionFinder sectionFinder = new(catalogs.Vocabulary);
    private readonly EducationReader educationReader = new(catalogs.Institutions, catalogs.Vocabulary);
    private readonly ExperienceReader experienceReader = new(catalogs.Vocabulary.RoleWords);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,8}){1,4}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?:[a-z0-9-]+\.)+(?:dev|io|com|org|net|me|edu|ai|cn|sg|xyz|art|page|site|info|co|uk|de|fr|ca|jp|hk|tw|us|app|tech|blog)(?:/[^\s)\]|]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BareDomainPattern();

    [GeneratedRegex(@"^(?:[A-Z]{2,3}(?:\.[A-Z]{2,3})?)?(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?<year>(?:19|20)\d{2})(?:\s*(?:Code|PDF|Video|Project))*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ScholarDatePattern();

    /// <summary>A scholar page's date line ("Mar 4, 2024"): its ", " and year found before the pattern is tried.</summary>
    private static Match ScholarDate(string line) =>
        line.Contains(", ", StringComparison.Ordinal) && line.AsSpan().ContainsAnyInRange('0', '9') ? ScholarDatePattern().Match(line) : Match.Empty;

    private static bool IsScholarDate(string line) => ScholarDate(line).Success;

    [GeneratedRegex(@"^\[(?<v>[^\[\]]{2,60})\]\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingBracketPattern();

    [GeneratedRegex(@"\*\*(?<b>[^*]{1,200})\*\*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"^h-?index\s*:?\s*(?<n>\d{1,4})$|^(?<c>[\d,]{1,12})\s*citations$|^citations\s*:?\s*(?<c2>[\d,]{1,12})$|^(?<p>\d{1,5})\s*papers$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"\b(?<which>co-first|first|second|third|fourth|fifth|last|corresponding)\s+author\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AuthorRolePattern();

    [GeneratedRegex(@"\b(?:work(?:s|ing|ed)? on|interested in|interests? (?:include|are|lie in)|research (?:focuses|focused) on|focus(?:es|ing)? on|research(?:ing)? on)\s+(?<what>[^.!?;]{3,300})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InterestCuePattern();

    public ExtractedProfile Read(IReadOnlyList<MarkupLine> lines)
    {
        var sections = sectionFinder.Split(lines);
        var name = FindName(lines) ?? PersonNames.FromBoldAuthors(lines);
        var header = sections.Where(s => s.Kind == SectionKind.Header).SelectMany(s => s.Lines).ToList();

        var emails = EmailsIn(header);
        if (emails.Count == 0)
        {
            emails = EmailsIn(lines);
        }

        var phones = Distinct(header.SelectMany(l => PhonesIn(l.Plain)));
        var (homepages, links) = FindWebAddresses(lines, header, sections);
        var location = FindLocation(header, name);

        var consumed = new HashSet<int>();
        var publications = new List<Publication>();
        var education = new List<EducationEntry>();
        var experience = new List<ExperienceEntry>();
        var skills = new List<string>();
        var interests = new List<string>();
        foreach (var section in sections)
        {
            if (section.Kind is not (SectionKind.Education or SectionKind.Skills or SectionKind.Projects or SectionKind.Awards))
            {
                publications.AddRange(ReadPublications(section, name, consumed));
            }
        }

        foreach (var section in sections)
        {
            var rest = section.Lines.Where(l => !consumed.Contains(l.Index)).ToList();
            switch (section.Kind)
            {
                case SectionKind.Education:
                    education.AddRange(educationReader.ReadSection(rest));
                    break;
                case SectionKind.Experience:
                    experience.AddRange(experienceReader.Read(rest));
                    break;
                case SectionKind.Skills:
                    var filled = rest.Where(l => !l.IsBlank).ToList();
                    for (var i = 0; i < filled.Count; i++)
                    {
                        // "Bioinformatics" over ": Blast, BBtools": a definition list's term labels the list under it.
                        if (i + 1 < filled.Count && filled[i + 1].Text.StartsWith(':') && !filled[i].Text.Contains(',', StringComparison.Ordinal))
                        {
                            continue;
                        }

                        SkillList.AddFrom(filled[i].Text, catalogs.Skills, skills, catalogs.SkillGroups);
                    }

                    break;
                case SectionKind.Interests:
                    // Lines without any catalog topic are chatter ("happy to chat about research ideas").
                    interests.AddRange(rest.Where(l => !l.IsBlank && l.Plain.Length > 3 && catalogs.Topics.FindIn(l.Plain).Count > 0)
                        .Select(l => l.Plain.TrimStart('·', ' ')));
                    break;
            }
        }

        // A profile README often lists its skills only as icons: "![My Skills](https://skillicons.dev/icons?i=js,react)".
        // An image whose alt text says it is the skills list counts beside the text; icons alone only when nothing else does.
        var textSkills = skills.Count > 0;
        foreach (var image in lines.SelectMany(l => l.Links).Where(l => l.IsImage && IsSkillImage(l, byAltTextOnly: textSkills)))
        {
            foreach (var item in SkillImages.Items(image.Url))
            {
                SkillList.AddItem(item, catalogs.Skills, skills, words: catalogs.SkillGroups);
            }
        }

        // Prose before the first section or under "About" states the research in a sentence:
        // "I am a research engineer at Hugging Face, working on retrieval-augmented generation and dense retrieval."
        foreach (var line in sections.Where(s => s.Kind is SectionKind.Header or SectionKind.About).SelectMany(s => s.Lines))
        {
            foreach (Match cue in InterestCuePattern().Matches(line.Plain))
            {
                var statement = cue.Groups["what"].Value.Trim();
                if (catalogs.Topics.FindIn(statement).Count > 0 && !interests.Contains(statement, StringComparer.Ordinal))
                {
                    interests.Add(statement);
                }
            }
        }

        // Degrees stated in prose (an about page, a homepage's introduction) count when no section listed them.
        foreach (var entry in educationReader.ReadProse(sections.Where(s => s.Kind is SectionKind.Header or SectionKind.About).SelectMany(s => s.Lines)))
        {
            if (!education.Any(e => string.Equals(e.Institution, entry.Institution, StringComparison.Ordinal)))
            {
                education.Add(entry);
            }
        }

        var topicText = interests
            .Concat(publications.Select(p => p.Title))
            .Concat(publications.Select(p => p.Abstract ?? string.Empty))
            .Concat(experience.SelectMany(e => e.Highlights.Append(e.Title ?? string.Empty)));
        var topics = Distinct(topicText.SelectMany(catalogs.Topics.FindIn));

        var profile = new ExtractedProfile
        {
            Name = name,
            Emails = emails,
            Homepages = homepages,
            Links = links,
            Phones = phones,
            Location = location,
            Education = education,
            Experience = experience,
            Publications = publications,
            Skills = skills,
            Topics = topics,
            Interests = interests,
            Metrics = ReadMetrics(lines),
        };
        return ProfileExtractor.IsEmpty(profile) && OpeningProse(lines) is { } prose
            ? profile with { Headline = prose, Partial = "no name, contact, education, experience, publications or skills found; stored with its opening text" }
            : profile;
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

    private static string? FindName(IReadOnlyList<MarkupLine> lines)
    {
        var seen = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            if (AuthorList.AsPersonName(line.Heading ?? line.Plain) is { } name)
            {
                return name;
            }

            if (++seen >= 3)
            {
                break;
            }
        }

        // "Hi, I'm Jane Roe", "My name is Jane Roe": an introduction near the top.
        foreach (var line in lines.Take(40))
        {
            if (line.Plain.Length > 8 && PersonNames.FromIntroduction(line.Plain) is { } introduced)
            {
                return introduced;
            }
        }

        return null;
    }

    private (List<string> Homepages, List<string> Links) FindWebAddresses(IReadOnlyList<MarkupLine> lines, List<MarkupLine> header, List<Section> sections)
    {
        var homepages = new List<string>();
        var homeKeys = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        foreach (var line in header)
        {
            var withoutEmails = line.Plain.Contains('@', StringComparison.Ordinal) ? EmailPattern().Replace(line.Plain, " ") : line.Plain;
            var labelled = line.Plain.Contains("🏠", StringComparison.Ordinal) || line.Plain.Contains("homepage", StringComparison.OrdinalIgnoreCase)
                || line.Plain.Contains("website", StringComparison.OrdinalIgnoreCase) || line.Plain.Contains("web:", StringComparison.OrdinalIgnoreCase);
            foreach (var m in BareDomainsIn(withoutEmails))
            {
                Classify(m, label: null, labelled: labelled || line.Index < 8);
            }
        }

        // The header and the section headings ("Selected Publications ([all](https://jane.github.io/publications))") link the
        // owner's own pages; section bodies link everyone else's.
        var bodyLines = sections.Where(s => s.Kind != SectionKind.Header).SelectMany(s => s.Lines).Select(l => l.Index).ToHashSet();
        var headerLines = lines.Select(l => l.Index).Where(i => !bodyLines.Contains(i)).ToHashSet();
        foreach (var line in lines.Where(l => l.Links.Count > 0))
        {
            foreach (var link in line.Links.Where(l => !l.IsImage))
            {
                // A link whose text is a person's name points at someone else (an advisor, a host, a co-author).
                if (link.Label is { } label && AuthorList.LooksLikeName(label, allowSingle: false))
                {
                    continue;
                }

                // Below the header a page links co-authors', labs' and projects' sites: only a link labelled as the
                // owner's site ("Homepage", "Website", "Blog") is a homepage there.
                var labelled = link.Label is { } l && catalogs.Vocabulary.IsHomepageLabel(l);
                Classify(link.Url, link.Label, labelled, inHeader: headerLines.Contains(line.Index));
            }
        }

        return (homepages, links);

        void Classify(string url, string? label, bool labelled, bool inHeader = true)
        {
            if (WebAddress.Normalize(url) is not { } normalized)
            {
                return;
            }

            if (WebAddress.AsProfileLink(normalized) is { } profile)
            {
                AddDistinct(links, profile);
            }
            else if ((inHeader || labelled) && WebAddress.AsHomepage(normalized, labelled) is { } home && homeKeys.Add(home))
            {
                // Shown as written (a "www." kept), compared without it.
                var written = WebAddress.Normalize(url, keepWww: true) ?? home;
                AddDistinct(homepages, home.Length < normalized.Length ? WebAddress.HostOf(written) : written);
            }
        }
    }

    private string? FindLocation(List<MarkupLine> header, string? name)
    {
        foreach (var line in header)
        {
            if (!(line.Plain.Contains('@', StringComparison.Ordinal) && EmailPattern().IsMatch(line.Plain)) && !PhonesIn(line.Plain).Any())
            {
                continue;
            }

            foreach (var part in line.Plain.Split(['♦', '·', '|', '•', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length is < 2 or > 40 || part.Any(char.IsDigit) || part.Contains('@', StringComparison.Ordinal)
                    || part.Contains('.', StringComparison.Ordinal) || part.Any(c => c > 0x2000)
                    || catalogs.Vocabulary.ContactLinkLabels.Contains(part.ToLowerInvariant())
                    || string.Equals(part, name, StringComparison.OrdinalIgnoreCase) || !char.IsUpper(part[0]))
                {
                    continue;
                }

                return part;
            }
        }

        return null;
    }

    private List<Publication> ReadPublications(Section section, string? person, HashSet<int> consumed)
    {
        if (section.Lines.Any(l => IsScholarDate(l.Plain)))
        {
            return ReadScholarEntries(section.Lines, person, consumed);
        }

        var entries = new List<List<MarkupLine>>();
        List<MarkupLine>? current = null;
        var afterBlank = false;
        foreach (var line in section.Lines)
        {
            if (line.Heading is not null || (line.IsFullyBold && !line.IsBullet))
            {
                current = null;
                continue;
            }

            if (line.IsBlank)
            {
                afterBlank = true;
                continue;
            }

            if (line.IsBullet)
            {
                current = [line];
                entries.Add(current);
            }
            else if (current is not null && (!afterBlank || AuthorList.Parse(BoldPattern().Replace(line.Text, " ")) is not null))
            {
                current.Add(line);
            }
            else if (section.Kind == SectionKind.Publications)
            {
                // Under a publications heading a paragraph is an entry too ("Authors (2017). Title. Journal.").
                current = [line];
                entries.Add(current);
            }
            else
            {
                current = null;
            }

            afterBlank = false;
        }

        if (entries.Count > MaxEntriesPerSection)
        {
            entries.RemoveRange(MaxEntriesPerSection, entries.Count - MaxEntriesPerSection);
        }

        var drafts = entries.Select(e => ReadByFeatures(ReadEntry(e, person), e, person, section.Kind == SectionKind.Publications)).ToList();
        var result = new List<Publication>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft is null)
            {
                continue;
            }

            // "· Title" followed by "· Author, Author" (two bullets): the second one is the first one's authors.
            if (draft.Publication.Authors.Count == 0 && i + 1 < drafts.Count && drafts[i + 1] is { IsAuthorLine: true } next)
            {
                draft = draft with { Publication = WithAuthors(draft.Publication, next.AuthorNames, person, next.AuthorText) };
                foreach (var line in entries[i + 1])
                {
                    consumed.Add(line.Index);
                }

                drafts[i + 1] = null;
            }

            var publication = draft.Publication;
            if (draft.IsAuthorLine || publication.Title.Length < 8 || (publication.Venue is null && publication.Authors.Count < 2))
            {
                continue;
            }

            result.Add(publication);
            foreach (var line in entries[i])
            {
                consumed.Add(line.Index);
            }
        }

        return result;
    }

    /// <summary>
    /// An entry the notation-specific reading could not give both a venue and a year is read again by its features
    /// (quoted or emphasised title, venue after it, year); the reading with more facts wins.
    /// </summary>
    private EntryDraft? ReadByFeatures(EntryDraft? draft, List<MarkupLine> entry, string? person, bool inPublications)
    {
        if (draft is { IsAuthorLine: true } || draft?.Publication is { Venue: not null, Year: not null })
        {
            return draft;
        }

        var text = string.Join('\n', entry.Select(l => l.Text)).Trim();
        var links = entry.SelectMany(l => l.Links).Where(l => !l.IsImage).ToList();
        if (PublicationFeatures.Read(text, links, person, catalogs.Venues) is not { } read)
        {
            return draft;
        }

        // Outside a publications section (news, talks, attendance lists) an entry needs a venue the catalog knows.
        if (!inPublications && (read.Kind == PublicationKind.Unknown || read.Year is null))
        {
            return draft;
        }

        var better = draft is null || draft.Publication.Title.Length < 8 || (read.Venue is not null && read.Year is not null)
            || (draft.Publication.Venue is null && draft.Publication.Authors.Count < 2);
        return better ? new EntryDraft(read, false, read.Authors) : draft;
    }

    private sealed record EntryDraft(Publication Publication, bool IsAuthorLine, IReadOnlyList<string> AuthorNames, string? AuthorText = null);

    private EntryDraft? ReadEntry(List<MarkupLine> entry, string? person)
    {
        var text = string.Join(' ', entry.Select(l => l.Text)).Trim();
        var plain = MarkupText.ToPlain(text);
        if (!LooksLikeTitleThenRest(text) && AuthorList.Parse(plain) is { } onlyAuthors)
        {
            return new EntryDraft(new Publication { Title = plain }, true, AuthorList.Parse(text.Replace("**", string.Empty, StringComparison.Ordinal)) ?? onlyAuthors, text);
        }

        VenueReading? venue = null;
        string? venueRaw = null;
        var leading = LeadingBracketPattern().Match(text);
        if (leading.Success && VenueNotation.Parse(leading.Groups["v"].Value, catalogs.Venues) is { } bracket && (bracket.Known || bracket.Year is not null))
        {
            venue = bracket;
            venueRaw = leading.Value.Trim();
            text = text[leading.Length..];
        }

        string title;
        string rest;
        var bold = text.IndexOf("**", StringComparison.Ordinal);
        if (text.StartsWith("**", StringComparison.Ordinal) && text.IndexOf("**", 2, StringComparison.Ordinal) is var close and > 2)
        {
            title = text[2..close];
            rest = text[(close + 2)..];
        }
        else if (bold > 0 && CountOf(text, "**") % 2 == 1)
        {
            title = text[..bold];
            rest = text[(bold + 2)..];
        }
        else
        {
            var firstLine = entry[0].Text;
            if (leading.Success && venueRaw is not null && firstLine.StartsWith(leading.Value, StringComparison.Ordinal))
            {
                firstLine = firstLine[leading.Length..];
            }

            var pipe = firstLine.IndexOf('|', StringComparison.Ordinal);
            title = pipe > 0 ? firstLine[..pipe] : firstLine;
            rest = string.Join(' ', entry.Skip(1).Select(l => l.Text)) + (pipe > 0 ? " " + firstLine[pipe..] : string.Empty);
        }

        int? position = null;
        var firstAuthorNoted = false;
        if (venue is null)
        {
            foreach (Match m in BoldPattern().Matches(rest))
            {
                if (VenueNotation.Parse(m.Groups["b"].Value, catalogs.Venues) is { } reading && (reading.Known || reading.Year is not null))
                {
                    venue = reading;
                    venueRaw = m.Groups["b"].Value.Trim();
                }
            }
        }

        if (venue is null)
        {
            // LaTeX sources put the venue in italics: "\textbf{Title}. Authors. \textit{CVPR 2022}."
            foreach (var (index, italic) in MarkupText.ItalicSpans(rest))
            {
                if (VenueNotation.Parse(italic, catalogs.Venues) is { Known: true } reading)
                {
                    venue = reading;
                    venueRaw = italic.Trim();
                    rest = rest[..index];
                    break;
                }
            }
        }

        if (rest.Contains('|', StringComparison.Ordinal))
        {
            foreach (var segment in rest.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (venue is null && VenueNotation.Parse(segment, catalogs.Venues) is { Known: true } reading)
                {
                    venue = reading;
                    venueRaw = segment;
                }

                var role = AuthorRolePattern().Match(segment);
                if (role.Success)
                {
                    (position, firstAuthorNoted) = role.Groups["which"].Value.ToLowerInvariant() switch
                    {
                        "first" => (1, true),
                        "co-first" => ((int?)null, true),
                        "second" => (2, false),
                        "third" => (3, false),
                        "fourth" => (4, false),
                        "fifth" => (5, false),
                        _ => ((int?)null, false),
                    };
                }
            }

            rest = rest[..rest.IndexOf('|', StringComparison.Ordinal)];
        }

        if (venue is null && VenueNotation.Parse(rest, catalogs.Venues) is { Known: true, Venue: "arXiv" } arxiv && rest.Contains("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            venue = arxiv;
            var at = rest.IndexOf("arXiv:", StringComparison.OrdinalIgnoreCase);
            venueRaw = rest[at..].Trim();
            rest = rest[..at];
        }

        if (venue is { Year: null, Venue: "arXiv" })
        {
            var year = entry.SelectMany(l => l.Links).Select(l => VenueNotation.ArxivYearFromUrl(l.Url)).FirstOrDefault(y => y is not null);
            venue = venue with { Year = year };
        }

        if (venue is null && !text.Contains("**", StringComparison.Ordinal) && Citation.Read(plain, catalogs.Venues) is { } citation)
        {
            // "A. Author, B. Author. Title. In Proceedings of the ... Conference on ..., 2023.": authors, title and venue by position.
            title = citation.Title;
            rest = citation.Authors;
            venue = citation.Venue;
            venueRaw = citation.VenueRaw;
        }

        var authorText = BoldPattern().Replace(rest, " ");
        var rawAuthors = AuthorList.Parse(authorText, venue is null ? 2 : 1) ?? [];
        var cleanTitle = CleanTitle(title);
        var publication = new Publication
        {
            Title = cleanTitle,
            Venue = venue?.Venue,
            VenueRaw = venueRaw,
            Year = venue?.Year,
            Kind = venue?.Kind ?? PublicationKind.Unknown,
            Awards = venue?.Awards ?? [],
        };
        publication = WithAuthors(publication, rawAuthors, person, authorText);
        if (position is not null || firstAuthorNoted)
        {
            publication = publication with { AuthorPosition = publication.AuthorPosition ?? position, FirstAuthor = publication.FirstAuthor || firstAuthorNoted };
        }

        return new EntryDraft(publication, false, rawAuthors);
    }

    private static Publication WithAuthors(Publication publication, IReadOnlyList<string> authors, string? person, string? rawText = null)
    {
        var position = AuthorList.PositionOf(person, authors);
        var firstAuthor = position == 1;
        if (position is > 1 && rawText is not null)
        {
            // Equal contribution: "Xiangyu Yue*, Zangwei Zheng*" makes both first authors.
            var parts = rawText.Split(',');
            firstAuthor = parts.Length >= position && AuthorList.HasEqualContributionMark(parts[0]) && AuthorList.HasEqualContributionMark(parts[position.Value - 1]);
        }

        return publication with { Authors = authors, AuthorPosition = position, FirstAuthor = firstAuthor };
    }

    /// <summary>"**Title** Authors **Venue**" or "Title** Authors": bold marks a title, not an author ("**Ada Lovelace**, Alan Turing").</summary>
    private static bool LooksLikeTitleThenRest(string text)
    {
        if (CountOf(text, "**") % 2 == 1)
        {
            return true;
        }

        if (!text.StartsWith("**", StringComparison.Ordinal))
        {
            return false;
        }

        var close = text.IndexOf("**", 2, StringComparison.Ordinal);
        var rest = close > 2 ? text[(close + 2)..].TrimStart() : string.Empty;
        return rest.Length > 0 && !rest.StartsWith(',');
    }

    private static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string CleanTitle(string title)
    {
        var plain = MarkupText.ToPlain(title).Trim().TrimEnd('\\', '.', ',', ' ', ':');
        return string.Join(' ', plain.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    private List<Publication> ReadScholarEntries(List<MarkupLine> lines, string? person, HashSet<int> consumed)
    {
        var result = new List<Publication>();
        for (var i = 0; i < lines.Count; i++)
        {
            var date = ScholarDate(lines[i].Plain);
            if (!date.Success)
            {
                continue;
            }

            var block = new List<MarkupLine>();
            var j = i + 1;
            for (; j < lines.Count && !IsScholarDate(lines[j].Plain) && lines[j].Heading is null; j++)
            {
                if (!lines[j].IsBlank)
                {
                    block.Add(lines[j]);
                }
            }

            if (block.Count == 0)
            {
                continue;
            }

            var title = CleanTitle(block[0].Text);
            var authors = block.Count > 1 ? AuthorList.Parse(block[1].Plain, 1) : null;
            var abstractLines = block.Skip(authors is null ? 1 : 2).Select(l => l.Plain).ToList();
            var arxiv = catalogs.Venues.Find("arXiv");
            var publication = new Publication
            {
                Title = title,
                Venue = arxiv?.Name ?? "arXiv",
                VenueRaw = lines[i].Plain,
                Year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture),
                Kind = PublicationKind.Preprint,
                Abstract = abstractLines.Count > 0 ? string.Join(' ', abstractLines) : null,
            };
            result.Add(WithAuthors(publication, authors ?? [], person));
            consumed.Add(lines[i].Index);
            foreach (var line in block)
            {
                consumed.Add(line.Index);
            }

            i = j - 1;
        }

        return result;
    }

    private static ProfileMetrics ReadMetrics(IReadOnlyList<MarkupLine> lines)
    {
        int? hIndex = null, citations = null, papers = null;
        foreach (var line in lines)
        {
            if (line.Plain.Length > 40 || !line.Plain.AsSpan().ContainsAnyInRange('0', '9'))
            {
                continue; // every metric is a number
            }

            var m = MetricPattern().Match(line.Plain);
            if (!m.Success)
            {
                continue;
            }

            if (m.Groups["n"].Success)
            {
                hIndex ??= int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
            else if (m.Groups["c"].Success || m.Groups["c2"].Success)
            {
                var digits = (m.Groups["c"].Success ? m.Groups["c"].Value : m.Groups["c2"].Value).Replace(",", string.Empty, StringComparison.Ordinal);
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    citations ??= c;
                }
            }
            else if (m.Groups["p"].Success)
            {
                papers ??= int.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
            }
        }

        return new ProfileMetrics { HIndex = hIndex, Citations = citations, Papers = papers };
    }

    /// <summary>E-mail addresses in the lines, lower-cased, each once; the pattern runs only on lines with an <c>@</c>.</summary>
    private static List<string> EmailsIn(IEnumerable<MarkupLine> lines) =>
        Distinct(lines.Select(l => EmailObfuscation.Reveal(l.Plain)).Where(t => t.Contains('@', StringComparison.Ordinal))
            .SelectMany(t => EmailPattern().Matches(t).Select(m => m.Value.ToLowerInvariant())));

    private bool IsSkillImage(LinkRef image, bool byAltTextOnly) =>
        sectionFinder.KindOf(image.Label ?? string.Empty) == SectionKind.Skills
        || (!byAltTextOnly && image.Url.Contains("skillicons.dev", StringComparison.OrdinalIgnoreCase));

    /// <summary>Phone numbers in international notation, each not followed by a further digit.</summary>
    private static IEnumerable<string> PhonesIn(string text) =>
        text.Contains('+', StringComparison.Ordinal)
            ? PhonePattern().Matches(text).Where(m => m.Index + m.Length == text.Length || !char.IsDigit(text[m.Index + m.Length])).Select(m => m.Value.Trim())
            : [];

    /// <summary>Domain names written without a scheme ("jane.dev/cv"), not part of an e-mail address or a longer name.</summary>
    private static IEnumerable<string> BareDomainsIn(string text) =>
        BareDomainPattern().Matches(text)
            .Where(m => (m.Index == 0 || !(char.IsLetterOrDigit(text[m.Index - 1]) || text[m.Index - 1] is '@' or '_' or '.' or '-'))
                && (m.Index + m.Length == text.Length || !(char.IsLetterOrDigit(text[m.Index + m.Length]) || text[m.Index + m.Length] is '_' or '.')))
            .Select(m => m.Value);

    private static List<string> Distinct(IEnumerable<string> values)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            AddDistinct(list, value);
        }

        return list;
    }

    /// <summary>
    /// More e-mails, phones, links or topics than any real profile states: a hostile document listing thousands stops
    /// adding there, which also keeps the de-duplication below linear in the document.
    /// </summary>
    internal const int MaxFactsPerKind = 200;

    /// <summary>Publication entries read per section; real lists are far shorter, and each entry costs a few readings.</summary>
    internal const int MaxEntriesPerSection = 2_000;

    private static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && list.Count < MaxFactsPerKind && !list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
