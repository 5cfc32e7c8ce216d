using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// An entry that ends with a row of links ("Paper Link | arXiv | BibTeX") appeared where its text says, not on arXiv; the
/// row's venue counts only when the text names none. A publisher after an unknown venue is not part of its name, and an
/// emphasised title is a title on a page that never states whose it is.
/// </summary>
public sealed class PublicationLinksRowTests
{
    private const string Entry = """
        - **Evidence on the Regularisation Properties of Entropy-Regularised Control**  
          *A. Lovelace, A. Turing, G. Hopper*  
          *{0}*  
          {1}

        """;

    private const string Links = "[Paper Link](https://link.example.org/chapter/10) | [arXiv](https://arxiv.org/abs/2501.17115) | [BibTeX](files/bib.txt)";

    [Theory]
    [InlineData("# Ada Lovelace\n\n")]
    [InlineData("Hello! I am a researcher in control and learning, and these are my papers.\n\n")]
    public void The_venue_the_text_names_wins_over_a_venue_among_the_links(string opening)
    {
        var profile = Extract(opening + "## Publications\n\n" + string.Format(Entry, "Optimization and Learning, Springer Nature Switzerland, 2025", Links)
            + string.Format(Entry.Replace("Evidence on", "More Evidence on", StringComparison.Ordinal), "Journal of Control Studies, 2024", Links));

        Assert.Equal(
            [("Evidence on the Regularisation Properties of Entropy-Regularised Control", "Optimization and Learning", 2025), ("More Evidence on the Regularisation Properties of Entropy-Regularised Control", "Journal of Control Studies", 2024)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year)).ToList());
        Assert.All(profile.Publications, p => Assert.Equal(["A. Lovelace", "A. Turing", "G. Hopper"], p.Authors));
    }

    [Theory]
    [InlineData(Links)]
    [InlineData("Paper Link | arXiv | BibTeX")]
    public void An_entry_whose_text_names_no_venue_takes_the_one_among_its_links(string row)
    {
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n" + string.Format(Entry, "Working paper, 2025", row));

        var paper = Assert.Single(profile.Publications);
        Assert.Equal(("Evidence on the Regularisation Properties of Entropy-Regularised Control", "arXiv", 2025), (paper.Title, paper.Venue, paper.Year));
    }

    private static ExtractedProfile Extract(string content) =>
        Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/markdown", content))).Profile;
}
