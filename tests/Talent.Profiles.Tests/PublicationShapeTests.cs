using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// Shapes of publication entries in real CVs and homepages, each a small document with its facts written by hand: the
/// owner in bold inside an author list, a title in emphasis with the venue after it, author lists surname first, dates and
/// volumes after a venue, link labels, patents and posters beside the papers.
/// </summary>
public sealed class PublicationShapeTests : DocumentShapeReading
{
    [Theory]
    [InlineData("text/markdown", "# Jane Roe\n\n## Publications\n\n1. **Jane Roe**, Bob Smith. *A Title of the Paper.* SOSP 2021.\n", "A Title of the Paper", "SOSP", 2021, 1)]
    [InlineData("text/markdown", "# Jane Roe\n\n## Papers\n\n- Bob Smith, **Jane Roe**, Ann Lee. \"Learning to Rank Shards\". VLDB 2019.\n", "Learning to Rank Shards", "VLDB", 2019, 2)]
    [InlineData("text/html", "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ul><li><strong>Jane Roe</strong>, Bob Smith. <em>Designing Interfaces for Everyone</em>. CHI 2023. <a href=\"https://arxiv.org/pdf/2301.00001\">[pdf]</a></li></ul></body></html>", "Designing Interfaces for Everyone", "CHI", 2023, 1)]
    [InlineData("text/html", "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ul><li><p><strong>Sparse Factor Models for Brain Data</strong><br><strong>J. Roe</strong>, B. Smith.<br><em>Biostatistics</em>, 22(4): 834–850, 2021.<br><a href=\"https://doi.org/10.1/x\">Link</a></p></li></ul></body></html>", "Sparse Factor Models for Brain Data", "Biostatistics", 2021, null)]
    [InlineData("text/markdown", "# Jane Roe\n\n## Publications\n\n  Smith, B., **Roe, J.**, Lee, A. (2017). Genome-wide sweeps in freshwater bacteria. Microbial Ecology Letters. doi:10.1/ab.2015.3\n", "Genome-wide sweeps in freshwater bacteria", "Microbial Ecology Letters", 2017, null)]
    [InlineData("text/html", "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ul><li><b>[PPoPP'19]</b> Bob Smith, <b>Jane Roe</b>. \"<i>Fast Graph Processing on Many GPUs</i>\" Proceedings of the 24th Symposium.</li></ul></body></html>", "Fast Graph Processing on Many GPUs", "PPoPP", 2019, 2)]
    [InlineData("text/html", "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ul><li><p><strong>Conformations of Swivel Chains in Protein Folding</strong><br><strong>J. Vilkul (Roe)</strong>, A. Ivanov, B. Smith.<br><em>Mathematical Physics and Modeling</em>, 13(2): 25–42, 2015.<br><a href=\"https://example.org/p.pdf\">Link</a></p></li></ul></body></html>", "Conformations of Swivel Chains in Protein Folding", "Mathematical Physics and Modeling", 2015, null)]
    public void A_publication_entry_is_read_by_its_features(string contentType, string content, string title, string venue, int year, int? position)
    {
        var publication = Assert.Single(Read(contentType, content).Publications);

        Assert.Equal(title, publication.Title);
        Assert.Equal(venue, publication.Venue);
        Assert.Equal(year, publication.Year);
        if (position is not null)
        {
            Assert.Equal(position, publication.AuthorPosition);
        }
    }

    [Theory]
    [InlineData("(in press)")]
    [InlineData("(_accepted at ISME Journal_)")]
    [InlineData("(submitted)")]
    [InlineData("(Forthcoming)")]
    public void An_author_year_citation_with_the_papers_state_where_the_year_goes_is_a_publication(string state)
    {
        var content = $"# Jane Roe\n\n## Publications\n\n  Smith, B.\\*, **Roe, J.**\\*, Lee, A.-M., Park (2019). Older sweeps in lakes. Microbial Ecology Letters.\n\n"
            + $"  Smith, B., **Roe, J.**, Lee, A.-M. {state}. Contrasting patterns of genome-level diversity across freshwater bacteria. \\*Equal contributors\n";

        var publications = Read("text/markdown", content).Publications;

        Assert.Equal(2, publications.Count);
        var pending = publications[1];
        Assert.Equal("Contrasting patterns of genome-level diversity across freshwater bacteria", pending.Title);
        Assert.Equal(["B. Smith", "J. Roe", "A.-M. Lee"], pending.Authors);
        Assert.Equal((null, 2), (pending.Year, pending.AuthorPosition));
        Assert.Equal(["B. Smith", "J. Roe", "A.-M. Lee", "Park"], publications[0].Authors); // a surname without initials stands alone
    }

