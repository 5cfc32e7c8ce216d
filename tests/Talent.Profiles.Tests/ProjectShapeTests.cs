namespace Talent.Profiles.Tests;

/// <summary>
/// The shapes a projects section takes in every format (a list item led by a bold or linked name, a sub-heading over its
/// text, a definition list, a table row, a "Name: text" item) and the summary a person writes about themselves, each as a
/// small document with its facts written by hand.
/// </summary>
public sealed class ProjectShapeTests : DocumentShapeReading
{
    private const string Text = "a columnar store for time series";
    private const string Url = "https://github.com/jroe/larkspur";

    [Theory]
    [InlineData("text/markdown", "## Projects\n\n- **Larkspur**: a columnar store for time series\n", null)]
    [InlineData("text/markdown", "## Projects\n\n- [Larkspur](https://github.com/jroe/larkspur) — a columnar store for time series\n", Url)]
    [InlineData("text/markdown", "## Projects\n\n- **[Larkspur](https://github.com/jroe/larkspur)**: a columnar store for time series\n", Url)]
    [InlineData("text/markdown", "## Side projects\n\n**Larkspur** (2021 – 2023) — a columnar store for time series\n", null)]
    [InlineData("text/markdown", "## Projects\n\n### Larkspur\n\na columnar store for time series\n\n## Teaching\n\nAlgorithms, 2020\n", null)]
    [InlineData("text/markdown", "## Projects\n\n| Project | Description |\n|---|---|\n| [Larkspur](https://github.com/jroe/larkspur) | a columnar store for time series |\n", Url)]
    [InlineData("text/markdown", "## Projects\n\nLarkspur\n: a columnar store for time series\n", null)]
    [InlineData("text/markdown", "## Projects\n\n- Larkspur: a columnar store for time series\n", null)]
    [InlineData("text/markdown", "## Projects\n\n- **Larkspur**\n  - a columnar store for time series\n", null)]
    [InlineData("text/html", "<h1>Jane Roe</h1><h2>Projects</h2><ul><li><strong>Larkspur</strong> – a columnar store for time series</li></ul>", null)]
    [InlineData("text/html", "<h1>Jane Roe</h1><h2>Projects</h2><h3><a href=\"https://github.com/jroe/larkspur\">Larkspur</a></h3><p>a columnar store for time series</p>", Url)]
    [InlineData("text/html", "<h1>Jane Roe</h1><h2>Projects</h2><dl><dt>Larkspur</dt><dd>a columnar store for time series</dd></dl>", null)]
    [InlineData("text/html", "<h1>Jane Roe</h1><h2>Projects</h2><table><tr><td><a href=\"https://github.com/jroe/larkspur\">Larkspur</a></td><td>a columnar store for time series</td><td>2022</td></tr></table>", Url)]
    [InlineData("application/x-tex", "\\section*{Projects}\n\\begin{itemize}\n\\item \\textbf{Larkspur}: a columnar store for time series\n\\end{itemize}\n", null)]
    [InlineData("application/x-tex", "\\section*{Projects}\n\\begin{description}\n\\item[Larkspur] a columnar store for time series\n\\end{description}\n", null)]
    [InlineData("application/x-tex", "\\section*{Projects}\n\\begin{itemize}\n\\item \\href{https://github.com/jroe/larkspur}{Larkspur} -- a columnar store for time series\n\\end{itemize}\n", Url)]
    [InlineData("text/x-jemdoc", "= Jane Roe\n\n== Projects\n: {Larkspur} a columnar store for time series\n", null)]
    [InlineData("application/pdf-text", "Jane Roe\njane@example.org\n\nPROJECTS\n\n• Larkspur — a columnar store for time series\n", null)]
    public void A_project_is_read_with_its_name_text_and_link(string contentType, string content, string? url)
    {
        var profile = Read(contentType, contentType switch
        {
            "text/markdown" => "# Jane Roe\n\n" + content,
            "application/x-tex" => "\\documentclass{article}\n\\begin{document}\n{\\LARGE Jane Roe}\\\\\njane@example.org\n" + content + "\\end{document}\n",
            _ => content,
        });

        var project = Assert.Single(profile.Projects);
        Assert.Equal("Larkspur", project.Name);
        Assert.Equal(Text, project.Description);
        Assert.Equal(url, project.Url);
    }

    [Theory]
    [InlineData("- Implemented a distributed cache: reduced latency by half\n")]
    [InlineData("Worked on several of the department's projects, building dashboards.\n")]
    [InlineData("| Project | Description |\n|---|---|\n")]
    public void A_sentence_or_a_table_header_is_no_project(string lines)
    {
        Assert.Empty(Read("text/markdown", "# Jane Roe\n\njane@example.org\n\n## Projects\n\n" + lines).Projects);
    }

    [Fact]
    public void A_sub_heading_over_named_items_groups_them()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Projects\n\n### Storage\n\n- **Larkspur**: a columnar store\n- **Bramble**: a job queue\n\n### Weekend hacks\n\n- **Thicket**: graph sampling\n");

