using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>Notations of the LaTeX, BibTeX and PDF-text readers and of citation-style references, one row each.</summary>
public sealed class DocumentFormatTests
{
    [Theory]
    [InlineData(@"Nov\'{a}kov\'{a}", "Nováková")]
    [InlineData(@"Y{\i}lmaz", "Yılmaz")]
    [InlineData(@"M\""uller", "Müller")]
    [InlineData(@"Dvo\v{r}\'ak", "Dvořák")]
    [InlineData(@"\textbf{Bold} text", "**Bold** text")]
    [InlineData(@"\href{mailto:a@b.org}{Mail}", "[Mail](mailto:a@b.org)")]
    [InlineData(@"2018--2023", "2018–2023")]
    [InlineData(@"50\% of \& more % a comment", "50% of & more")]
    [InlineData(@"\cvitem{Programming}{C, Python}", "- **Programming**: C, Python")]
    [InlineData(@"\cvitem{2023}{\textbf{Title}. A. Author. \textit{ICASSP 2023}.}", "- **Title**. A. Author. *ICASSP 2023*.")]
    [InlineData(@"\cvitem{2019--2021}{\textbf{Title}. A. Author.}", "- **Title**. A. Author. (2019–2021)")]
    public void Latex_notation_becomes_text(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToMarkdown(latex).Trim());

    [Theory]
    [InlineData("Zhao, Lei and Kumar, Arjun", "Lei Zhao|Arjun Kumar")]
    [InlineData("Lucía Fernández and Anke Müller and others", "Lucía Fernández|Anke Müller")]
    [InlineData(@"Fern\'andez, Luc\'ia", "Lucía Fernández")]
    public void Bibtex_author_fields_become_names(string field, string expected) =>
        Assert.Equal(expected, string.Join('|', BibtexReader.Authors(field)));

    [Theory]
    [InlineData("distri-\nbuted systems", "distributed systems")]
    [InlineData("self-\nsupervised learning", "self-supervised learning")]
    [InlineData("Geo-Replicated Stor-\n  age", "Geo-Replicated Storage")]
    [InlineData("Results\n\nPage 1 of 2\nMore", "Results\n\nMore")]
    public void Pdf_artefacts_are_repaired(string text, string expected) =>
        Assert.Equal(expected, PdfText.Repair(text));

    [Theory]
    [InlineData("Karin Lind, Erik Bergström. Fast Snapshots for Log-Structured Stores. In Proceedings of the 21st USENIX Conference on File and Storage Technologies, 2023.", "FAST", 2023, "Fast Snapshots for Log-Structured Stores")]
    [InlineData("Jordi Puig, Marta García. Fairness Constraints in Ranking. In Advances in Neural Information Processing Systems 35, 2022.", "NeurIPS", 2022, "Fairness Constraints in Ranking")]
    [InlineData("Thabo Nkosi and Grace Mwangi. Spatial Models of Cholera Outbreaks. Journal of Machine Learning Research, 2022.", "JMLR", 2022, "Spatial Models of Cholera Outbreaks")]
    [InlineData("Some text that is not a citation at all, 2022.", null, null, null)]
    public void Citation_style_references_give_title_venue_and_year(string text, string? venue, int? year, string? title)
    {
        var reading = Citation.Read(text, RepoPaths.Catalogs.Venues);
        Assert.Equal(venue, reading?.Venue.Venue);
        Assert.Equal(year, reading?.Venue.Year);
        Assert.Equal(title, reading?.Title);
    }
}
