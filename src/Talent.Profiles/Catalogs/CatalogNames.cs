namespace Talent.Profiles.Catalogs;

/// <summary>A catalog's entries by their names, each name listed once.</summary>
internal static class CatalogNames
{
    /// <summary>The entries by name; a name listed twice stops the catalog's load with one line naming it.</summary>
    public static Dictionary<string, T> ByName<T>(IEnumerable<T> entries, Func<T, string> name, string catalog)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byName.TryAdd(name(entry), entry))
            {
                throw new CatalogException($"{catalog}: '{name(entry)}' is listed twice (merge its aliases into one entry)");
            }
        }

        return byName;
    }
}
