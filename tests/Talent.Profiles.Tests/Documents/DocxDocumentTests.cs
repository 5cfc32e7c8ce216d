using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Office2019.Drawing.SVG;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using A = DocumentFormat.OpenXml.Drawing;
using Pictures = DocumentFormat.OpenXml.Drawing.Pictures;
using WordDrawing = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Talent.Profiles.Tests.Documents;

/// <summary>Word paragraphs become the text model: styles as headings, numbering as list items, bold runs, hyperlinks, table rows.</summary>
public sealed class DocxDocumentTests
{
    [Fact]
    public void Styles_lists_emphasis_links_and_tables_are_kept()
    {
        var text = Text(Cv());

        Assert.Contains("# Jane Q. Doe\n", text, StringComparison.Ordinal);
        Assert.Contains("## Education\n", text, StringComparison.Ordinal);
        Assert.Contains("- Ph.D. in Computer Science, **Stanford University**, 2016 - 2021\n", text, StringComparison.Ordinal);
        Assert.Contains("  - Thesis on sparse attention\n", text, StringComparison.Ordinal);
        Assert.Contains("[Homepage](https://janedoe.example.org/)", text, StringComparison.Ordinal);
        Assert.Contains("Research Scientist\tDeepMind\t2021 - present\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_cv_reads_each_fact_in_its_field()
    {
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("cv.docx", DocumentFormats.DocxType, string.Empty) { Bytes = Cv() });

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        Assert.Equal("Jane Q. Doe", profile.Name);
        Assert.Contains("jane.doe@example.org", profile.Emails);
        Assert.Contains(profile.Education, e => e.Institution == "Stanford University");
        Assert.Contains(profile.Publications, p => p.Venue == "NeurIPS" && p.Year == 2022);
    }

    [Fact]
    public void A_word_cv_reads_its_projects_from_list_items_and_table_rows()
    {
        var docx = Docx(
            new Paragraph(new Run(new Text("Jane Q. Doe"))),
            new Paragraph(new Run(new Text("jane.doe@example.org"))),
            new Paragraph(new Run(new RunProperties(new Bold()), new Text("Projects"))),
            Listed(0, new Run(new RunProperties(new Bold()), new Text("Larkspur")), new Run(new Text(": a columnar store for time series") { Space = SpaceProcessingModeValues.Preserve })),
            new Paragraph(new Run(new Text("Bramble"))),
            new Paragraph(new Run(new Text(": a job queue for batch pipelines") { Space = SpaceProcessingModeValues.Preserve })),
            new Paragraph(),
            new Paragraph(new Run(new RunProperties(new Bold()), new Text("Skills"))),
            new Paragraph(new Run(new Text("Rust"))));
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("cv.docx", DocumentFormats.DocxType, string.Empty) { Bytes = docx });

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        Assert.True(profile.Projects.Count == 2, Text(docx));
        Assert.Equal(new ProjectEntry { Name = "Larkspur", Description = "a columnar store for time series" }, profile.Projects[0]);
        Assert.Equal(new ProjectEntry { Name = "Bramble", Description = "a job queue for batch pipelines" }, profile.Projects[1]);
    }

