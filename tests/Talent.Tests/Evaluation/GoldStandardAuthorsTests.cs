using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

/// <summary>The evaluations' candidates keep each researcher's place in a paper's author list, as a CV's list shows it.</summary>
public sealed class GoldStandardAuthorsTests
{
    [Theory]
    [InlineData("Graham Neubig", new[] { "Graham Neubig", "Jane Roe" }, 1)]
    [InlineData("Robert E. Schapire", new[] { "William W. Cohen", "R. Schapire", "Y. Singer" }, 2)]
    [InlineData("Yoram Singer", new[] { "William W. Cohen", "R. Schapire", "Y. Singer" }, 3)]
    public void A_researcher_is_found_by_surname_and_first_initial(string name, string[] authors, int position) =>
        Assert.Equal(position, GoldStandardCandidates.PositionOf(name, authors));

    [Theory]
    [InlineData("Graham Neubig", new[] { "G. Neubauer", "Jane Roe" })]
    [InlineData("Graham Neubig", new[] { "H. Neubig" })]
    [InlineData("Neubig", new[] { "G. Neubig" })]
    [InlineData(null, new[] { "G. Neubig" })]
    public void Another_author_or_a_single_word_gives_no_place(string? name, string[] authors) =>
        Assert.Null(GoldStandardCandidates.PositionOf(name, authors));
}
