namespace Talent.Profiles.Tests;

/// <summary>
/// The line under the owner's name that says what they do is their headline (a card shows it): a short line naming a
/// role among the next few lines of the header, not a sentence, an address or a line of links.
/// </summary>
public sealed class HeaderHeadlineTests
{
    [Theory]
    [InlineData("# Ada Lovelace\n\nPhD student at MIT\n\nada@mit.edu\n", "PhD student at MIT")]
    [InlineData("Ada Lovelace\nAssociate Professor, Department of Computer Science,\nUniversity of Somewhere\n", "Associate Professor, Department of Computer Science")]
    [InlineData("# Ada Lovelace\n\nada@mit.edu · [GitHub](https://github.com/ada) · [Scholar](https://scholar.google.com/citations?user=a)\n\nI am a researcher who builds video models.\n", null)]
    [InlineData("# Ada Lovelace\n\n12 Analytical Street, London\n\n## Experience\n\nResearch Scientist, DeepMind, 2020 – present\n", null)]
    public void The_role_line_under_the_name_is_the_headline(string document, string? headline)
    {
        var profile = Extracted.Profile("text/markdown", document);
        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal(headline, profile.Headline);
    }
}