    [Fact]
    public void An_entry_that_opens_with_the_owners_bold_name_has_its_title_after_the_authors()
    {
        var publication = Assert.Single(Read("text/markdown",
            "# Jane Roe\n\n## Manuscripts\n\n1. **Roe J,** Smith B, J.L.D. Osnas and A.-B. Lee. Decomposing leaf mass into photosynthetic components. *bioRxiv* 116855; doi: https://doi.org/10.1101/116855\n").Publications);

        Assert.Equal("Decomposing leaf mass into photosynthetic components", publication.Title);
        Assert.Equal(["Roe J", "Smith B", "J.L.D. Osnas", "A.-B. Lee"], publication.Authors);
        Assert.Equal("bioRxiv", publication.Venue);
    }

    [Theory]
    [InlineData("Smith, B., Roe, J. K., Lee, A.-M", "B. Smith|J. K. Roe|A.-M. Lee")]
    [InlineData("Garcia, S. L., Stevens, S. L. R., Bertilsson, Malmstrom, R. R., McMahon, K. D.", "S. L. Garcia|S. L. R. Stevens|Bertilsson|R. R. Malmstrom|K. D. McMahon")]
    [InlineData("Smith, Roe, Lee, J.", null)] // one initialled author among three: not this notation
    [InlineData("Learning, Ranking, Retrieval", null)]
    [InlineData("J. K., Smith", null)] // initials before any surname
    public void An_author_list_written_surname_first_is_read_as_names(string text, string? expected) =>
        Assert.Equal(expected, AuthorList.ParseInverted(text) is { } names ? string.Join('|', names) : null);

    [Fact]
    public void A_link_label_is_never_a_venue()
    {
        var profile = Read("text/html", "<html><body><h1>Jane Roe</h1><h2>Publications</h2><ul><li><strong>Jane Roe</strong>, Bob Smith. <em>Designing Interfaces for Everyone</em>. CHI 2023. <a href=\"https://arxiv.org/abs/2301.00001\">[arXiv]</a> <a href=\"x.pdf\">[pdf]</a></li></ul></body></html>");

        Assert.DoesNotContain(profile.Publications, p => p.Venue is "arXiv" or "pdf");
    }

