using System.Text.Json;

namespace Talent.Profiles.Catalogs;

/// <summary>The catalogs and vocabularies from <c>config/</c>, loaded and validated once at start.</summary>
public sealed record ProfileCatalogs(VenueCatalog Venues, SkillCatalog Skills, TopicCatalog Topics)
{
    /// <summary>Canonical university and institution names (<c>institutions.json</c>).</summary>
    public InstitutionCatalog Institutions { get; init; } = new([]);

    /// <summary>ISO 3166-1 alpha-2 country codes and their names (<c>countries.json</c>).</summary>
    public CountryCatalog Countries { get; init; } = new([]);

    /// <summary>Heading words per section kind and language (<c>vocabulary.json</c>).</summary>
    public ExtractionVocabulary Vocabulary { get; init; } = new([]);

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Category words and natural languages for skill group names (<c>skill-groups.json</c>).</summary>
    public SkillGroupVocabulary SkillGroups { get; init; } = SkillGroupVocabulary.Empty;

    /// <summary>Two words people write apart or together, which search reads as one (<c>compounds.json</c>, see <see cref="CompoundWords"/>).</summary>
    public IReadOnlyList<string> Compounds { get; init; } = [];

    /// <summary>
    /// Canonical topics, then skills, that the text mentions (skills as prose names them, see <see cref="SkillCatalog.FindIn"/>),
    /// each in order of first mention: what both catalogs' <c>FindIn</c> give, normalising the text once.
    /// </summary>
    public IEnumerable<string> TopicsAndSkillsIn(string text)
    {
        var key = CatalogKey.Of(text);
        return Topics.FindInKey(key).Concat(Skills.FindInKey(key));
    }

    /// <summary>
    /// Loads <c>venues.json</c>, <c>skills.json</c>, <c>topics.json</c>, <c>institutions.json</c>, <c>countries.json</c>, <c>vocabulary.json</c>
    /// and, when there, <c>skill-groups.json</c> and <c>compounds.json</c> from a folder; throws <see cref="CatalogException"/> naming the file and entry on a bad catalog.
    /// A command that reads no document passes <paramref name="readsDocuments"/> false (see <see cref="ExtractionVocabulary"/>).
    /// </summary>
    public static ProfileCatalogs Load(string directory, bool readsDocuments = true) => new(
        new VenueCatalog(Read<VenueFile>(directory, "venues.json").Venues),
        Read(directory, "skills.json", (SkillFile f) => new SkillCatalog(f.Skills, f.ListLabels, f.PreferredMarkers)),
        new TopicCatalog(Read<TopicFile>(directory, "topics.json").Topics))
    {
        Institutions = Read(directory, "institutions.json", (InstitutionFile f) => new InstitutionCatalog(f.Institutions)),
        Countries = Read(directory, "countries.json", (CountryFile f) => new CountryCatalog(f.Countries)),
        Vocabulary = Read(directory, "vocabulary.json", (VocabularyFile f) => new ExtractionVocabulary(f.Headings, f.HomepageLabels, f.Words, readsDocuments)),
        SkillGroups = SkillGroupVocabulary.Load(directory),
        Compounds = File.Exists(Path.Combine(directory, "compounds.json")) ? Read(directory, "compounds.json", (CompoundFile f) => CompoundWords.Of(f.Compounds)) : [],
    };

    private static TCatalog Read<TFile, TCatalog>(string directory, string fileName, Func<TFile, TCatalog> build)
    {
        var file = Read<TFile>(directory, fileName);
        try
        {
            return build(file);
        }
        catch (CatalogException e)
        {
            throw new CatalogException($"{Path.Combine(directory, fileName)}: {e.Message}");
        }
    }

    private static T Read<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: catalog file not found");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), ReadOptions)
                ?? throw new CatalogException($"{path}: empty catalog");
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{path}: not valid JSON ({e.Message})");
        }
        catch (CatalogException e)
        {
            throw new CatalogException($"{path}: {e.Message}");
        }
    }

    private sealed record VenueFile(IReadOnlyList<VenueInfo> Venues);

    private sealed record SkillFile(IReadOnlyList<SkillInfo> Skills, IReadOnlyList<string>? ListLabels, IReadOnlyList<string>? PreferredMarkers);

    private sealed record TopicFile(IReadOnlyList<TopicInfo> Topics);

    private sealed record InstitutionFile(IReadOnlyList<InstitutionInfo> Institutions);

    private sealed record CompoundFile(IReadOnlyList<string?>? Compounds);

    private sealed record CountryFile(IReadOnlyList<CountryInfo> Countries);

    private sealed record VocabularyFile(
        IReadOnlyList<HeadingWords> Headings, IReadOnlyList<string>? HomepageLabels, IReadOnlyList<string>? DegreePatterns,
        IReadOnlyList<string>? DegreeWords, IReadOnlyList<string>? RoleWords, IReadOnlyList<string>? ContactLinkLabels,
        IReadOnlyList<string>? LinkLabels, IReadOnlyList<string>? NameLeadIns, IReadOnlyList<string>? AdvisorCues, IReadOnlyList<string>? StudyCues,
        IReadOnlyList<string>? PublicationColumns, IReadOnlyList<string>? NotDegreeWords, IReadOnlyList<string>? ThesisWords,
        IReadOnlyList<string>? Publishers, IReadOnlyList<string>? UnitWords)
    {
        public DocumentWords Words => new(DegreePatterns ?? [], DegreeWords ?? [], RoleWords ?? [], ContactLinkLabels ?? [], LinkLabels ?? [], NameLeadIns ?? [],
            AdvisorCues ?? [], StudyCues ?? [], PublicationColumns ?? [], NotDegreeWords ?? [], ThesisWords ?? [], Publishers ?? [], UnitWords ?? []);
    }
}

/// <summary>A catalog file that cannot be used, with one line saying where and why.</summary>
public sealed class CatalogException(string message) : Exception(message);
