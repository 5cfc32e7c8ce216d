using Talent.Profiles.Documents;
using UglyToad.PdfPig.Core;

namespace Talent.Profiles.Tests.Documents;

/// <summary>
/// The structure a printed page shows without saying it: list markers drawn as shapes, entries set apart by spacing,
/// emphasis that ends inside a word, listings wrapped or cut at the page's edge, links made absolute by the printer.
/// </summary>
public sealed class PdfStructureTests
{
    /// <summary>A line of running text as wide as the column, so shorter lines are not taken as wrapped.</summary>
    private const string Intro = "Selected papers on efficient attention, graph learning and long video understanding, newest first.";

    [Fact]
    public void Text_drawn_again_over_itself_is_read_once()
    {
        // A badge's label with its drop shadow (the same text a pixel lower) and a line set twice a hair apart (fake bold).
        var text = Text(TestPdf.Drawn(1, (_, page, fonts) =>
        {
            page.AddText("Skills", 14, new PdfPoint(72, 760), fonts.Bold);
            page.AddText("GitHub Actions", 8, new PdfPoint(72, 739.25), fonts.Regular);
            page.AddText("GitHub Actions", 8, new PdfPoint(72, 740), fonts.Regular);
            page.AddText("Kubernetes, Terraform", 10, new PdfPoint(72, 720), fonts.Regular);
            page.AddText("Kubernetes, Terraform", 10, new PdfPoint(72.3, 720), fonts.Regular);
            page.AddText("Mississippi llama", 10, new PdfPoint(72, 700), fonts.Regular);
        }));

        Assert.Contains("GitHub Actions\n", text, StringComparison.Ordinal);
        Assert.Contains("Kubernetes, Terraform\n", text, StringComparison.Ordinal);
        Assert.Contains("Mississippi llama", text, StringComparison.Ordinal);
    }

    [Fact]
    public void List_markers_drawn_as_shapes_are_list_items_and_rating_dots_are_not()
    {
        var text = Text(TestPdf.Drawn(1, (_, page, fonts) =>
        {
            page.AddText("Skills", 14, new PdfPoint(72, 760), fonts.Bold);
            foreach (var (item, y) in new[] { ("PyTorch and JAX", 740.0), ("Kubernetes", 726.0) })
            {
                page.DrawRectangle(new PdfPoint(60, y + 2), 3.5, 3.5, 1, fill: true);
                page.AddText(item, 11, new PdfPoint(72, y), fonts.Regular);
            }

            page.AddText("Python", 11, new PdfPoint(72, 690), fonts.Regular);
            for (var x = 130; x <= 170; x += 10)
            {
                page.DrawRectangle(new PdfPoint(x, 692), 3.5, 3.5, 1, fill: true);
            }
        }));

        Assert.Contains("- PyTorch and JAX\n- Kubernetes\n", text, StringComparison.Ordinal);
        var python = text.Split('\n').Single(l => l.Contains("Python", StringComparison.Ordinal));
        Assert.Equal("Python", python);
    }

    [Fact]
    public void An_entry_set_apart_by_wider_spacing_keeps_its_title_authors_and_venue_together()
    {
        var text = Text(TestPdf.Drawn(1, (_, page, fonts) =>
        {
            page.AddText("Publications", 14, new PdfPoint(72, 790), fonts.Bold);
            page.AddText(Intro, 10, new PdfPoint(72, 770), fonts.Regular);
            var y = 744.0;
            foreach (var (title, authors, venue) in new[] { ("Sparse Attention for Long Videos", "Jane Q. Doe, John Smith.", "NeurIPS 2022."), ("Graph Transformers at Scale", "Jane Q. Doe.", "ICML 2021.") })
            {
                page.AddText(title, 10, new PdfPoint(72, y), fonts.Bold);
                page.AddText(authors, 10, new PdfPoint(72, y - 14), fonts.Regular);
                page.AddText(venue, 10, new PdfPoint(72, y - 28), fonts.Regular);
                y -= 54;
            }
        }));

        Assert.Contains("**Sparse Attention for Long Videos**\nJane Q. Doe, John Smith.\nNeurIPS 2022.\n\n**Graph Transformers at Scale**\nJane Q. Doe.\nICML 2021.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_ends_where_the_font_changes_inside_a_word()
    {
        var text = Text(TestPdf.Drawn(1, (_, page, fonts) =>
        {
            var bold = page.AddText("Jane Doe", 10, new PdfPoint(72, 760), fonts.Bold);
            page.AddText(", John Smith. Graph Transformers at Scale. ICML 2021.", 10, new PdfPoint(bold[^1].EndBaseLine.X, 760), fonts.Regular);
        }));

        Assert.Contains("**Jane Doe**, John Smith.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_line_wrapped_at_the_edge_is_joined_and_one_cut_there_is_not()
    {
        var url = "url={https://example.org/a/very/long/address/without/any/space/in/it/at/all}";
        var title = "title={A long title that goes on";
        while (title.Length + 2 < url.Length)
        {
            title += " on"; // up to the edge the longest line (the address) sets, so "to" no longer fits after it
        }

        var text = Text(TestPdf.Drawn(1, (_, page, fonts) =>
        {
            string[] lines = ["@article{doe2021,", title, "to the edge},", "year={2021},", url, "note={printed}", "}"];
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 10, new PdfPoint(72, 760 - (i * 12)), fonts.Mono);
            }
        }));

        Assert.True(text.Contains(title + " to the edge},\n", StringComparison.Ordinal), text);
        Assert.Contains("\nyear={2021},\n", text, StringComparison.Ordinal);
        Assert.True(text.Contains(url + "\nnote={printed}", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_brace_of_a_listing_at_the_top_of_every_page_is_not_a_running_header()
    {
        var text = Text(TestPdf.Drawn(3, (i, page, fonts) =>
        {
            page.AddText("{", 10, new PdfPoint(72, 800), fonts.Mono);
            page.AddText($"\"page\": {i + 1},", 10, new PdfPoint(72, 788), fonts.Mono);
            page.AddText("},", 10, new PdfPoint(72, 776), fonts.Mono);
        }));

        Assert.Equal(3, text.Count(c => c == '{'));
    }

    [Theory]
    [InlineData("file:///home/someone/site/sarahdoe.info", "sarahdoe.info")]
    [InlineData("file:///tmp/printed/html/papers/paper.pdf", "paper.pdf")]
    [InlineData("file:///", null)]
    [InlineData("https://janedoe.example.org/", "https://janedoe.example.org/")]
    [InlineData("mailto:jane@example.org", "mailto:jane@example.org")]
    public void A_link_to_the_printing_machines_file_keeps_the_files_name(string uri, string? expected) =>
        Assert.Equal(expected, PdfDocumentReader.LinkTarget(uri));

    private static string Text(byte[] pdf) =>
        BinaryDocuments.Read(DocumentFormats.Pdf, pdf, DocumentLimits.Default).Text ?? throw new InvalidOperationException("not read");
}
