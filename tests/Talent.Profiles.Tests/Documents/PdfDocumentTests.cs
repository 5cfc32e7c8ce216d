using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests.Documents;

/// <summary>PDF pages become the text model: reading order from geometry, headings from size, emphasis from weight, links from annotations.</summary>
public sealed class PdfDocumentTests
{
    private readonly ProfileExtractor extractor = new(RepoPaths.Catalogs);

    /// <summary>A sidebar (contact, skills) left of the main column (education, experience, publications), the name across the top.</summary>
    private static readonly PdfText[] TwoColumns =
    [
        new("Jane Q. Doe", 40, 790, 22),
        new("Contact", 40, 740, 13, Bold: true),
        new("jane.doe@example.org", 40, 722, 9, Link: "mailto:jane.doe@example.org"),
        new("Homepage", 40, 708, 9, Link: "https://janedoe.example.org"),
        new("Skills", 40, 680, 13, Bold: true),
        new("PyTorch", 40, 662, 9),
        new("Kubernetes", 40, 648, 9),
        new("Rust", 40, 634, 9),
        new("Fluent", 40, 610, 10, Bold: true),
        new("Education", 200, 740, 13, Bold: true),
        new("Ph.D. in Computer Science, Stanford University, 2016 - 2021", 200, 722, 10),
        new("B.Sc. in Mathematics, University of Toronto, 2012 - 2016", 200, 706, 10),
        new("Experience", 200, 680, 13, Bold: true),
        new("Research Scientist, DeepMind, 2021 - present", 200, 662, 10),
        new("Publications", 200, 630, 13, Bold: true),
        new("Jane Q. Doe, John Smith. Sparse Attention for Long Videos. NeurIPS 2022.", 200, 612, 10),
        new("Jane Q. Doe. Graph Transformers at Scale. ICML 2021.", 200, 596, 10),
    ];

    [Fact]
    public void A_two_column_page_reads_each_fact_in_its_field()
    {
        var profile = Accepted(TestPdf.Pages(TwoColumns));
        var facts = System.Text.Json.JsonSerializer.Serialize(profile, ProfileJson.Options) + "\n" + Text(TestPdf.Pages(TwoColumns));

        Assert.Equal("Jane Q. Doe", profile.Name);
        Assert.Contains("jane.doe@example.org", profile.Emails);
        Assert.Contains(profile.Homepages.Concat(profile.Links), l => l.Contains("janedoe.example.org", StringComparison.Ordinal));
        Assert.Contains(profile.Education, e => e.Institution == "Stanford University");
        Assert.Contains(profile.Education, e => e.Institution == "University of Toronto");
        Assert.True(profile.Experience.Any(e => e.Organization?.EndsWith("DeepMind", StringComparison.Ordinal) == true), facts);
        Assert.Contains(profile.Publications, p => p.Venue == "NeurIPS" && p.Year == 2022);
        Assert.Contains(profile.Publications, p => p.Venue == "ICML" && p.Year == 2021);
        Assert.Contains("PyTorch", profile.Skills);
    }

