namespace Talent.Profiles.Catalogs;

/// <summary>A country: its ISO 3166-1 alpha-2 code, the English name shown for it, and other codes in use for it.</summary>
public sealed record CountryInfo(string Code, string Name, IReadOnlyList<string>? Aliases);

/// <summary>Country codes to names from <c>config/countries.json</c>.</summary>
public sealed class CountryCatalog
{
    private readonly Dictionary<string, string> byCode = new(StringComparer.OrdinalIgnoreCase);

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
        }
    }

    /// <summary>The country's name for an ISO 3166-1 alpha-2 code in any case ("de" and "DE" are Germany), or null.</summary>
    public string? NameOf(string code) => byCode.GetValueOrDefault(code.Trim());
}
