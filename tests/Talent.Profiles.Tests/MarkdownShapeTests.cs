using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// Markdown shapes read from the syntax tree (Markdig): nested lists, emphasis in list items, HTML blocks, links labelled
/// "[pdf]", setext headings, tables, autolinks and reference links, code blocks, each with its facts written by hand.
/// </summary>
public sealed class MarkdownShapeTests
{
    private readonly ProfileExtractor extractor = new(RepoPaths.Catalogs);

    private ExtractedProfile Read(string content) =>
        Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("shape.md", "text/markdown", content))).Profile;

    [Theory]
    [InlineData("- **Jane Roe**, Bob Smith. *A Title of the Paper.* SOSP 2021.\n", "A Title of the Paper", "SOSP", 2021)]
    [InlineData("- Systems\n  - **Jane Roe**, Bob Smith. *A Title of the Paper.* SOSP 2021.\n", "A Title of the Paper", "SOSP", 2021)]
    [InlineData("1. Systems\n   1. **Jane Roe**, Bob Smith. *A Title of the Paper.* SOSP 2021.\n", "A Title of the Paper", "SOSP", 2021)]
    [InlineData("- __Jane Roe__, Bob Smith. _A Title of the Paper._ SOSP 2021.\n", "A Title of the Paper", "SOSP", 2021)]
    [InlineData("- **Jane Roe**, Bob Smith. *Federated Learning Across Hospital Networks.* SOSP 2021.\n", "Federated Learning Across Hospital Networks", "SOSP", 2021)]
    [InlineData("1. **Jane Roe**. *Attention Is All You Need.* NeurIPS 2017.\n", "Attention Is All You Need", "NeurIPS", 2017)]
    [InlineData("* Bob Smith, ***Jane Roe***. *Learning to Rank Shards*. VLDB 2019.\n", "Learning to Rank Shards", "VLDB", 2019)]
    [InlineData("- **Jane Roe**, Bob Smith. *Designing Interfaces for Everyone*. CHI 2023. [[pdf]](https://example.org/a.pdf) [[code]](https://github.com/example/a)\n", "Designing Interfaces for Everyone", "CHI", 2023)]
    [InlineData("<ul>\n<li><strong>Jane Roe</strong>, Bob Smith. <em>Designing Interfaces for Everyone</em>. CHI 2023. <a href=\"https://example.org/a.pdf\">[pdf]</a></li>\n</ul>\n", "Designing Interfaces for Everyone", "CHI", 2023)]
    [InlineData("- <b>Jane Roe</b>, Bob Smith. <i>Designing Interfaces for Everyone</i>. CHI 2023. <a href=\"https://example.org/a.pdf\">[pdf]</a>\n", "Designing Interfaces for Everyone", "CHI", 2023)]
    public void A_publication_in_a_markdown_list_is_read_whatever_its_markup(string entry, string title, string venue, int year)
    {
        var publication = Assert.Single(Read("# Jane Roe\n\n## Publications\n\n" + entry).Publications);

        Assert.Equal(title, publication.Title);
        Assert.Equal(venue, publication.Venue);
        Assert.Equal(year, publication.Year);
    }

    [Theory]
    [InlineData("Jane Roe\n========\n\nEducation\n---------\n\n- Ph.D. in Physics, Stanford University, 2015 – 2020\n")]
    [InlineData("# Jane Roe\n\n## Education\n\n| Degree | Institution | Years |\n|---|---|---|\n| Ph.D. in Physics | Stanford University | 2015 – 2020 |\n")]
    [InlineData("# Jane Roe\n\n## Education\n\n<table>\n<tr><td>Ph.D. in Physics</td><td>Stanford University</td><td>2015 – 2020</td></tr>\n</table>\n")]
    public void Setext_headings_tables_and_html_tables_give_the_sections(string content)
    {
        var profile = Read(content);

        Assert.Equal("Jane Roe", profile.Name);
        var entry = Assert.Single(profile.Education);
        Assert.Equal("Stanford University", entry.Institution);
        Assert.Equal("Ph.D.", entry.Degree);
        Assert.Equal("2020", entry.End);
    }

    [Theory]
    [InlineData("Python (expert), Go (advanced), TypeScript (familiar)")]
    [InlineData("Python - 5 years, Go - 3 years, TypeScript (2 yrs)")]
    [InlineData("Python: 5+ years, Go, TypeScript")]
    public void A_skill_s_level_or_years_are_not_skills(string line) =>
        Assert.Equal(["Python", "Go", "TypeScript"], Read("# Jane Roe\n\n## Skills\n\n" + line + "\n").Skills);

    [Fact]
    public void A_skills_table_gives_its_items()
    {
        var profile = Read("# Jane Roe\n\n## Skills\n\n| Area | Tools |\n|---|---|\n| Languages | Python, Rust |\n| Cloud | Kubernetes |\n");

        Assert.Contains("Python", profile.Skills);
        Assert.Contains("Rust", profile.Skills);
        Assert.Contains("Kubernetes", profile.Skills);
    }

    [Fact]
    public void A_row_of_more_cells_than_any_table_has_is_read_as_text()
    {
        // Markdig made a block of each cell: 900,000 of them took 800 MB (these rows 131 MB; as text, 54).
        var row = "| " + string.Concat(Enumerable.Repeat("a |", 200_000));
        var markdown = "# Jane Roe\n\n## Skills\n\n| Area | Tools |\n|---|---|\n| Languages | Python, Rust |\n\n" + row + "\n" + row.Replace('a', '-') + "\n";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var lines = MarkdownText.Parse(markdown);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(lines, l => l.Text == "Languages | Python, Rust");
        Assert.Contains(lines, l => l.Text.StartsWith("| a |a |", StringComparison.Ordinal));
        Assert.True(allocated < 80L * 1024 * 1024, $"{allocated / 1048576.0:0} MB allocated for {markdown.Length} characters");
    }

    [Fact]
    public void Autolinks_and_reference_links_give_their_addresses()
    {
        var profile = Read("# Jane Roe\n\n<jane.roe@example.org> · [Scholar][scholar]\n\n## Skills\n\n- Python, Rust\n\n[scholar]: https://scholar.google.com/citations?user=abcDEF123\n");

        Assert.Equal(["jane.roe@example.org"], profile.Emails);
        Assert.Contains(profile.Links, l => l.Contains("scholar.google.com", StringComparison.Ordinal));
    }

    [Fact]
    public void A_contact_block_closing_a_skills_section_is_not_read_as_skills()
    {
        var profile = Read("# Jane Roe\n\n## Skills\n\n- Python, Rust\n\n> Jane Roe --\n> <jane.roe@example.org> --\n> [janeroe.info](janeroe.info)\n");

        Assert.Equal(["Python", "Rust"], profile.Skills);
    }

    [Fact]
    public void Referees_e_mail_addresses_are_not_the_owners()
    {
        var profile = Read("# Jane Roe\n\n## Skills\n\n- Python, Rust\n\n## References\n\nBob Smith\n\n<bob.smith@example.edu>\n");

        Assert.Empty(profile.Emails);
    }

    [Fact]
    public void A_template_placeholder_address_is_no_link()
    {
        var profile = Read("# Jane Roe\n\n<div>\n<a href=\"https://github.com/{{ site.github }}\">GitHub</a> |\n<a href=\"https://janeroe.example.org\">Website</a>\n</div>\n\n## Skills\n\n- Python\n");

        Assert.DoesNotContain(profile.Links.Concat(profile.Homepages), l => l.Contains('{', StringComparison.Ordinal));
        Assert.Contains("janeroe.example.org", profile.Homepages);
    }

    [Fact]
    public void The_lines_follow_the_syntax_tree()
    {
        var lines = MarkdownText.Parse("---\ntitle: x\n---\nJane Roe\n===\n\n- **Group**\n  - 1. nested _item_ [pdf](a.pdf)\n\n```bash\n# not a heading\n```\n\n2019. A paper\n");
        var filled = lines.Where(l => !l.IsBlank).ToList();

        Assert.Equal(("Jane Roe", 1), (filled[0].Heading, filled[0].HeadingLevel));
        Assert.True(filled[1].IsBullet);
        Assert.Equal("**Group**", filled[1].Text);
        Assert.True(filled[2].IsBullet);
        Assert.Equal("nested *item* pdf", filled[2].Text);
        Assert.Equal([new LinkRef("pdf", "a.pdf")], filled[2].Links);
        Assert.Equal(("# not a heading", null, false), (filled[3].Text, filled[3].Heading, filled[3].IsBullet));
        Assert.Equal(("2019. A paper", false), (filled[4].Text, filled[4].IsBullet));
        Assert.Equal(Enumerable.Range(0, lines.Count), lines.Select(l => l.Index));
    }

    [Theory]
    [InlineData("# Jane Roe\n\n```\n```\n\n- Python\n", "Jane Roe")]
    [InlineData("# Jane Roe\n\n```", "Jane Roe")]
    [InlineData("# Jane Roe\n\n    \n~~~~\n", "Jane Roe")]
    [InlineData("- ```\n-\n>\n", null)]
    public void Empty_blocks_are_read_without_failing(string content, string? heading) =>
        Assert.Equal(heading, MarkdownText.Parse(content).FirstOrDefault(l => l.Heading is not null)?.Heading);

    [Theory]
    [InlineData("- ", "\n", 5_000)]
    [InlineData("> ", "", 100_000)]
    [InlineData("* ", "", 100_000)]
    [InlineData("[", "", 200_000)]
    [InlineData("**", "", 200_000)]
    public void Hostile_nesting_is_read_without_running_out_of_stack(string piece, string separator, int count)
    {
        var text = string.Concat(Enumerable.Range(0, count).Select(i => (separator.Length > 0 ? new string(' ', 2 * (i % 200)) : string.Empty) + piece + separator)) + "deep";

        var lines = MarkdownText.Parse(text);

        Assert.All(lines, l => Assert.True(l.Text.Length <= MarkupText.MaxLineChars * 2));
        Assert.InRange(lines.Count, 1, text.Length);
    }

    // Where a section ends when its heading is no markdown heading but a bold or short line under one.
    [Theory]
    [InlineData("## Skills\n\n[My Skills](https://skillicons.dev)\n\n")] // a skill-icon image as a Word or PDF copy keeps it: its alt text, linked
    [InlineData("## About me\n\n**Skills**\n\n")]
    public void A_section_headed_by_a_line_ends_at_the_next_markdown_heading_as_high_as_its_own(string opening)
    {
        var profile = Read("# Tam North\n\ntam@example.org\n\n" + opening + "## My work\n\nClick below to see my projects\n\n## My background\n\n- Natural Sciences graduate\n");

        Assert.Empty(profile.Skills);
    }

    [Fact]
    public void A_deeper_markdown_heading_stays_in_the_section_a_line_heads()
    {
        var profile = Read("# Jane Roe\n\njane@example.org\n\n**Experience**\n\n## Google\n\nSoftware Engineer, 2019 – 2021\n\n**Skills**\n\nPython, Go\n");

        Assert.Contains(profile.Experience, e => e.Organization == "Google");
        Assert.Equal(["Python", "Go"], profile.Skills);
    }
}

