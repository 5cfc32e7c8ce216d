using System.Globalization;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;

namespace Talent.Search;

/// <summary>Maps a merged candidate to its one Lucene document.</summary>
internal static partial class CandidateDocument
{
    /// <summary>Abstracts are kept in the stored blob whole as far as matching needs them (per-paper similarity; most are shorter).</summary>
    private const int StoredAbstractLength = 3000;

    /// <summary>Interests kept in the stored blob, at most, and their longest text (see <see cref="StoredInterests"/>).</summary>
    private const int StoredInterestCount = 30;

    private const int StoredInterestLength = 300;

    /// <summary>
    /// One term per value, as written. Keyword fields are "tokenized" by <see cref="IndexAnalyzer"/>'s keyword analysis
    /// rather than indexed untokenized (<c>StringField</c>): an untokenized field builds a new token stream, with its
    /// attributes looked up by reflection under a global lock, for every field of every document, while analysis
    /// reuses one token stream per thread.
    /// </summary>
    private static readonly FieldType Keyword = CreateKeyword(IndexOptions.DOCS_ONLY);

    /// <summary>Keyword with term frequencies kept: a venue term is added once per paper, so its frequency is the paper count.</summary>
    private static readonly FieldType CountedKeyword = CreateKeyword(IndexOptions.DOCS_AND_FREQS);

    /// <summary>Fields indexed as one term per value (see <see cref="Keyword"/>).</summary>
    private static readonly string[] KeywordFields =
    [
        IndexFields.Id, IndexFields.Skill, IndexFields.Topic, IndexFields.Venue, IndexFields.VenueFirst, IndexFields.Institution,
        IndexFields.Year, IndexFields.VenueYear, .. IndexFields.MentionsIn.Values, IndexFields.Contact, IndexFields.Degree,
    ];

    private static readonly HashSet<string> KeywordFieldNames = new(KeywordFields, StringComparer.Ordinal);

    public static string IdTerm(long candidateId) => candidateId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value a keyword field holds: the catalog's canonical name when known, lower-cased.</summary>
    public static string KeywordOf(string value) => value.Trim().ToLowerInvariant();

    /// <summary>Years are four digits, so the terms of one venue sort by year.</summary>
    public static string VenueYearTerm(string venue, int year) => KeywordOf(venue) + "|" + YearTerm(year);

