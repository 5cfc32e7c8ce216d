using System.Text.Json;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Tests;

/// <summary>
/// Headings are looked up by their words (<see cref="HeadingPhrases"/>): the answer must be the one of reading the
/// vocabulary's phrases in order and taking the first that matches, for every phrase of <c>config/vocabulary.json</c>
/// alone, among other words, and beside a phrase of another kind.
/// </summary>
public sealed class HeadingPhrasesTests
{
    private static readonly IReadOnlyList<(SectionKind Kind, string Key, bool Whole)> Phrases = ReadPhrases();

    [Fact]
    public void Every_heading_made_of_vocabulary_phrases_gets_the_kind_of_the_first_phrase_in_the_file()
    {
        var vocabulary = RepoPaths.Catalogs.Vocabulary;
        var headings = HeadingsFrom(Phrases.Select(p => p.Key).ToList());
        Assert.True(headings.Count > 1000, $"{headings.Count} headings");

        var differing = headings
            .Select(h => (Heading: h, Expected: FirstInOrder(CatalogKey.Of(h)), Actual: vocabulary.KindOfHeading(h)))
            .Where(r => r.Expected != r.Actual)
            .Select(r => $"'{r.Heading}': {r.Expected?.ToString() ?? "none"} expected, {r.Actual?.ToString() ?? "none"} found")
            .ToList();

        Assert.Empty(differing);
        Assert.Contains(headings, h => vocabulary.KindOfHeading(h) is null);
    }

    [Theory]
    [InlineData("Publications", "Publications")]
    [InlineData("Selected Publications and Talks", "Publications")]
    [InlineData("EDUCATION:", "Education")]
    [InlineData("Republications", null)]
    [InlineData("", null)]
    public void Headings_name_their_kind_as_whole_words(string heading, string? kind) =>
        Assert.Equal(kind, RepoPaths.Catalogs.Vocabulary.KindOfHeading(heading)?.ToString());

    [Fact]
    public void A_phrase_in_a_script_without_spaces_is_found_inside_a_longer_heading()
    {
        var (kind, key, _) = Phrases.First(p => !p.Whole && p.Key.Any(InstitutionCatalog.IsUnspacedScript));

        Assert.Equal(FirstInOrder("我的" + key), RepoPaths.Catalogs.Vocabulary.KindOfHeading("我的" + key));
        Assert.NotNull(RepoPaths.Catalogs.Vocabulary.KindOfHeading("我的" + key));
        Assert.Equal(kind, FirstInOrder(key));
    }

    /// <summary>Each phrase alone, with words around it, run into a word, and after a phrase of every other kind.</summary>
    private static List<string> HeadingsFrom(IReadOnlyList<string> keys)
    {
        var headings = new List<string>();
        var firstOfKind = Phrases.GroupBy(p => p.Kind).Select(g => g.First().Key).ToList();
        foreach (var key in keys)
        {
            headings.Add(key);
            headings.Add("my " + key);
            headings.Add(key + " and more");
            headings.Add("x" + key);
            headings.Add(key.ToUpperInvariant() + ":");
            headings.AddRange(firstOfKind.Select(other => other + " & " + key));
        }

        return headings;
    }

    /// <summary>The vocabulary read one phrase at a time, in the file's order.</summary>
    private static SectionKind? FirstInOrder(string key)
    {
        if (key.Length == 0 || key.Length > 60)
        {
            return null;
        }

        foreach (var (kind, phrase, whole) in Phrases)
        {
            if (whole ? key == phrase : ContainsWords(key, phrase))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool ContainsWords(string key, string phrase)
    {
        if (phrase.Any(InstitutionCatalog.IsUnspacedScript))
        {
            return key.Contains(phrase, StringComparison.Ordinal);
        }

        return (" " + key + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);
    }

    private static List<(SectionKind, string, bool)> ReadPhrases()
    {
        using var json = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "vocabulary.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var phrases = new List<(SectionKind, string, bool)>();
        foreach (var group in json.RootElement.GetProperty("headings").EnumerateArray())
        {
            var kind = Enum.Parse<SectionKind>(group.GetProperty("kind").GetString()!);
            foreach (var phrase in group.GetProperty("phrases").EnumerateArray().Select(p => p.GetString()!))
            {
                var whole = phrase.StartsWith('=');
                phrases.Add((kind, CatalogKey.Of(whole ? phrase[1..] : phrase), whole));
            }
        }

        return phrases;
    }
}
