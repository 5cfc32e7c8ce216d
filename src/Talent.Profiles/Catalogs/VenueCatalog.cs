namespace Talent.Profiles.Catalogs;

/// <summary>A venue from the catalog. <see cref="Tier"/> is A*, A, B or C; <see cref="Kind"/> is conference, journal, workshop or preprint.</summary>
public sealed record VenueInfo(string Name, string? FullName, string Field, string Tier, IReadOnlyList<string>? Aliases, string? Kind = null);

public sealed class VenueCatalog
{
    private static readonly HashSet<string> Tiers = new(StringComparer.Ordinal) { "A*", "A", "B", "C" };
    private readonly PhraseMatcher matcher;
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
        }

        matcher = new PhraseMatcher(
            All.SelectMany(v => new[] { v.Name, v.FullName ?? v.Name }.Concat(v.Aliases ?? []).Select(a => (a, v.Name))),
            "venues");
        byName = All.ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<VenueInfo> All { get; }

    /// <summary>The venue whose name or alias equals <paramref name="name"/>, ignoring case and punctuation.</summary>
    public VenueInfo? Find(string name) => matcher.Find(name) is { } canonical ? byName[canonical] : null;

    /// <summary>Canonical names of the venues mentioned in free text, in order of first mention.</summary>
    public IReadOnlyList<string> FindIn(string text) => matcher.FindIn(text);
}
