using System.Collections.Frozen;
using Talent.Profiles.Catalogs;

namespace Talent.Search.Recruiting;

/// <summary>
/// A place as documents write it ("Seattle, WA, USA", "Berlin, Berlin, DE", "Lisbon, Portugal") read as a city and,
/// when the last part names one, a country by its usual English name, so "location:Germany" finds "Berlin, DE".
/// Two parts ending in a code that is a US state's are read the American way ("San Francisco, CA", "Newark, DE") unless
/// the country of that code lists the city in <c>config/countries.json</c> ("Toronto, CA" is Canada, "Berlin, DE" Germany).
/// </summary>
internal static class Places
{
    /// <summary>Country names, ISO codes and common other names, folded, to the name shown.</summary>
    private static readonly FrozenDictionary<string, string> Countries = Build(
        ("United States", ["us", "usa", "u.s.", "u.s.a.", "united states of america", "america"]),
        ("United Kingdom", ["uk", "gb", "u.k.", "great britain", "england", "scotland", "wales"]),
        ("Germany", ["de", "deutschland"]),
        ("France", ["fr"]),
        ("Portugal", ["pt"]),
        ("Spain", ["es", "espana", "españa"]),
        ("Italy", ["it", "italia"]),
        ("Netherlands", ["nl", "the netherlands", "holland"]),
        ("Switzerland", ["ch", "schweiz", "suisse"]),
        ("Austria", ["at", "osterreich", "österreich"]),
        ("Belgium", ["be"]),
        ("Denmark", ["dk", "danmark"]),
        ("Sweden", ["se", "sverige"]),
        ("Norway", ["no", "norge"]),
        ("Finland", ["fi", "suomi"]),
        ("Poland", ["pl", "polska"]),
        ("Ireland", ["ie"]),
        ("Canada", ["ca"]),
        ("Mexico", ["mx", "méxico"]),
        ("Brazil", ["br", "brasil"]),
        ("China", ["cn", "prc", "中国"]),
        ("Japan", ["jp", "日本"]),
        ("South Korea", ["kr", "korea", "republic of korea", "한국"]),
        ("India", ["in"]),
        ("Singapore", ["sg"]),
        ("Israel", ["il"]),
        ("Australia", ["au"]),
        ("Taiwan", ["tw"]),
        ("Hong Kong", ["hk"]));

    /// <summary>US state and Canadian province codes: "Seattle, WA" is in the United States.</summary>
    private static readonly FrozenDictionary<string, string> Regions = new[]
    {
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi",
        "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut",
        "vt", "va", "wa", "wv", "wi", "wy", "dc",
    }.ToFrozenDictionary(c => c, _ => "United States", StringComparer.Ordinal);

    /// <summary>The city (first part) and country (last part, or a US state code) of a place; either may be null.</summary>
    public static (string? City, string? Country) Read(string? place, CountryCatalog countries)
    {
        if (string.IsNullOrWhiteSpace(place))
        {
            return (null, null);
        }

        var parts = place.Split([',', '·', '|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Text.Clean)
            .Where(p => p.Length is > 0 and <= 60)
            .ToList();
        if (parts.Count == 0)
        {
            return (null, null);
        }

        // "San Francisco, CA" is California and "Toronto, CA" Canada: two parts ending in a US state code are read the
        // American way unless the country of that code lists the city.
        var stateCode = parts.Count == 2 && Regions.ContainsKey(Text.Fold(parts[1])) ? parts[1] : null;
        var abroad = stateCode is not null && countries.HasCity(stateCode, parts[0]) ? countries.NameOf(stateCode) : null;
        var usState = abroad is null && stateCode is { Length: 2 } && stateCode.All(char.IsAsciiLetterUpper);
        var country = abroad ?? (usState ? "United States" : CountryOf(parts[^1]));
        if (parts.Count == 1)
        {
            return country is null ? (parts[0], null) : (null, country);
        }

        country ??= parts.Count == 2 && Regions.TryGetValue(Text.Fold(parts[1]), out var state) ? state : null;
        return (CountryOf(parts[0]) is null ? parts[0] : null, country);
    }

    /// <summary>The country a name, code or other name means, or null.</summary>
    public static string? CountryOf(string value) => Countries.GetValueOrDefault(Text.Fold(value));

    private static FrozenDictionary<string, string> Build(params (string Name, string[] Aliases)[] countries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in countries)
        {
            map[Text.Fold(name)] = name;
            foreach (var alias in aliases)
            {
                map[Text.Fold(alias)] = name;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
