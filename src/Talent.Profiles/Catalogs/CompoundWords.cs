namespace Talent.Profiles.Catalogs;

/// <summary>
/// Two words people write apart, hyphenated or together ("front end", "front-end", "frontend"), from
/// <c>config/compounds.json</c>: search reads them all as the words written together.
/// </summary>
public static class CompoundWords
{
    /// <summary>The entries, each two words in lower case; throws <see cref="CatalogException"/> for one that is not two words.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string?>? entries)
    {
        var compounds = new List<string>();
        foreach (var entry in entries ?? [])
        {
            var words = (entry ?? "").Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !words.All(w => w.All(char.IsLetterOrDigit)))
            {
                throw new CatalogException($"\"{entry}\" is not two words of letters and digits written apart");
            }

            compounds.Add(string.Join(' ', words).ToLowerInvariant());
        }

        return compounds;
    }
}