    [Fact]
    public void Columns_are_read_one_after_the_other_and_never_interleaved()
    {
        var text = Text(TestPdf.Pages(TwoColumns));

        var sidebar = text.IndexOf("Kubernetes", StringComparison.Ordinal);
        var main = text.IndexOf("Stanford University", StringComparison.Ordinal);
        Assert.True(sidebar >= 0 && main >= 0, text);
        Assert.DoesNotContain("Kubernetes Ph.D.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PyTorch\tPh.D.", text, StringComparison.Ordinal);
        Assert.StartsWith("# Jane Q. Doe", text.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Contact", "## Contact")]
    [InlineData("Fluent", "**Fluent**")]
    [InlineData("jane.doe@example.org", "jane.doe@example.org")]
    [InlineData("Homepage", "[Homepage](https://janedoe.example.org)")]
    public void Weight_and_links_are_kept_as_emphasis_and_links(string word, string written) =>
        Assert.Contains(written, Text(TestPdf.Pages(TwoColumns)).Split('\n').Where(l => l.Contains(word, StringComparison.Ordinal)));

    [Fact]
    public void Running_headers_footers_and_page_numbers_are_dropped_and_hyphenation_mended()
    {
        PdfText[] Page(int number, string first, string second) =>
        [
            new("Jane Doe - Curriculum Vitae", 72, 810, 8),
            new(first, 72, 700, 10),
            new(second, 72, 686, 10),
            new($"Page {number} of 2", 280, 30, 8),
        ];
        var long1 = "We study efficient methods for training very large models on distri-";
        var text = Text(TestPdf.Pages(
            Page(1, long1, "buted clusters with thousands of accelerators and little memory."),
            Page(2, "Our self-supervised methods for video representation learning are self-", "supervised and need no labels at all for pretraining the encoder.")));

        Assert.False(text.Contains("Curriculum Vitae", StringComparison.Ordinal), text);
        Assert.False(text.Contains("Page 1", StringComparison.Ordinal), text);
        Assert.True(text.Contains("distributed clusters", StringComparison.Ordinal), text);
        Assert.True(text.Contains("self-supervised and need", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData("Jane Q. Doe", "Jane Q. Doe")]
    [InlineData("Jane Q. Doe’s CV", "Jane Q. Doe")]
    [InlineData("Curriculum Vitae", null)]
    public void A_page_title_in_the_metadata_names_the_owner_the_text_does_not_name(string title, string? name)
    {
        var pdf = TestPdf.Titled(title, new("Skills", 72, 760, 14), new("PyTorch, Kubernetes, Rust", 72, 740), new("jane.doe@example.org", 72, 720));

        Assert.Equal(name, Accepted(pdf).Name);
    }

    [Fact]
    public void A_name_in_the_text_wins_over_the_page_title() =>
        Assert.Equal("Jane Q. Doe", Accepted(TestPdf.Titled("John Smith", new("Jane Q. Doe", 72, 780, 22), new("jane.doe@example.org", 72, 740))).Name);

    [Theory]
    [InlineData("3", true)]
    [InlineData("Page 3", true)]
    [InlineData("3 / 12", true)]
    [InlineData("Page 3 of 12", true)]
    [InlineData("- 3 -", true)]
    [InlineData("2019 - 2023", false)]
    [InlineData("ICML 2021", false)]
    public void A_page_number_is_told_from_a_date_range(string line, bool pageNumber) =>
        Assert.Equal(pageNumber, PdfLayout.IsPageNumber(line));

    [Fact]
    public void A_projects_section_gives_each_bold_project_with_its_text_and_link()
    {
        var pdf = TestPdf.Pages(
        [
            new PdfText("Jane Q. Doe", 40, 790, 22),
            new PdfText("jane.doe@example.org", 40, 760, 10),
            new PdfText("Projects", 40, 730, 13, Bold: true),
            new PdfText("Larkspur", 40, 712, 10, Bold: true, Link: "https://github.com/jdoe/larkspur"),
            new PdfText("a columnar store for time series", 40, 698, 10),
            new PdfText("Bramble", 40, 676, 10, Bold: true),
            new PdfText("a job queue for batch pipelines", 40, 662, 10),
        ]);
        var profile = Accepted(pdf);

        Assert.True(profile.Projects.Count == 2, Text(pdf));
        Assert.Equal(new ProjectEntry { Name = "Larkspur", Description = "a columnar store for time series", Url = "https://github.com/jdoe/larkspur" }, profile.Projects[0]);
        Assert.Equal(new ProjectEntry { Name = "Bramble", Description = "a job queue for batch pipelines" }, profile.Projects[1]);
    }

    private ExtractedProfile Accepted(byte[] pdf) =>
        Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("cv.pdf", DocumentFormats.PdfType, string.Empty) { Bytes = pdf })).Profile;

    private static string Text(byte[] pdf) =>
        BinaryDocuments.Read(DocumentFormats.Pdf, pdf, DocumentLimits.Default).Text ?? throw new InvalidOperationException("not read");
}