    /// <summary>A year as a term: four digits, so years sort as their terms do and a year range is a term range.</summary>
    public static string YearTerm(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Candidates with a paper in the years from <paramref name="from"/> to <paramref name="to"/> (either end open when null).</summary>
    public static Query YearRange(int? from, int? to, bool includeFrom = true, bool includeTo = true) =>
        TermRangeQuery.NewStringRange(IndexFields.Year, from is { } f ? YearTerm(f) : null, to is { } t ? YearTerm(t) : null, includeFrom, includeTo);

    /// <summary>
    /// The writer's analysis: <paramref name="text"/> for text fields, the value as one term for keyword fields. One
    /// instance per writer; it caches token streams per thread and field.
    /// </summary>
    public static Analyzer IndexAnalyzer(Analyzer text) =>
        new PerFieldAnalyzerWrapper(text, KeywordFields.ToDictionary(f => f, Analyzer (_) => new KeywordAnalyzer(), StringComparer.Ordinal));

    public static string CanonicalVenue(ProfileCatalogs catalogs, string venue) => catalogs.Venues.Find(venue)?.Name ?? venue.Trim();

    public static string CanonicalSkill(ProfileCatalogs catalogs, string skill) => catalogs.Skills.Find(skill)?.Name ?? skill.Trim();

    public static string CanonicalTopic(ProfileCatalogs catalogs, string topic) => catalogs.Topics.Find(topic)?.Name ?? topic.Trim();

    /// <summary>
    /// The candidate's document. Without <paramref name="recruiterFields"/> it is the document of the field set before the
    /// recruiter fields (see <see cref="SearchOptions.IndexRecruiterFields"/>), to measure what they cost.
    /// </summary>
    public static Document Create(long candidateId, CandidateProfile profile, DateTimeOffset updatedAt, ProfileCatalogs catalogs, bool recruiterFields = true) =>
        JoinTextValues(CreateWithValuesApart(candidateId, profile, updatedAt, catalogs, recruiterFields));

    /// <summary>The candidate's document with one field instance per text value, as <see cref="Create"/> builds it before joining them.</summary>
    internal static Document CreateWithValuesApart(long candidateId, CandidateProfile profile, DateTimeOffset updatedAt, ProfileCatalogs catalogs, bool recruiterFields = true)
    {
        var doc = new Document
        {
            new Field(IndexFields.Id, IdTerm(candidateId), Keyword),
            new NumericDocValuesField(IndexFields.IdValue, candidateId),
            new NumericDocValuesField(IndexFields.Updated, updatedAt.UtcTicks),
        };

        AddText(doc, IndexFields.Name, profile.Name);
        AddText(doc, IndexFields.Headline, profile.Headline);
        AddText(doc, IndexFields.Summary, profile.Summary);
        foreach (var project in profile.Projects.Select(p => p.Value))
        {
            AddText(doc, IndexFields.Projects, project.Name);
            AddText(doc, IndexFields.ProjectText, project.Description);
        }

        var recruiter = recruiterFields ? AddRecruiterFields(doc, profile, updatedAt, catalogs.Countries) : null;

        // Each catalog lookup normalises its text: look every venue, skill and topic up once.
        var skills = DistinctByName(CatalogSkills(profile.Skills, catalogs.Skills));
        var topics = DistinctByName(profile.Topics.Select(t => catalogs.Topics.Find(t) is { } known ? (known.Name, known.Synonyms) : (t.Trim(), null)));
        var papers = profile.Publications
            .Select(p => p.Publication)
            .Where(p => !string.IsNullOrWhiteSpace(p.Title))
            .Select(p => (Paper: p, Venue: string.IsNullOrWhiteSpace(p.Venue) ? null : CanonicalVenue(catalogs, p.Venue), First: IsFirstAuthor(p)))
            .ToList();

        AddPapers(doc, catalogs, papers);
        AddWork(doc, catalogs, profile);
        AddNamesWithSynonyms(doc, IndexFields.TopicsText, topics);
        AddNamesWithSynonyms(doc, IndexFields.SkillsText, skills);
        var impliedSkills = AddImpliedSkills(doc, catalogs, skills);

        var skillNames = skills.Select(s => s.Name).ToList();
        var topicNames = topics.Select(t => t.Name).ToList();
        AddKeywords(doc, IndexFields.Skill, skillNames);
        // The skill facet counts who holds a skill, as the skill filter finds them: listed, or implied by a listed one.
        AddFacets(doc, IndexFields.Skill, impliedSkills);
        AddKeywords(doc, IndexFields.Topic, topicNames);
        AddKeywords(doc, IndexFields.Institution, Distinct(profile.Institutions));
        AddFacets(doc, IndexFields.Venue, Distinct(papers.Where(p => p.Venue is not null).Select(p => p.Venue!)));
        foreach (var year in papers.Where(p => p.Paper.Year is not null).Select(p => p.Paper.Year!.Value).Distinct())
        {
            doc.Add(new Field(IndexFields.Year, YearTerm(year), Keyword));
            doc.Add(new SortedSetDocValuesField(IndexFields.Year, new BytesRef(year.ToString(CultureInfo.InvariantCulture))));
        }

        var stored = Stored(candidateId, profile, skillNames, topicNames, papers, recruiter);
        // UTF-8 bytes, read back without a string between: a match reads up to a few hundred stored candidates, and
        // prolific ones hold hundreds of papers each.
        doc.Add(new StoredField(IndexFields.Stored, JsonSerializer.SerializeToUtf8Bytes(stored, StoredCandidateJson.Default.StoredCandidate)));
        Ranking.OwnText.AddTo(doc, profile);
        return doc;
    }

    /// <summary>Each paper's title (also in the first-authored titles when it is), abstract, venue and venue-year terms.</summary>
    private static void AddPapers(Document doc, ProfileCatalogs catalogs, List<(Publication Paper, string? Venue, bool First)> papers)
    {
        foreach (var (publication, venue, first) in papers)
        {
            // A first-authored title is in both title fields: its catalog mentions are looked for once.
            var mentions = catalogs.TopicsAndSkillsIn(publication.Title).ToList();
            AddTextAndMentions(doc, IndexFields.Titles, publication.Title, mentions);
            if (first)
            {
                AddTextAndMentions(doc, IndexFields.TitlesFirst, publication.Title, mentions);
            }

            AddTextAndMentions(doc, catalogs, IndexFields.Abstracts, publication.Abstract);
            if (venue is not null)
            {
                doc.Add(new Field(IndexFields.Venue, KeywordOf(venue), CountedKeyword));
                if (first)
                {
                    doc.Add(new Field(IndexFields.VenueFirst, KeywordOf(venue), CountedKeyword));
                }

                if (publication.Year is { } year)
                {
                    doc.Add(new Field(IndexFields.VenueYear, VenueYearTerm(venue, year), Keyword));
                }
            }
        }
    }

    /// <summary>Interests, roles (titles, employers, highlights) and organisations, with the catalog names they mention.</summary>
    private static void AddWork(Document doc, ProfileCatalogs catalogs, CandidateProfile profile)
    {
        foreach (var interest in profile.Interests)
        {
            AddTextAndMentions(doc, catalogs, IndexFields.Interests, interest);
        }

        foreach (var experience in profile.Experience.Select(e => e.Value))
        {
            AddTextAndMentions(doc, catalogs, IndexFields.Roles, experience.Title);
            AddTextAndMentions(doc, catalogs, IndexFields.Roles, experience.Organization);
            foreach (var highlight in experience.Highlights)
            {
                AddTextAndMentions(doc, catalogs, IndexFields.Roles, highlight);
            }
        }

        foreach (var organization in profile.Organizations)
        {
            AddTextAndMentions(doc, catalogs, IndexFields.Roles, organization);
        }
    }

    /// <summary>Each catalog name and its synonyms as text in <paramref name="field"/>.</summary>
    private static void AddNamesWithSynonyms(Document doc, string field, List<(string Name, IReadOnlyList<string>? Synonyms)> names)
    {
        foreach (var (name, synonyms) in names)
        {
            AddText(doc, field, name);
            foreach (var synonym in synonyms ?? [])
            {
                AddText(doc, field, synonym);
            }
        }
    }

    /// <summary>What a result card and the ranking read back from the document (<see cref="StoredCandidate"/>).</summary>
    private static StoredCandidate Stored(long candidateId, CandidateProfile profile, List<string> skillNames, List<string> topicNames, List<(Publication Paper, string? Venue, bool First)> papers, StoredRecruiterFacts? recruiter) =>
        new(
            candidateId,
            profile.Name,
            profile.Headline,
            skillNames,
            topicNames,
            papers.Select(p => new StoredPublication(
                p.Paper.Title.Trim(),
                p.Venue,
                p.Paper.Year,
                p.First,
                p.Paper.Kind is PublicationKind.Conference or PublicationKind.Journal,
                Truncate(p.Paper.Abstract),
                IsLastAuthor(p.Paper))).ToList(),
            recruiter,
            profile.Projects.Count == 0 ? null : profile.Projects.Select(p => new StoredProject(p.Value.Name, p.Value.Description)).ToList(),
            profile.Summary,
            StoredInterests(profile.Interests));

    public static StoredCandidate? Read(Document document)
    {
        if (document.GetBinaryValue(IndexFields.Stored) is { } bytes)
        {
            return JsonSerializer.Deserialize(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), StoredCandidateJson.Default.StoredCandidate);
        }

        // An index written before the candidate was stored as bytes holds it as text.
        var json = document.Get(IndexFields.Stored);
        return json is null ? null : JsonSerializer.Deserialize(json, StoredCandidateJson.Default.StoredCandidate);
    }