    [Theory]
    [InlineData("- Liu, Y. K., Dullemond, C. P., Bitsch, B. Surface waves in protoplanetary disks induced by outbursts. A&A, 617, 2018.")]
    [InlineData("- Liu, Y. K.; Dullemond, C. P.; Bitsch, B. Surface waves in protoplanetary disks induced by outbursts. Astronomy & Astrophysics, 617, L7, 2018.")]
    [InlineData("- **Liu, Y. K.**, Dullemond, C. P., Bitsch, B. Surface waves in protoplanetary disks induced by outbursts. A & A, 617, 2018.")]
    public void Authors_written_surname_first_without_a_year_after_them_end_at_their_last_initial(string entry)
    {
        var paper = Assert.Single(Read("text/markdown", "# Yao Liu\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal(("Surface waves in protoplanetary disks induced by outbursts", "A&A", 2018), (paper.Title, paper.Venue, paper.Year));
        Assert.Equal(["Y. K. Liu", "C. P. Dullemond", "B. Bitsch"], paper.Authors);
    }

    [Theory]
    [InlineData("- Yao Liu, Min Li. [Fundamental Limits of Bistatic Sensing over Relay Channels](https://arxiv.org/abs/2507.09193), Jul. 2025.", null, 2025)]
    [InlineData("- Yao Liu, Kaixi Hou. Exploring Performance Portability for Accelerators. Virginia Tech, VTechWorks. May, 2018.", "Virginia Tech, VTechWorks", 2018)]
    [InlineData("- Yao Liu, A. Someone. Some Long Paper Title About Protein Structures. In *Continuous and Distributed Systems: Theory and Applications*, Vol. 2, pp. 29–74, 2015.", "Continuous and Distributed Systems: Theory and Applications", 2015)]
    public void A_date_or_a_volume_after_a_venue_the_catalog_does_not_know_is_not_part_of_its_name(string entry, string? venue, int year)
    {
        var paper = Assert.Single(Read("text/markdown", "# Yao Liu\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal(venue, paper.Venue);
        Assert.Equal(year, paper.Year);
    }

    [Theory]
    [InlineData("[\"Tools for Computational Social Science\"](https://example.org/poster.png).\n:  **Yao Liu** and Paul Brenner.\n  2018 Summer Undergraduate Research Symposium, University of Notre\n  Dame.")]
    [InlineData("[“Tools for Computational Social Science”.](https://example.org/poster.png)\n**Yao Liu** and Paul Brenner. 2018 Summer Undergraduate Research Symposium, University of Notre Dame.")]
    public void A_meeting_numbered_by_its_year_after_the_authors_is_the_venue(string entry)
    {
        var paper = Assert.Single(Read("text/markdown", "# Yao Liu\n\n## Posters\n\n" + entry + "\n").Publications);

        Assert.Equal(("Tools for Computational Social Science", "Summer Undergraduate Research Symposium", 2018), (paper.Title, paper.Venue, paper.Year));
        Assert.Equal(["Yao Liu", "Paul Brenner"], paper.Authors);
    }

    [Fact]
    public void A_bold_label_and_the_names_after_it_are_no_publication()
    {
        var profile = Read("text/markdown", "# Yao Liu\n\n## Publications\n\n- **Sparse Signatures: Learning Dynamics from Few Samples**  \n  *Yao Liu, O. Semeraro*  \n  *ICML 2025*\n\n"
            + "## Teaching\n\n- **[Machine Learning for Scientific Computing](https://example.org/c.pdf)** - École Polytechnique\n"
            + "    - Supervision of practical sessions\n    - **Principal Lecturers:** [H. Montanelli](https://a.example.org), [V. Dolean](https://b.example.org)\n");

        var paper = Assert.Single(profile.Publications);
        Assert.Equal(("Sparse Signatures: Learning Dynamics from Few Samples", "ICML", 2025), (paper.Title, paper.Venue, paper.Year));
    }

    [Fact]
    public void A_patents_section_under_the_publications_lists_no_publications()
    {
        var profile = Read("text/html", "<html><body><h1>Publications</h1><ul>"
            + "<li><p><strong>Sparse Signatures for Learning Dynamics from Few Samples</strong><br><strong>Y. Liu</strong>, O. Semeraro.<br><em>arXiv preprint</em>, 2025.</p></li>"
            + "<li><p><strong>Principal Curves for Chromatin Architecture</strong><br><strong>Y. Liu</strong>, T. Hastie.<br><em>Biostatistics</em>, 22(4): 834–850, 2021.</p></li></ul>"
            + "<h2>Patents</h2><ul><li><p><strong>System and Method of Automatic Selection of Translators</strong><br>A. Ukrainets, <strong>Y. Liu</strong>, V. Gusakov.<br>US Patent US20190065463, 2019.</p></li></ul></body></html>");

        Assert.Equal(["Sparse Signatures for Learning Dynamics from Few Samples", "Principal Curves for Chromatin Architecture"], profile.Publications.Select(p => p.Title));
    }

    [Fact]
    public void Entries_one_under_another_that_open_with_their_titles_link_are_entries_of_their_own()
    {
        var papers = Read("text/markdown", "# Yao Liu\n\n## Posters\n\n"
            + "[“Tools for Computational Social Science”.](https://example.org/a.png)\n**Yao Liu** and Paul Brenner. 2018 Summer Undergraduate Research Symposium, University of Notre Dame.\n"
            + "[“Parallel Python for Global Social Simulations”.](https://example.org/b.png)\n**Yao Liu** and Paul Brenner. 2017 Summer Undergraduate Research Symposium, University of Notre Dame.\n").Publications;

        Assert.Equal(
            [("Tools for Computational Social Science", 2018), ("Parallel Python for Global Social Simulations", 2017)],
            papers.Select(p => (p.Title, p.Year ?? 0)));
        Assert.All(papers, p => Assert.Equal("Summer Undergraduate Research Symposium", p.Venue));
    }

    [Theory]
    [InlineData("- Ada Someone, Yao Liu. Some Long Paper Title About Protein Structures. In *Journal of Protein Things*, 2015.", "Some Long Paper Title About Protein Structures", "Journal of Protein Things", 2015)]
    [InlineData("- Yao Liu. *A Study of Things in Depth*. In: *Proceedings of the Workshop on Small Things*, 2019.", "A Study of Things in Depth", "Workshop on Small Things", 2019)]
    public void What_a_citation_emphasises_after_In_is_the_venue_not_the_title(string entry, string title, string venue, int year)
    {
        var paper = Assert.Single(Read("text/markdown", "# Yao Liu\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal((title, venue, year), (paper.Title, paper.Venue, paper.Year));
    }
}