/// <summary>A line that ends inside a word of a script written without spaces (Chinese, Japanese) goes on in the next.</summary>
public sealed class UnspacedScriptLineTests
{
    private readonly ProfileExtractor extractor = new(RepoPaths.Catalogs);

    [Theory]
    [InlineData("cv.md", "text/markdown", "# 欧阳佐坤\n\n## 技能\n\n- 技能专长: 机器学习, 因果推断, 信\n  号处理, 非线性优化\n")]
    [InlineData("cv.html", "text/html", "<html><body><h1>欧阳佐坤</h1><h2>技能</h2>\n<p>技能专长: 机器学习, 因果推断, 信\n  号处理, 非线性优化</p></body></html>\n")]
    [InlineData("cv.tex", "application/x-tex", "\\documentclass{article}\n\\begin{document}\n\\section*{欧阳佐坤}\n\\section{技能}\n\\begin{itemize}\n\\item 技能专长: 机器学习, 因果推断, 信\n号处理, 非线性优化\n\\end{itemize}\n\\end{document}\n")]
    public void A_word_cut_by_a_line_end_is_one_skill(string name, string contentType, string content)
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput(name, contentType, content))).Profile;

        Assert.Contains("信号处理", profile.Skills);
        Assert.Contains("机器学习", profile.Skills);
        Assert.DoesNotContain(profile.Skills, s => s.Contains('信', StringComparison.Ordinal) && s != "信号处理");
    }

    [Fact]
    public void Words_of_a_spaced_script_at_a_line_end_stay_apart()
    {
        var skills = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("cv.md", "text/markdown",
            "# Jane Roe\n\n## Skills\n\n- Python, Rust\n  Go, Julia\n"))).Profile.Skills;

        Assert.Equal(["Python", "Rust", "Go", "Julia"], skills);
    }
}