        Assert.Equal(["Larkspur", "Bramble", "Thicket"], profile.Projects.Select(p => p.Name));
        Assert.Equal("a job queue", profile.Projects[1].Description);
    }

    [Fact]
    public void A_line_led_by_a_heading_word_describes_the_project_above_it()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Projects\n\n#### Larkspur\n\n**Technologies**: Rust, Kafka\n\n- a columnar store\n");

        var project = Assert.Single(profile.Projects);
        Assert.Equal("Larkspur", project.Name);
        Assert.Equal("Technologies: Rust, Kafka a columnar store", project.Description);
    }

    [Fact]
    public void A_project_named_twice_is_read_once_and_projects_are_capped()
    {
        var items = string.Concat(Enumerable.Range(0, 100).Select(i => $"- **Tool{i}**: does thing {i}\n"));
        var profile = Read("text/markdown", "# Jane Roe\n\n## Projects\n\n- **Larkspur**: a store\n- **Larkspur**: the same store\n" + items);

        Assert.Equal(ProfileLimits.MaxProjects, profile.Projects.Count);
        Assert.Single(profile.Projects, p => p.Name == "Larkspur");
    }

    [Fact]
    public void A_long_description_is_cut_at_a_word()
    {
        var words = string.Join(' ', Enumerable.Repeat("storage", 200));
        var project = Assert.Single(Read("text/markdown", $"# Jane Roe\n\n## Projects\n\n- **Larkspur**: {words}\n").Projects);

        Assert.True(project.Description!.Length <= ProfileLimits.ProjectDescriptionLength, project.Description.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("storage…", project.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_resume_project_keeps_name_description_highlights_keywords_and_url()
    {
        var profile = Read("application/json", """
            { "basics": { "name": "Jane Roe", "summary": "Builds storage engines for observability data." },
              "projects": [
                { "name": "Larkspur", "description": "A columnar store", "highlights": ["Ingests 1M points/s"], "keywords": ["Rust", "Parquet"], "url": "https://github.com/jroe/larkspur" },
                { "description": "no name, no project" } ] }
            """);

        var project = Assert.Single(profile.Projects);
        Assert.Equal("Larkspur", project.Name);
        Assert.Equal("A columnar store; Ingests 1M points/s; Rust, Parquet", project.Description);
        Assert.Equal(Url, project.Url);
        Assert.Equal("Builds storage engines for observability data.", profile.Summary);
    }

    [Theory]
    [InlineData("text/markdown", "# Jane Roe\n\n## About me\n\nI build storage engines and query planners for observability data at scale.\n\n## Skills\n\nRust\n")]
    [InlineData("text/markdown", "# Jane Roe\n\n## Professional summary\n\nI build storage engines and query planners for observability data at scale.\n")]
    [InlineData("text/markdown", "# Jane Roe\n\n## Profil\n\nI build storage engines and query planners for observability data at scale.\n")]
    [InlineData("text/markdown", "# Jane Roe\n\nI build storage engines and query planners for observability data at scale.\n\n## Skills\n\nRust\n")]
    [InlineData("text/markdown", "---\nname: Jane Roe\nbio: I build storage engines and query planners for observability data at scale.\n---\n\n## Skills\n\nRust\n")]
    [InlineData("text/html", "<h1>Jane Roe</h1><p>I build storage engines and query planners for observability data at scale.</p><h2>Skills</h2><p>Rust</p>")]
    [InlineData("application/x-tex", "\\section*{Summary}\nI build storage engines and query planners for observability data at scale.\n\\section*{Skills}\nRust\n")]
    public void A_summary_is_the_about_section_or_the_opening_sentences(string contentType, string content)
    {
        Assert.Equal("I build storage engines and query planners for observability data at scale.", Read(contentType, content).Summary);
    }

    [Fact]
    public void A_summary_is_bounded_and_a_placeholder_is_none()
    {
        var sentence = "I build storage engines for observability data and care about them. ";
        var summary = Read("text/markdown", "# Jane Roe\n\n## About\n\n" + string.Concat(Enumerable.Repeat(sentence, 100)) + "\n").Summary;
        Assert.True(summary!.Length <= ProfileLimits.SummaryLength, summary.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("…", summary, StringComparison.Ordinal);

        Assert.Null(Read("text/markdown", "# Jane Roe\n\njane@example.org\n\n## About\n\n{{ site.data.bio.text }}\n").Summary);
    }

    [Fact]
    public void A_profile_stored_before_projects_and_summaries_reads_with_none()
    {
        var source = ProfileJson.Deserialize<ExtractedProfile>("""{"name":"Jane Roe","emails":["jane@example.org"]}""");
        var candidate = ProfileJson.Deserialize<Merging.CandidateProfile>("""{"name":"Jane Roe","sourceIds":["a"]}""");

        Assert.Empty(source.Projects);
        Assert.Null(source.Summary);
        Assert.Empty(candidate.Projects);
        Assert.Null(candidate.Summary);
    }
}
