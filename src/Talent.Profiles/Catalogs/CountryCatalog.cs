namespace Talent.Profiles.Catalogs;

/// <summary>
/// A country: its ISO 3166-1 alpha-2 code, the English name shown for it, other codes in use for it, and, for a code
/// that is also a US state's (DE, CA, IN, IL), the cities a place "City, XX" names the country by rather than the state.
/// </summary>
public sealed record CountryInfo(string Code, string Name, IReadOnlyList<string>? Aliases, IReadOnlyList<string>? Cities = null);

/// <summary>Country codes to names from <c>config/countries.json</c>.</summary>
public sealed class CountryCatalog
{
    private readonly Dictionary<string, string> byCode = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"city key|CODE" for every city a country lists (<see cref="CountryInfo.Cities"/>).</summary>
    private readonly HashSet<string> cities = new(StringComparer.Ordinal);

    /// <summary>Every country's name, as a catalog key.</summary>
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public CountryCatalog(IEnumerable<CountryInfo> countries)
    {
        foreach (var country in countries)
        {
            if (string.IsNullOrWhiteSpace(country.Name) || country.Name.Contains(',', StringComparison.Ordinal))
            {
                throw new CatalogException($"country {country.Code}: a name is required and holds no comma, not \"{country.Name}\"");
            }

            foreach (var code in new[] { country.Code }.Concat(country.Aliases ?? []))
            {
                if (code is not { Length: 2 } || !code.All(char.IsAsciiLetter))
                {
                    throw new CatalogException($"country {country.Name}: \"{code}\" is not a two-letter code");
                }

                if (!byCode.TryAdd(code, country.Name))
                {
                    throw new CatalogException($"country code {code} belongs to both {byCode[code]} and {country.Name}");
                }
            }

            names.Add(CatalogKey.Of(country.Name));
            foreach (var city in country.Cities ?? [])
            {
                if (CatalogKey.Of(city).Length == 0)
                {
                    throw new CatalogException($"country {country.Name}: a city needs a name, not \"{city}\"");
                }

                cities.Add(CityKey(city, country.Code));
            }
        }
    }

    /// <summary>The country's name for an ISO 3166-1 alpha-2 code in any case ("de" and "DE" are Germany), or null.</summary>
    public string? NameOf(string code) => byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// Whether the country of <paramref name="code"/> lists <paramref name="city"/>, in any case and punctuation (a
    /// spelling with accents and one without are listed apart: "München", "Munchen").
    /// </summary>
    public bool HasCity(string code, string city) => cities.Count > 0 && cities.Contains(CityKey(city, code));

    /// <summary>Whether the text is a country's name ("Sweden", "united kingdom"), in any case and punctuation.</summary>
    public bool IsCountryName(string text) => names.Contains(CatalogKey.Of(text));

    private static string CityKey(string city, string code) => string.Concat(CatalogKey.Of(city), "|", code.Trim().ToUpperInvariant());
}
