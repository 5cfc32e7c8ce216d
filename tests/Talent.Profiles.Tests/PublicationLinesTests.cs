namespace Talent.Profiles.Tests;

/// <summary>
/// A plain-text CV (or one converted from PDF) sets each paper as lines with no markup: the title, the authors, the
/// venue. The first line is the title when the second is an author list, the owner's place is read from it, and the
/// venue and year from the lines after; with a bullet or without, the venue written in full or short.
/// </summary>
public sealed class PublicationLinesTests
{
    [Theory]
    [InlineData("- Video Generation with Motion Priors\n  Ada Lovelace, Alan Turing\n  CVPR 2024\n- Diffusion Models Beat GANs on Video Synthesis\n  Grace Hopper, Ada Lovelace, Alan Turing\n  In International Conference on Learning Representations, 2023\n")]
    [InlineData("Video Generation with Motion Priors\nAda Lovelace, Alan Turing\nCVPR 2024\n\nDiffusion Models Beat GANs on Video Synthesis\nGrace Hopper, Ada Lovelace, Alan Turing\nIn International Conference on Learning Representations, 2023\n")]
    public void Title_authors_and_venue_on_lines_of_their_own(string publications)
    {
        var document = "Ada Lovelace\nada@example.org\n\nPublications\n\n" + publications;
        var profile = Extracted.Profile("text/plain", document);
        Assert.Equal(
            [
                ("Video Generation with Motion Priors", "CVPR", 2024, 1),
                ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2023, 2),
            ],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
    }
}