    private static bool IsFirstAuthor(Publication publication) => publication.FirstAuthor || publication.AuthorPosition == 1;

    /// <summary>
    /// The candidate closes an author list of two or more that names every author and is not in alphabetical order
    /// of surnames (three or more authors so ordered, as mathematics and theory write them, say nothing by their places).
    /// </summary>
    internal static bool IsLastAuthor(Publication publication) =>
        publication.AuthorPosition is > 1 and var position && position == publication.Authors.Count && !publication.MoreAuthors
        && !InSurnameOrder(publication.Authors);

    private static bool InSurnameOrder(IReadOnlyList<string> authors)
    {
        if (authors.Count < 3)
        {
            return false;
        }

        for (var i = 1; i < authors.Count; i++)
        {
            if (string.Compare(Surname(authors[i - 1]), Surname(authors[i]), StringComparison.InvariantCultureIgnoreCase) > 0)
            {
                return false;
            }
        }

        return true;

        // "Ada Lovelace" ends with the surname; "Lovelace AA", as biomedical lists write names, starts with it.
        static string Surname(string name)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length switch
            {
                0 => string.Empty,
                > 1 when words[^1].Length <= 3 && words[^1].All(char.IsUpper) && words[0].Any(char.IsLower) => words[0],
                _ => words[^1],
            };
        }
    }

    /// <summary>
    /// The interests a card reads for the query's words, bounded: a CV states a few, and a hostile document's thousands
    /// of long lines would be read again by every search that shows its candidate (all are indexed).
    /// </summary>
    private static List<string>? StoredInterests(IReadOnlyList<string> interests) =>
        interests.Count == 0 ? null : [.. interests.Take(StoredInterestCount).Select(i => Cut(i, StoredInterestLength))];

    private static string? Truncate(string? text) => string.IsNullOrWhiteSpace(text) ? null : Cut(text, StoredAbstractLength);

    /// <summary>The text's first <paramref name="length"/> characters, never half of a surrogate pair.</summary>
    internal static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static List<(string Name, IReadOnlyList<string>? Synonyms)> DistinctByName(IEnumerable<(string Name, IReadOnlyList<string>? Synonyms)> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v.Name)).DistinctBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static List<string> Distinct(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static void AddText(Document doc, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            doc.Add(new TextField(field, text, Field.Store.NO));
        }
    }

    /// <summary>The text, and the catalog topics and skills it mentions in the field's mentions field (<see cref="IndexFields.MentionsIn"/>).</summary>
    private static void AddTextAndMentions(Document doc, ProfileCatalogs catalogs, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            AddTextAndMentions(doc, field, text, catalogs.TopicsAndSkillsIn(text));
        }
    }

    private static void AddTextAndMentions(Document doc, string field, string text, IEnumerable<string> mentioned)
    {
        doc.Add(new TextField(field, text, Field.Store.NO));
        var mentions = IndexFields.MentionsIn[field];
        foreach (var name in mentioned)
        {
            doc.Add(new Field(mentions, KeywordOf(name), CountedKeyword));
        }
    }

    /// <summary>One lower-cased term per value for filtering, and the display value for facets.</summary>
    private static void AddKeywords(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            doc.Add(new Field(field, KeywordOf(value), Keyword));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void AddFacets(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static FieldType CreateKeyword(IndexOptions options)
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = options,
        };
        type.Freeze();
        return type;
    }
}
