namespace Talent.Profiles.Tests;

/// <summary>
/// Shapes that real CVs and homepages use, each as a small document with its facts written by hand: skills lists and
/// icons, section headings as people write them, a role line that names title and employer together, front matter, page
/// titles, obfuscated e-mails, sidebars, the owner's site, and documents that state no facts (publications, education and
/// roles of other shapes have classes of their own).
/// </summary>
public sealed class DocumentShapeTests : DocumentShapeReading
{
    [Theory]
    [InlineData("Experienced in JavaScript/TypeScript, Node.js, and Golang", "JavaScript|TypeScript|Node.js|Golang")]
    [InlineData("Experience using both SQL (PostgreSQL) and NoSQL (MongoDB, Cassandra) databases", "SQL|PostgreSQL|NoSQL|MongoDB|Cassandra")]
    [InlineData("Basic understanding of AWS, Terraform and Pulumi", "AWS|Terraform|Pulumi")]
    [InlineData("PHP (5.4 - 7.1/hhvm, Symfony 2/3/4, laravel 5), Debian/Ubuntu", "PHP|hhvm|Symfony|Laravel|Debian|Ubuntu")]
    [InlineData("CI/CD tools, Shadcn/UI", "CI/CD tools|Shadcn/UI")]
    [InlineData("HTML, CSS/SASS/LESS, PL/SQL, TCP/IP", "HTML|CSS|Sass|LESS|PL/SQL|TCP/IP")]
    [InlineData("Proficient in troubleshooting and monitoring using tools like Sumo Logic, Datadog", "Sumo Logic|Datadog")]
    [InlineData("Cloud platforms such as AWS and GCP; Python libraries including pandas", "AWS|GCP|Python|pandas")]
    [InlineData("Proficient in Python (8+ years, including extensive experience with pandas, numpy)", "Python|pandas|NumPy")]
    [InlineData("Stata Advanced, R **Advanced**, Python Intermediate, Basic SQL", "Stata|R|Python|SQL")]
    [InlineData("German (Native), English (Business Fluent), French (Conversational), Rust", "Rust")]
    [InlineData("German (first language), English (second language), native speaker, Python, Bash, Other", "Python|Bash")]
    [InlineData("PostgreSQL, Postgres, React.js, react, JavaScript (ES6+), JS, Tailwind CSS, tailwind", "PostgreSQL|React.js|JavaScript (ES6+)|Tailwind CSS")]
    // How well is no skill; a name opening with a category word is one name unless a catalog skill follows the word.
    [InlineData("SIEM (Splunk preferred), Google SketchUp (Good Knowledge), AutoCAD (basic knowledge)", "SIEM|Splunk|Google SketchUp|AutoCAD")]
    [InlineData("Data Structures, Web development, Software Engineering, Languages Python", "Data Structures|Web development|Software Engineering|Python")]
    public void Skills_written_as_phrases_give_the_skills_they_name(string line, string expected)
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Skills\n\n- " + line + "\n");

