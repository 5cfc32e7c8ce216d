namespace Talent.Profiles.Catalogs;

/// <summary>
/// A venue from the catalog. <see cref="Tier"/> is A*, A, B or C; <see cref="Kind"/> is conference, journal, workshop or
/// preprint. An <see cref="Exact"/> venue is named by an ordinary word or phrase ("Programming", "Genetics"): it is found
/// only when a notation is its whole name, never inside longer text ("Workshop on Live Programming").
/// </summary>
public sealed record VenueInfo(string Name, string? FullName, string Field, string Tier, IReadOnlyList<string>? Aliases, string? Kind = null, bool Exact = false);

public sealed class VenueCatalog
{
    private static readonly HashSet<string> Tiers = new(StringComparer.Ordinal) { "A*", "A", "B", "C" };
    private static readonly HashSet<string> Kinds = new(StringComparer.OrdinalIgnoreCase) { "conference", "journal", "workshop", "preprint" };
    private readonly PhraseMatcher matcher;
    private readonly PhraseMatcher inTextMatcher;
    private readonly Dictionary<string, VenueInfo> byName;

    public VenueCatalog(IEnumerable<VenueInfo> venues)
    {
        All = venues.ToList();
        foreach (var venue in All)
        {
            if (string.IsNullOrWhiteSpace(venue.Name))
            {
                throw new CatalogException("venues: an entry has no name");
            }

            if (!Tiers.Contains(venue.Tier))
            {
                throw new CatalogException($"venues: '{venue.Name}' has unknown tier '{venue.Tier}' (expected A*, A, B or C)");
            }

            if (venue.Kind is not null && !Kinds.Contains(venue.Kind))
            {
                throw new CatalogException($"venues: '{venue.Name}' has unknown kind '{venue.Kind}' (expected conference, journal, workshop or preprint)");
            }
        }

        matcher = new PhraseMatcher(All.SelectMany(Phrases), "venues");
        inTextMatcher = new PhraseMatcher(All.Where(v => !v.Exact).SelectMany(Phrases), "venues");
        byName = CatalogNames.ByName(All, v => v.Name, "venues");
    }

    public IReadOnlyList<VenueInfo> All { get; }

    /// <summary>The venue whose name or alias equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public VenueInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>Canonical names of the venues mentioned in free text, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text) => inTextMatcher.FindIn(text);

    private static IEnumerable<(string Phrase, string Canonical)> Phrases(VenueInfo venue) =>
        new[] { venue.Name, venue.FullName ?? venue.Name }.Concat(venue.Aliases ?? []).Select(a => (a, venue.Name));
}
