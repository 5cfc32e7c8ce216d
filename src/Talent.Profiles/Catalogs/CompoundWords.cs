using System.Text.Json;

namespace Talent.Profiles.Catalogs;

/// <summary>
/// Two words people write apart, hyphenated or together ("front end", "front-end", "frontend"), from
/// <c>config/compounds.json</c>: search reads them all as the words written together.
/// </summary>
public static class CompoundWords
{
    /// <summary>The entries of <c>compounds.json</c> in <paramref name="directory"/> (none without the file), each two words in lower case.</summary>
    public static IReadOnlyList<string> Load(string directory)
    {
        var path = Path.Combine(directory, "compounds.json");
        if (!File.Exists(path))
        {
            return [];
        }

        CompoundFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CompoundFile>(File.ReadAllText(path), new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{path}: not valid JSON ({e.Message})");
        }

        var compounds = new List<string>();
        foreach (var entry in file?.Compounds ?? [])
        {
            var words = (entry ?? "").Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !words.All(w => w.All(char.IsLetterOrDigit)))
            {
                throw new CatalogException($"{path}: \"{entry}\" is not two words of letters and digits written apart");
            }

            compounds.Add(string.Join(' ', words).ToLowerInvariant());
        }

        return compounds;
    }

    private sealed record CompoundFile(IReadOnlyList<string?>? Compounds);
}