        Assert.Equal(expected.Split('|'), profile.Skills);
    }

    [Theory]
    [InlineData("Bioinformatics\nBlast, BBtools, Metabat\n\nOther Computational\nBash, Python, Docker\n\nJane Roe – jane.roe@example.org – janeroe.info", "Blast|BBtools|Metabat|Bash|Python|Docker")]
    [InlineData("Bioinformatics\nBlast, BBtools, Metabat\nOther Computational\nBash, Python, Docker", "Blast|BBtools|Metabat|Bash|Python|Docker")]
    [InlineData("Python\nJava\nC++, Go, Rust", "Python|Java|C++|Go|Rust")] // one list under single skills: no labels
    [InlineData("Kubernetes\nBash, Python, Docker\nGo, Rust, Scala", "Kubernetes|Bash|Python|Docker|Go|Rust|Scala")] // lists one under another: no labels
    public void Printed_labels_over_skill_lists_and_the_owners_contact_line_are_no_skills(string section, string expected)
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Skills\n\n" + section + "\n");

        Assert.Equal(expected.Split('|'), profile.Skills);
    }

    [Fact]
    public void Sentences_of_a_page_whose_source_breaks_and_indents_its_lines_are_read_one_by_one()
    {
        var profile = Read("text/html", "<html><body><h1>Alex Dock</h1><p>\n\tAt the latter, I have been \n\tstudying computer science including a term abroad at the University of Abertay in Dundee, Scotland. \n\tFrom 2016 to 2020 I did my PhD at the OVGU Magdeburg, with the Computational Intelligence group.\n</p></body></html>");

        Assert.Equal(["Abertay University", "Otto von Guericke University Magdeburg"], profile.Education.Select(e => e.Institution));
    }

    [Fact]
    public void Posters_are_publications_and_quotes_around_a_title_are_not_part_of_it()
    {
        var profile = Read("text/markdown", "# Carl Colglazier\n\n## Conference Papers\n\n[\"Parallel Python for Agent-Based Modeling at a Global Scale.\"](https://dl.acm.org/citation.cfm?id=3145588)\n: Nicole Blandin, **Carl Colglazier**, and Paul Brenner.\nIn *Proceedings of the 2017 International Conference of The Computational Social Science Society of the Americas*, p. 10. ACM, 2017.\n\n## Posters\n\n[\"Parallel Python for Global Social Simulations\"](https://example.org/poster.png).\n:  **Carl Colglazier** and Paul Brenner.\n  Summer Undergraduate Research Symposium, University of Notre Dame, 2017.\n");

        Assert.Equal(
            ["Parallel Python for Agent-Based Modeling at a Global Scale 2017", "Parallel Python for Global Social Simulations 2017"],
            profile.Publications.Select(p => $"{p.Title} {p.Year}"));
    }

    [Fact]
    public void Skill_icons_beside_a_written_list_add_only_the_skills_it_does_not_name()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n[![Skills](https://skillicons.dev/icons?i=react,ts,postgres,docker)](https://skillicons.dev)\n\n## Skills\n\n- React.js, TypeScript, PostgreSQL\n");

        Assert.Equal(["React.js", "TypeScript", "PostgreSQL", "Docker"], profile.Skills);
    }

    [Fact]
    public void Skill_icons_of_a_page_in_html_are_read_as_in_markdown()
    {
        // The same README rendered to HTML: the icons are an <img>, linked or not; a photo and an inline image are no skills.
        const string page = """
            <html><body><h1>Jane Roe</h1><p><img src="me.jpg" alt="Jane [at the beach]"></p>
            <h2>My languages and skills</h2>
            <p><a href="https://skillicons.dev"><img src="https://skillicons.dev/icons?i=js,react,postgres&amp;perline=15" alt="My Skills" /></a></p>
            <p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"></p>
            </body></html>
            """;

        Assert.Equal(["js", "React", "postgres"], Read("text/html", page).Skills); // as the icons name them, as in markdown
    }

    [Fact]
    public void An_html_image_whose_address_holds_parentheses_is_read_whole()
    {
        // A README's animated skills line rendered to HTML: "Kubernetes (AKS)" puts brackets in the address.
        const string page = """
            <html><body><h1>Jane Roe</h1>
            <h2>Skills</h2>
            <figure><img src="https://readme-typing-svg.demolab.com?font=orbitron&amp;lines=Kubernetes+(AKS);Terraform;Python" alt="Skills!" /></figure>
            </body></html>
            """;

        Assert.Equal(["Kubernetes", "AKS", "Terraform", "Python"], Read("text/html", page).Skills);
    }

    [Theory]
    [InlineData("Competences")]
    [InlineData("Tech I Use")]
    [InlineData("Tech")]
    public void A_skills_heading_as_people_write_it_opens_the_skills(string heading) =>
        Assert.Equal(["Kotlin", "Terraform", "PostgreSQL"], Read("text/markdown", $"# Jane Roe\n\nSoftware engineer.\n\n## {heading}\n\n- Kotlin, Terraform, PostgreSQL\n").Skills);

    [Fact]
    public void A_sentence_in_the_first_person_under_a_skills_label_names_only_catalog_skills() =>
        Assert.Equal(
            ["Python", "Go", "Rust"],
            Read("text/markdown", "# Jane Roe\n\nSoftware engineer.\n\n## Skills\n\n- **Communication skills**: I have worked with researchers, youth trainers and coaches, mostly in Python\n- **Languages**: Go, Rust\n").Skills);

    [Theory]
    [InlineData("Career History")]
    [InlineData("Positions Held")]
    [InlineData("Professional Background")]
    [InlineData("Where I've Worked")]
    [InlineData("Expérience professionnelle")]
    public void An_experience_heading_as_people_write_it_opens_the_roles(string heading) =>
        Assert.Equal(
            [("Senior Engineer", "Acme Corp"), ("Software Engineer", "Globex")],
            Read("text/markdown", $"# Jane Roe\n\nSoftware engineer.\n\n## {heading}\n\n- **Senior Engineer**, Acme Corp, Mar 2021 – present\n- Software Engineer at Globex, Jan 2018 – Feb 2021\n")
                .Experience.Select(e => (e.Title, e.Organization)).ToList());

    [Theory]
    [InlineData("Schulbildung", "Education")]
    [InlineData("Berufstätigkeit", "Experience")]
    [InlineData("Praktika", "Experience")]
    [InlineData("EDV-Kenntnisse", "Skills")]
    [InlineData("EDV", "Skills")]
    [InlineData("Fremdsprachen", "Other")]
    [InlineData("Personal Information", "Contact")]
    [InlineData("Persönliche Daten", "Contact")]
    public void German_cv_headings_and_a_personal_details_heading_have_their_kinds(string heading, string kind) =>
        Assert.Equal(kind, RepoPaths.Catalogs.Vocabulary.KindOfHeading(heading)?.ToString());

    [Fact]
    public void A_section_heading_is_never_the_name() =>
        Assert.Null(Read("text/markdown", "## Education\n\n- PhD, Stanford University, 2018\n\n## Employment History\n\n- Senior Engineer, Acme Corp, 2019 – 2021\n").Name);

    [Fact]
    public void A_personal_details_heading_is_never_the_name() =>
        Assert.Null(Read("text/markdown", "## Personal Information\n\n- Born 1990\n\n## Education\n\n- MSc, University of Oslo, 2015\n").Name);

    [Theory]
    [InlineData("- Wissenschaftlicher Mitarbeiter, Fraunhofer IAIS, 2019 – 2023", "Wissenschaftlicher Mitarbeiter")]
    [InlineData("- 2016 – 2019: Werkstudent, SAP SE", "Werkstudent")]
    [InlineData("- 2012 – 2015 : Ingénieur de recherche, Inria", "Ingénieur de recherche")]
    public void A_role_named_in_german_or_french_is_a_role(string line, string title) =>
        Assert.Contains(title, Read("text/markdown", "# Jane Roe\n\nEngineer.\n\n## Berufserfahrung\n\n" + line + "\n").Experience.Select(e => e.Title ?? string.Empty));

    [Theory]
    [InlineData("### Industry", "### Academia")]
    [InlineData("### Work experience", "### Part-time roles")]
    [InlineData("**Industry**", "**Academia**")]
    public void Roles_grouped_under_subheadings_of_the_experience_are_all_roles(string first, string second) =>
        Assert.Equal(
            [("Software Engineer", "Google"), ("Research Assistant", "Acme Corp")],
            Read("text/markdown", $"# Jane Roe\n\nEngineer.\n\n## Experience\n\n{first}\n\n- **Software Engineer**, Google, Zurich, 2019 – 2021\n\n{second}\n\n- **Research Assistant**, Acme Corp, Zurich, 2015 – 2017\n")
                .Experience.Select(e => (e.Title, e.Organization)).ToList());

    [Fact]
    public void Roles_grouped_under_a_subheading_naming_a_kind_of_work_are_roles() =>
        Assert.Equal(
            [("Teaching Assistant", "University of Oslo"), ("Software Engineer", "Acme Corp")],
            Read("text/markdown", "# Jane Roe\n\nEngineer.\n\n## Work\n\n### Teaching\n\n- **Teaching Assistant**, University of Oslo, 2016 – 2018\n\n### Industry\n\n- **Software Engineer**, Acme Corp, 2019 – 2021\n\n## Teaching\n\n- **Lecturer**, Machine Learning, 2022\n")
                .Experience.Select(e => (e.Title, e.Organization)).ToList());

    [Fact]
    public void A_service_subheading_after_the_roles_lists_no_roles() =>
        Assert.Equal(
            [("Software Engineer", "Acme Corp")],
            Read("text/markdown", "# Jane Roe\n\nEngineer.\n\n## Experience\n\n- **Software Engineer**, Acme Corp, 2019 – 2021\n\n### Service\n\n- **Program Committee Member**, ICML, 2022 – 2023\n")
                .Experience.Select(e => (e.Title, e.Organization)).ToList());

    [Fact]
    public void Roles_under_their_employers_heading_keep_it() =>
        Assert.Equal(
            [("Software Engineer", "Google"), ("Data Engineer", "Acme Corp")],
            Read("text/markdown", "# Jane Roe\n\nEngineer.\n\n## Experience\n\n### Google\n\n- Software Engineer, 2019 – 2021\n\n### Acme Corp\n\nData Engineer, 2015 – 2017\n")
                .Experience.Select(e => (e.Title, e.Organization)).ToList());

    [Theory]
    [InlineData("- **Senior Engineer**, Acme Corp, Mar 2021 – present", "Senior Engineer", "Acme Corp", "2021-03", null, 0)]
    [InlineData("- **Senior Engineer**, Acme Corp, Mar 2021 – present — worked on storage systems", "Senior Engineer", "Acme Corp", "2021-03", null, 1)]
    [InlineData("- Software Engineer at Globex, Jan 2018 – Feb 2021", "Software Engineer", "Globex", "2018-01", "2021-02", 0)]
    [InlineData("- Acme Corp, Research Scientist, Berlin, 2019 – 2020", "Research Scientist", "Acme Corp", "2019", "2020", 0)]
    [InlineData("- Acme Corp — Senior Engineer (2021–present)", "Senior Engineer", "Acme Corp", "2021", null, 0)]
    [InlineData("- Acme Corp · Senior Engineer · Mar 2021 - Present", "Senior Engineer", "Acme Corp", "2021-03", null, 0)]
    [InlineData("- Senior Engineer - Acme Corp - 2021-03 to present", "Senior Engineer", "Acme Corp", "2021-03", null, 0)]
    public void A_role_line_keeps_title_and_employer_apart(string line, string title, string organization, string start, string? end, int highlights)
    {
        var entry = Assert.Single(Read("text/markdown", "# Jane Roe\n\n## Experience\n\n" + line + "\n").Experience);

        Assert.Equal(title, entry.Title);
        Assert.Equal(organization, entry.Organization);
        Assert.Equal(start, entry.Start);
        Assert.Equal(end, entry.End);
        Assert.Equal(highlights, entry.Highlights.Count);
    }

    [Fact]
    public void Two_role_lines_are_two_roles()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Experience\n\n- **Senior Engineer**, Acme Corp, Mar 2021 – present — worked on storage\n- **Software Engineer**, Globex Inc, Jan 2018 – Feb 2021\n");

        Assert.Equal(["Acme Corp", "Globex"], profile.Experience.Select(e => e.Organization));
    }

    [Theory]
    [InlineData("---\ntitle: Alexander Example\nrole: Professor\neducation:\n  courses:\n    - course: PhD in Economics\n      institution: Technische Universität Berlin\n      year: 2010\n---\n\nSome text.\n", "Alexander Example", "Technical University of Berlin")]
    [InlineData("+++\ntitle = 'About Me'\ndescription = \"About Walid Example\"\n+++\n\n## Hello\nI'm Walid.\n", "Walid Example", null)]
    [InlineData("---\nlayout: archive\ntitle: \"Michelle Lynn Example's CV\"\n---\n\n{% include cv %}\n", "Michelle Lynn Example", null)]
    public void Front_matter_gives_name_and_education(string content, string name, string? institution)
    {
        var profile = Read("text/markdown", content);

        Assert.Equal(name, profile.Name);
        if (institution is not null)
        {
            Assert.Contains(institution, profile.Education.Select(e => e.Institution));
        }
    }

    [Theory]
    [InlineData("---\ntitle: \"About\"\ntype: \"page\" *@\n---\n\n# Jane Roe\n\nI build storage engines and query planners.\n")]
    [InlineData("---\ntitle: \"About\n ype: \"*age\" \n---\n\n# Jane Roe\n\nI build storage engines and query planners.\n")]
    [InlineData("---\ntitle: [unclosed\n---\n\n# Jane Roe\n\nI build storage engines and query planners.\n")]
    public void A_broken_front_matter_block_is_read_as_if_the_page_had_none(string content) =>
        Assert.Equal("Jane Roe", Read("text/markdown", content).Name);

    [Theory]
    [InlineData("# 職務経歴\n\n## 自己紹介\n\nソフトウェアエンジニアです。クラウドからマイコンまで広く扱っています。\n\n## 職歴\n\n- 2019 – 現在 株式会社サンプル ソフトウェアエンジニア\n\nメール: dev@example.jp\n")]
    [InlineData("---\ntitle: About\n---\n\nUniversité Paris Cité\n\nI obtained my PhD in 2023 at the MAP 5 laboratory, working on statistical network analysis and topic modelling.\n\nE-mail: map5.student@example.fr\n")]
    public void A_section_heading_or_an_institution_at_the_top_is_not_the_owners_name(string content) =>
        Assert.Null(Read("text/markdown", content).Name);

    [Fact]
    public void A_name_that_holds_a_heading_word_is_still_a_name() =>
        Assert.Equal("Vera Preprint", Read("text/markdown", "# Vera Preprint\n\nvera.preprint@example.org\n\n## Publications\n\n1. **Video Generation** Vera Preprint **arXiv 2024**\n").Name);

    [Theory]
    [InlineData("<html><head><title>Alexander Example</title></head><body><p>Welcome to my page.</p></body></html>", "Alexander Example")]
    [InlineData("<html><head><title>Home | Jane Roe</title></head><body><h2>News</h2><p>We moved.</p></body></html>", "Jane Roe")]
    [InlineData("<html><head><meta name=\"author\" content=\"Jane Roe\"><title>Publications</title></head><body></body></html>", "Jane Roe")]
    public void A_page_title_or_author_meta_names_the_owner(string html, string name) =>
        Assert.Equal(name, Read("text/html", html).Name);

    [Fact]
    public void A_readable_document_without_facts_is_kept_as_partial_with_its_text()
    {
        var prose = "Early career researcher with a strong background in bio-engineering and plant ecology. Research focus is remote sensing " +
            "of plant pests and pathogens, with field work on several continents and a long interest in statistics.";

        var profile = Read("text/markdown", "---\ntitle: \"CV\"\n---\n\n" + prose + "\n");

        Assert.NotNull(profile.Partial);
        Assert.StartsWith("Early career researcher", profile.Headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the quick brown fox jumps over the lazy dog\nand nothing else is said here.")]
    [InlineData("<b <i <u <b <i <u <b <i <u <b <i <u <b <i <u <b <i <u <b <i <u <b <i <u")]
    public void Too_little_text_is_still_rejected(string content) =>
        Assert.IsType<ExtractionResult.Rejected>(Extractor.Extract(new DocumentInput("tiny", "text/markdown", content)));

    [Theory]
    [InlineData("e-mail: <i>jane [DOT] roe</i> [@] uib [DOT] no", "jane.roe@uib.no")]
    [InlineData("Email: jroe (at) cs (dot) example (dot) edu", "jroe@cs.example.edu")]
    [InlineData("电子邮箱: janeroe AT cuhk DOT edu DOT hk", "janeroe@cuhk.edu.hk")]
    [InlineData("Contact: {jane,roe}@example.org", "jane@example.org|roe@example.org")]
    [InlineData("<a href=\"mailto:%6A%61%6E%65@%75%69%62.%6E%6F\" title=\"email\"><i class=\"fa-envelope\"></i></a>", "jane@uib.no")]
    [InlineData("<a href=\"mailto:jane@uib.no?subject=Hello\">write to me</a>", "jane@uib.no")]
    public void Obfuscated_emails_are_revealed(string line, string expected)
    {
        var profile = Read("text/html", "<html><body><h1>Jane Roe</h1><p>" + line + "</p></body></html>");

        Assert.Equal(expected.Split('|'), profile.Emails);
    }

    [Fact]
    public void A_sidebar_read_before_the_name_gives_contact_links_and_skills_but_no_languages()
    {
        var profile = Read("text/markdown", """
            ## Contact

            jane.roe@example.com

            www.linkedin.com/in/janeroe (LinkedIn)

            ## Top Skills

            PyTorch

            Kubernetes

            ## Languages

            English (Native or Bilingual) French (Professional Working)

            # Jane Roe

            ### Machine Learning Engineer at Spotify

            Stockholm, Sweden

            ## Experience

            ### Spotify

            Machine Learning Engineer

            2021 - Present
            """);

        Assert.Equal("Jane Roe", profile.Name);
        Assert.Contains("linkedin.com/in/janeroe", profile.Links);
        Assert.Equal(["PyTorch", "Kubernetes"], profile.Skills);
        Assert.Equal("Stockholm, Sweden", profile.Location);
    }

    [Fact]
    public void A_metrics_table_gives_the_all_time_column()
    {
        var profile = Read("text/html", """
            <html><body><h1>Jane Roe</h1><p>Research scientist working on video generation.</p>
            <table><tr><th></th><th>All</th><th>Since 2019</th></tr><tr><td><a href="#">Citations</a></td><td>1234</td><td>1100</td></tr>
            <tr><td><a href="#">h-index</a></td><td>12</td><td>11</td></tr><tr><td><a href="#">i10-index</a></td><td>14</td><td>13</td></tr></table>
            </body></html>
            """);

        Assert.Equal((12, 1234), (profile.Metrics.HIndex, profile.Metrics.Citations));
    }

    [Theory]
    [InlineData("text/markdown", "# Jane Roe\n\n## Posters\n\n[\"Advanced Tools for Social Simulation\"](https://example.org/poster.png).\n\n: **Jane Roe** and Paul Brenner. 2018 Summer Undergraduate Research Symposium, University of Notre Dame.\n\n[\"Parallel Python for Global Simulations\"](https://example.org/p2.png).\n\n: **Jane Roe** and Paul Brenner. 2017 Summer Undergraduate Research Symposium, University of Notre Dame.\n")]
    [InlineData("text/html", "<html><body><h1>Jane Roe</h1><h2>Posters</h2><dl>\n<dt><a href=\"https://example.org/poster.png\">“Advanced Tools for Social Simulation”</a>.</dt>\n<dd>\n<strong>Jane Roe</strong> and Paul Brenner. 2018 Summer\nUndergraduate Research Symposium, University of Notre Dame.\n</dd>\n<dt><a href=\"https://example.org/p2.png\">“Parallel Python for Global Simulations”</a>.</dt>\n<dd>\n<strong>Jane Roe</strong> and Paul Brenner. 2017 Summer\nUndergraduate Research Symposium, University of Notre Dame.\n</dd></dl></body></html>")]
    public void A_definition_after_a_blank_line_belongs_to_its_term(string contentType, string content)
    {
        // A loose definition list (markdown's blank line between term and ": definition", HTML's <dt>/<dd>): the title is
        // the term, and the authors and venue of the definition are the same entry's.
        var profile = Read(contentType, content);

        Assert.Equal(
            [("Advanced Tools for Social Simulation", "Summer Undergraduate Research Symposium", 2018), ("Parallel Python for Global Simulations", "Summer Undergraduate Research Symposium", 2017)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year)).ToList());
    }

    [Fact]
    public void Interests_set_one_per_line_after_a_glyph_are_read_without_it()
    {
        // A homepage sets a linked "&gt;" or "»" before each interest in place of a list's bullet.
        const string page = """
            <html><body><p>Jane Roe</p>
            <h2>Research Interests</h2>
            <p><a href="a.jpg">&gt;</a> Lattice-Based Cryptography <br /><a href="b.jpg">&gt;</a> Video Generation <br />
            » Robotics <br />(Applied) Cryptography</p>
            </body></html>
            """;
        var profile = Read("text/html", page);

        Assert.Equal(["Lattice-Based Cryptography", "Video Generation", "Robotics", "(Applied) Cryptography"], profile.Interests);
    }

    [Fact]
    public void Papers_listed_under_a_research_heading_after_the_interests_are_publications()
    {
        // A widespread homepage template: one "Research" section, the interests and then a table of papers.
        const string page = """
            <html><body><p>Jane Roe</p>
            <h2>Research</h2><p>I'm interested in computer vision and video generation. Our paper was accepted to CVPR 2024!</p>
            <table><tr><td><img src="m.jpg"></td><td><a href="https://janeroe.net/motion"><span class="papertitle">Video Generation with Motion Priors</span></a><br>
            <strong>Jane Roe</strong>, <a href="https://turing.example.org">Alan Turing</a><br><em>CVPR</em>, 2024<br><a href="https://arxiv.org/abs/2401.00001">arXiv</a>
            <p>Motion priors learned from optical flow make generated videos move like real ones.</p></td></tr>
            <tr><td><img src="d.jpg"></td><td><a href="https://arxiv.org/abs/2301.00002"><span class="papertitle">Diffusion Models Beat GANs on Video Synthesis</span></a><br>
            Grace Hopper, <strong>Jane Roe</strong><br><em>ICLR</em>, 2023</td></tr></table>
            </body></html>
            """;
        var profile = Read("text/html", page);

        Assert.Equal(
            [("Video Generation with Motion Priors", "CVPR", 2024, 1), ("Diffusion Models Beat GANs on Video Synthesis", "ICLR", 2023, 2)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
        Assert.Equal(["Jane Roe", "Alan Turing"], profile.Publications[0].Authors);
        Assert.Contains(profile.Interests, i => i.StartsWith("I'm interested in computer vision", StringComparison.Ordinal));
    }

    [Fact]
    public void A_co_authors_site_linked_from_a_publication_is_not_the_owners_homepage()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n[Homepage](https://janeroe.net)\n\n## Publications\n\n- [Bob Smith](https://bobsmith.github.io), **Jane Roe**. *A Study of Many Things.* ICML 2020. [project](https://lab.github.io/study)\n");

        Assert.Equal(["janeroe.net"], profile.Homepages);
    }

    [Theory]
    [InlineData("<div>\n<a href=\"https://github.com/jroe\">GitHub</a> |\n<a href=\"https://janeroe.net\">Personal Website</a>\n</div>", "janeroe.net")]
    [InlineData("I am a developer - check out my [personal site](https://www.janeroe.net/) and my [LinkedIn](https://www.linkedin.com/in/jroe/)!", "www.janeroe.net")]
    [InlineData("> [Webpage](janeroe.net) --\n> [jane@roe.org](mailto:jane@roe.org)", "janeroe.net")]
    [InlineData("<div class=\"menu\"><a href=\"index.html\">Home</a> <a href=\"teaching.html\">Teaching</a> <a href=\"cv.pdf\">CV</a></div>\n\nHomepage: www.janeroe.net", "www.janeroe.net")]
    public void The_owners_site_is_found_in_labelled_links_and_relative_pages_are_not_sites(string header, string expected)
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n" + header + "\n\n## Education\n\n- PhD, Stanford University, 2010\n");

        Assert.Equal([expected], profile.Homepages);
    }
}