    [Fact]
    public void Neighbouring_runs_of_one_style_are_one_emphasis()
    {
        var text = Text(Docx(new Paragraph(
            Italic("Proceedings of the Workshop on "), Italic("\u201c"), Italic("Learning Meets Equations"), Italic("\u201d"), Italic(", PMLR, 2025"))));

        Assert.Contains("*Proceedings of the Workshop on \u201cLearning Meets Equations\u201d, PMLR, 2025*\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_kept_with_the_next_shares_its_block()
    {
        var text = Text(Docx(
            new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Text("Parallel Python for Agent-Based Modeling"))),
            new Paragraph(new Run(new Text("Jane Doe. In Proceedings of CSSSA 2017."))),
            new Paragraph(new Run(new Text("Another paragraph.")))));

        Assert.Contains("Parallel Python for Agent-Based Modeling\nJane Doe. In Proceedings of CSSSA 2017.\n\nAnother paragraph.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_numbered_by_its_style_is_a_list_item()
    {
        var text = Text(Docx(
            new Styles(new Style(new StyleName { Val = "List Bullet" }, new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 3 })))
            {
                Type = StyleValues.Paragraph,
                StyleId = "ListBullet",
            }),
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }), new Run(new Text("PyTorch"))),
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }), new Run(new Text("Kubernetes")))));

        Assert.Contains("- PyTorch\n- Kubernetes\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_an_embedded_svg_picture_sets_follows_its_paragraph()
    {
        // A badge (label and message on one baseline, each with an aria-hidden shadow copy) and a typed-out line on a path.
        const string Svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="111" height="20">
              <title>GitHub: Actions</title>
              <text aria-hidden="true" x="26" y="15" fill-opacity=".3">GitHub</text><text x="26" y="14">GitHub</text>
              <text aria-hidden="true" x="81" y="15" fill-opacity=".3">Actions</text><text x="81" y="14">Actions</text>
              <path id="p0"/><text><textPath xlink:href="#p0">
                Infrastructure as Code (Terraform, Bicep)
              </textPath></text>
            </svg>
            """;

        var text = Text(DocxWithSvg(Svg));

        Assert.Contains("Skills\n\nGitHub Actions\n\nInfrastructure as Code (Terraform, Bicep)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GitHub GitHub", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_svg_picture_gives_what_it_set_before_the_break()
    {
        var text = Text(DocxWithSvg("""<svg xmlns="http://www.w3.org/2000/svg"><text y="1">PyTorch</text><text y="2">Ku"""));

        Assert.Contains("PyTorch\n", text, StringComparison.Ordinal);
    }

    private static byte[] DocxWithSvg(string svg)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var image = main.AddImagePart(ImagePartType.Svg);
            using (var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(svg)))
            {
                image.FeedData(data);
            }

            var blip = new A.Blip(new A.BlipExtensionList(new A.BlipExtension(new SVGBlip { Embed = main.GetIdOfPart(image) }) { Uri = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}" }));
            var picture = new Pictures.Picture(new Pictures.BlipFill(blip));
            var drawing = new Drawing(new WordDrawing.Inline(new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Skills"))), new Paragraph(new Run(drawing))));
        }

        return stream.ToArray();
    }

    private static Run Italic(string text) => new(new RunProperties(new Italic()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static byte[] Docx(params Paragraph[] paragraphs) => Docx(null, paragraphs);

    private static byte[] Docx(Styles? styles, params Paragraph[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            if (styles is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            }

            main.Document = new Document(new Body(paragraphs));
        }

        return stream.ToArray();
    }

    private static string Text(byte[] docx) =>
        BinaryDocuments.Read(DocumentFormats.Docx, docx, DocumentLimits.Default).Text ?? throw new InvalidOperationException("not read");

    internal static byte[] Cv()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var link = main.AddHyperlinkRelationship(new Uri("https://janedoe.example.org/"), true);
            main.Document = new Document(new Body(
                Styled("Title", new Run(new Text("Jane Q. Doe"))),
                new Paragraph(new Run(new Text("jane.doe@example.org")), new Run(new Text(" · ") { Space = SpaceProcessingModeValues.Preserve }), new Hyperlink(new Run(new Text("Homepage"))) { Id = link.Id }),
                Styled("Heading2", new Run(new Text("Education"))),
                Listed(0, new Run(new Text("Ph.D. in Computer Science, ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new RunProperties(new Bold()), new Text("Stanford University")), new Run(new Text(", 2016 - 2021") { Space = SpaceProcessingModeValues.Preserve })),
                Listed(1, new Run(new Text("Thesis on sparse attention"))),
                Styled("Heading2", new Run(new Text("Experience"))),
                new Table(new TableRow(Cell("Research Scientist"), Cell("DeepMind"), Cell("2021 - present"))),
                Styled("Heading2", new Run(new Text("Publications"))),
                Listed(0, new Run(new Text("Jane Q. Doe, John Smith. Sparse Attention for Long Videos. NeurIPS 2022.")))));
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string style, params OpenXmlElement[] runs) =>
        new(runs.Prepend(new ParagraphProperties(new ParagraphStyleId { Val = style })));

    private static Paragraph Listed(int level, params OpenXmlElement[] runs) =>
        new(runs.Prepend(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 }))));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
}
