using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>jemdoc notations (jemdoc.net) and the markdown they stand for, one row each.</summary>
public sealed class JemdocMarkdownTests
{
    [Theory]
    [InlineData("= Ada Lovelace", "# Ada Lovelace")]
    [InlineData("== Publications", "## Publications")]
    [InlineData("=== Journal papers", "### Journal papers")]
    [InlineData("- An item with *bold* and /italic/ text", "- An item with **bold** and *italic* text")]
    [InlineData("- Outer\n-- Inner", "- Outer\n\n  - Inner")]
    [InlineData(". First paper\n. Second paper", "1. First paper\n\n1. Second paper")]
    [InlineData(": {Languages} Python, R", "- **Languages**: Python, R")]
    [InlineData("- An item\n  continued on the next line", "- An item continued on the next line")]
    [InlineData("Line one \\n\nline two", "Line one\nline two")]
    [InlineData("- R03 grant \\n PI, 2021", "- R03 grant\n  PI, 2021")]
    [InlineData("# jemdoc: menu{MENU}{index.html}\nText", "Text")]
    [InlineData("Uses +monospace+ and C++ on 09/18", "Uses `monospace` and C++ on 09/18")]
    [InlineData("Dashes -- and --- here", "Dashes – and — here")]
    [InlineData("Escaped \\* star and \\/ slash", "Escaped \\* star and / slash")]
    [InlineData("Inline {{<b>raw</b>}} html", "Inline <b>raw</b> html")]
    public void Block_and_inline_notations_become_markdown(string jemdoc, string expected) =>
        Assert.Equal(expected, JemdocText.ToMarkdown(jemdoc));

    [Theory]
    [InlineData("[https://ada.org Ada's site]", "[Ada's site](https://ada.org)")]
    [InlineData("[https://ada.org]", "https://ada.org")]
    [InlineData("[ada@x.org]", "[ada@x.org](mailto:ada@x.org)")]
    [InlineData("[ada@x.org write to me]", "[write to me](mailto:ada@x.org)")]
    [InlineData("[cv.pdf Curriculum Vitae]", "[Curriculum Vitae](cv.pdf)")]
    [InlineData("See http://a.org/b/c/ for /more/", "See http://a.org/b/c/ for *more*")]
    [InlineData("== [talks.html Selected Talks]", "## [Selected Talks](talks.html)")]
    public void Links_become_markdown_links(string jemdoc, string expected) =>
        Assert.Equal(expected, JemdocText.ToMarkdown(jemdoc));

    [Theory]
    [InlineData("~~~\n{Contact}\nE-mail: a@b.org\n~~~", "**Contact**\n\nE-mail: a@b.org")]
    [InlineData("~~~\n{}{img_left}{me.jpg}{Portrait}{230}{280}\nAssistant Professor \\n\n[https://u.edu University]\n~~~", "Assistant Professor\n[University](https://u.edu)")]
    [InlineData("~~~\n{}{code}\nx = *y*\n~~~", "```\nx = *y*\n```")]
    [InlineData("~~~\n{}{raw}\n<h2>Preprints</h2>\n<ol><li>A paper, 2024.</li></ol>\n~~~", "## Preprints\n- A paper, 2024.")]
    [InlineData("Kept\n<<<<<<< HEAD\nOurs\n=======\nTheirs\n>>>>>>> 65c4038\nAfter", "Kept Ours After")]
    public void Blocks_keep_their_text_and_raw_html_is_rendered(string jemdoc, string expected) =>
        Assert.Equal(expected, JemdocText.ToMarkdown(jemdoc));

    [Theory]
    [InlineData("text/x-jemdoc", "= Ada Lovelace\n\n== Contact\nE-mail: [ada@lovelace.org]")]
    [InlineData("text/plain", "# jemdoc: menu{MENU}{index.html}\n= Ada Lovelace\n\n== Contact\nE-mail: [ada@lovelace.org]")]
    public void A_jemdoc_page_is_read_by_type_or_by_its_configuration_line(string contentType, string content)
    {
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("page", contentType, content));

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Contains("ada@lovelace.org", profile.Emails);
    }
}
