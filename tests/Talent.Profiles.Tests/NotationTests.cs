using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

public sealed class DateNotationTests
{
    [Theory]
    [InlineData("National University of Singapore** Aug. 2021 – May 2025", "2021-08", "2025-05")]
    [InlineData("Nanjing University\tSep. 2017 – Jun. 2021", "2017-09", "2021-06")]
    [InlineData("Sep 2017 - Jun 2021", "2017-09", "2021-06")]
    [InlineData("Ph.D. in Computer Science\t01.2024 - Present", "2024-01", null)]
    [InlineData("05.2024 - 08.2024", "2024-05", "2024-08")]
    [InlineData("*2022.07 - 2023.12*", "2022-07", "2023-12")]
    [InlineData("*2024.01 - now*", "2024-01", null)]
    [InlineData("2019–now", "2019", null)]
    [InlineData("2016 - 2019", "2016", "2019")]
    [InlineData("March 2020 to December 2021", "2020-03", "2021-12")]
    [InlineData("Aug. 2021 – Jun. 2025 (expected)", "2021-08", "2025-06")]
    [InlineData("Jun 2022 aug 2023: Research Assistant", "2022-06", "2023-08")]
    [InlineData("10/2019 – heute: Wissenschaftlicher Mitarbeiter", "2019-10", null)]
    [InlineData("2015 bis 2018", "2015", "2018")]
    [InlineData("**seit 08/1996**: Max-Planck-Institut für Eisenforschung", "1996-08", null)]
    [InlineData("Since 2021, Staff Engineer at Acme", "2021", null)]
    [InlineData("2020 - aujourd'hui : Ingénieur de recherche", "2020", null)]
    // Two months of one year; a season, alone or as either end; a start whose dash has nothing after it.
    [InlineData("June - August 2019: Software Engineering Intern", "2019-06", "2019-08")]
    [InlineData("April-September 2019", "2019-04", "2019-09")]
    [InlineData("November – February 2018", "2017-11", "2018-02")]
    [InlineData("Summer 2015: Research Assistant", "2015-06", "2015-08")]
    [InlineData("Fall 2015 - Spring 2017: Teaching Assistant", "2015-09", "2017-05")]
    [InlineData("**Google Summer of Code** (May 2017 - ), SciPy", "2017-05", null)]
    [InlineData("2020 - : Postdoctoral Researcher", "2020", null)]
    [InlineData("Research Engineer, 2019 –", "2019", null)]
    public void A_period_is_read_as_year_month_with_an_open_end_for_present(string text, string start, string? end)
    {
        var range = DateNotation.FindRange(text);

        Assert.NotNull(range);
        Assert.Equal(start, range.Value.Start);
        Assert.Equal(end, range.Value.End);
    }

    [Theory]
    [InlineData("GPA: 4.61/5.00 (92.2/100, top 2%)")]
    [InlineData("batch sizes up to 512k")]
    [InlineData("Research intern, in charge of large batch training")]
    [InlineData("Maintained the build since 2019")]
    [InlineData("Summer school on optimisation")]
    [InlineData("pages 12-19, 2019-20 season")]
    public void Text_without_a_period_has_no_range(string text) => Assert.Null(DateNotation.FindRange(text));

    [Fact]
    public void The_parentheses_around_an_open_period_go_with_it()
    {
        const string Text = "Google Summer of Code (May 2017 - ), SciPy";
        var range = DateNotation.FindRange(Text)!.Value;

        Assert.Equal("Google Summer of Code , SciPy", Text[..range.Index] + Text[(range.Index + range.Length)..]);
    }

    [Theory]
    [InlineData("2021-08", "2025-05", "2019-05", null, true)]
    [InlineData("2017-09", "2021-06", "2021-08", "2025-05", false)]
    [InlineData("2024", null, "2024-06", "2024-08", true)]
    [InlineData(null, null, "2024-06", "2024-08", false)]
    public void Periods_overlap_when_they_share_a_month(string? startA, string? endA, string? startB, string? endB, bool overlap) =>
        Assert.Equal(overlap, DateNotation.Overlap(startA, endA, startB, endB));
}

public sealed class VenueNotationTests
{
    [Theory]
    [InlineData("Neurips 2023", "NeurIPS", 2023, PublicationKind.Conference, 0)]
    [InlineData("NeurIPS 2023", "NeurIPS", 2023, PublicationKind.Conference, 0)]
    [InlineData("Advances in Neural Information Processing Systems 2022", "NeurIPS", 2022, PublicationKind.Conference, 0)]
    [InlineData("arXiv 2025", "arXiv", 2025, PublicationKind.Preprint, 0)]
    [InlineData("arXiv, 2024", "arXiv", 2024, PublicationKind.Preprint, 0)]
    [InlineData("[ICLR 2025]", "ICLR", 2025, PublicationKind.Conference, 0)]
    [InlineData("ICMR-W 2021", "ICMR Workshops", 2021, PublicationKind.Workshop, 0)]
    [InlineData("ICMR 2021", "ICMR", 2021, PublicationKind.Conference, 0)]
    [InlineData("CVPR Workshop 2022", "CVPR Workshops", 2022, PublicationKind.Workshop, 0)]
    [InlineData("arXiv:2303.04947", "arXiv", 2023, PublicationKind.Preprint, 0)]
    [InlineData("Distinguished Paper Award (0.1%), AAAI 2023", "AAAI", 2023, PublicationKind.Conference, 1)]
    [InlineData("Distinguished Paper Award (0.8%), ACL 2023", "ACL", 2023, PublicationKind.Conference, 1)]
    [InlineData("ICML 2024, Oral", "ICML", 2024, PublicationKind.Conference, 1)]
    [InlineData("TPAMI 2024", "TPAMI", 2024, PublicationKind.Journal, 0)]
    [InlineData("MLSys 2024", "MLSys", 2024, PublicationKind.Conference, 0)]
    [InlineData("PPoPP 2024", "PPoPP", 2024, PublicationKind.Conference, 0)]
    public void A_venue_notation_gives_canonical_venue_year_kind_and_awards(string raw, string venue, int year, PublicationKind kind, int awards)
    {
        var reading = VenueNotation.Parse(raw, RepoPaths.Catalogs.Venues);

        Assert.NotNull(reading);
        Assert.Equal(venue, reading.Venue);
        Assert.Equal(year, reading.Year);
        Assert.Equal(kind, reading.Kind);
        Assert.Equal(awards, reading.Awards.Count);
        Assert.True(reading.Known);
    }

    [Theory]
    [InlineData("first author")]
    [InlineData("code")]
    [InlineData("Project lead.")]
    [InlineData("")]
    public void Text_that_names_no_venue_and_no_year_is_not_a_venue(string raw) => Assert.Null(VenueNotation.Parse(raw, RepoPaths.Catalogs.Venues));

    [Theory]
    [InlineData("Jul. 2025", null, 2025)]
    [InlineData("submitted for publication, Apr. 2025", null, 2025)]
    [InlineData("under review, 2024", null, 2024)]
    [InlineData("to appear in ICLR 2025", "ICLR", 2025)]
    [InlineData("ICML, July 2025", "ICML", 2025)]
    [InlineData("Neural Computing, 12-15 Sept. 2023", "Neural Computing", 2023)]
    [InlineData("Proc. IEEE Conf. Dec. Control, Dec. 2019", "IEEE Conf. Dec. Control", 2019)]
    public void A_date_before_the_year_or_the_papers_state_is_not_the_venues_name(string raw, string? venue, int year)
    {
        var reading = VenueNotation.Parse(raw, RepoPaths.Catalogs.Venues);

        Assert.NotNull(reading);
        Assert.Equal(venue, reading.Venue);
        Assert.Equal(year, reading.Year);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2408.12588", 2024)]
    [InlineData("https://arxiv.org/pdf/2403.10266v2", 2024)]
    [InlineData("https://github.com/NUS-HPC-AI-Lab/VideoSys", null)]
    public void An_arxiv_link_dates_a_preprint(string url, int? year) => Assert.Equal(year, VenueNotation.ArxivYearFromUrl(url));
}

public sealed class AuthorListTests
{
    [Theory]
    [InlineData("Xiangyu Yue*, Zangwei Zheng*, Shanghang Zhang", "Xiangyu Yue|Zangwei Zheng|Shanghang Zhang")]
    [InlineData("Zangwei Zheng, Xiangyu Peng, Yuxuan Lou, et al.", "Zangwei Zheng|Xiangyu Peng|Yuxuan Lou")]
    [InlineData("Zangwei Zheng, Mingyuan Ma, Kai Wang et al. · berkeley", "Zangwei Zheng|Mingyuan Ma|Kai Wang")]
    [InlineData("Geng Zhang*, Xuanlei Zhao*, Kai Wang†, Yang You†", "Geng Zhang|Xuanlei Zhao|Kai Wang|Yang You")]
    [InlineData("Ada Lovelace and Charles Babbage", "Ada Lovelace|Charles Babbage")]
    [InlineData("Kurt Keutzer, Alberto Sangiovanni-Vincentelli", "Kurt Keutzer|Alberto Sangiovanni-Vincentelli")]
    public void Author_marks_and_et_al_do_not_end_up_in_names(string text, string expected)
    {
        var authors = AuthorList.Parse(text);

        Assert.NotNull(authors);
        Assert.Equal(expected.Split('|'), authors);
    }

    [Theory]
    [InlineData("A, B; C & D and E", "A|B|C|D|E")]
    [InlineData("Anderson and Brandon", "Anderson|Brandon")]
    [InlineData("Ada ,  , Bob", "Ada||Bob")]
    [InlineData(", Ada", "|Ada")]
    [InlineData("Ada and", "Ada|")]
    [InlineData("Ada  Bob ", "Ada  Bob ")]
    [InlineData("Ada\tand\u00a0Bob", "Ada|Bob")]
    [InlineData("Ada_and Bob", "Ada_and Bob")]
    public void An_author_list_splits_at_separators_and_the_white_space_around_them(string text, string expected) =>
        Assert.Equal(expected.Split('|'), AuthorList.Split(text));

    /// <summary>The splitter against the regex it replaces, on random text made of separators, white space and word characters of several kinds.</summary>
    [Fact]
    public void Splitting_an_author_list_agrees_with_the_separator_regex()
    {
        var separator = new System.Text.RegularExpressions.Regex(@"\s*(?:,|;|\band\b|&)\s*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        const string alphabet = "and and,;& \t\u00a0\n.xAD_1é\u0301\u0bbe\u200d王-";
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            Assert.Equal(separator.Split(text), AuthorList.Split(text));
        }
    }

    [Theory]
    [InlineData("Project lead.")]
    [InlineData("Led development of Video-Ocean, a SaaS platform for AI video generation")]
    [InlineData("Pika, Inc. 05.2024 - 08.2024")]
    [InlineData("Core contributor (ranked 5th by 2024) with 38k star")]
    public void Prose_is_not_an_author_list(string text) => Assert.Null(AuthorList.Parse(text));

    [Theory]
    [InlineData("# **XUANLEI ZHAO**", "Xuanlei Zhao")]
    [InlineData("Zangwei Zheng", "Zangwei Zheng")]
    [InlineData("About", null)]
    [InlineData("Hi! I am a first-year PhD student", null)]
    [InlineData("Curriculum Vitae", null)]
    public void A_first_line_is_a_name_only_when_it_looks_like_one(string text, string? name) =>
        Assert.Equal(name, AuthorList.AsPersonName(text.TrimStart('#', ' ')));
}

public sealed class SkillListTests
{
    [Theory]
    [InlineData("**Languages**\tPython, JavaScript (TypeScript), C/C++, Go, Rust, SQL", "Python|JavaScript|TypeScript|C|C++|Go|Rust|SQL")]
    [InlineData("Languages Python, C, C++, LaTeX", "Python|C|C++|LaTeX")]
    [InlineData("Frameworks: PyTorch, Huggingface, Scikit-learn, Deepspeed", "PyTorch|Huggingface|scikit-learn|DeepSpeed")]
    [InlineData("**DevOps**\tDocker, CI/CD (Gitlab & Github), Git, Linux", "Docker|CI/CD|GitLab|GitHub|Git|Linux")]
    [InlineData("Backend\tFastAPI, go-zero", "FastAPI|go-zero")]
    [InlineData("Tools: Kubernetes; Terraform | Golang", "Kubernetes|Terraform|Golang")]
    [InlineData("**Languages & Frameworks** — React.js, TypeScript, JavaScript (ES6+)", "React.js|TypeScript|JavaScript (ES6+)")]
    [InlineData("Infrastructure as Code (Terraform, Bicep, Pulumi)", "Infrastructure as Code|Terraform|Bicep|Pulumi")]
    [InlineData("Other Computational: Bash, Python (NumPy, pandas), R", "Bash|Python|NumPy|pandas|R")]
    [InlineData("DevOps / DevSecOps, Shadcn/UI", "DevOps|DevSecOps|Shadcn/UI")]
    [InlineData("Languages: English (native), French, 中文", "")]
    [InlineData("I have 6] years of", "")]
    public void A_skill_list_is_split_into_skills_as_written(string line, string expected)
    {
        var found = new List<string>();

        SkillList.AddFrom(line, RepoPaths.Catalogs.Skills, found);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), found);
    }

    [Fact]
    public void Struck_out_skills_are_not_skills()
    {
        var line = MarkupText.ParseLine(0, "<b>Languages</b>\tPython, Rust, <del>LaTeX</del>");
        var found = new List<string>();

        SkillList.AddFrom(line.Text, RepoPaths.Catalogs.Skills, found);

        Assert.Equal(["Python", "Rust"], found);
    }
}

public sealed class MarkupTextTests
{
    [Theory]
    [InlineData(@"in \$200k**", "in $200k")]
    [InlineData("- · [ICLR 2025] Real-Time Video Generation", "[ICLR 2025] Real-Time Video Generation")]
    [InlineData("7. **Prototypical Learning**", "Prototypical Learning")]
    [InlineData("* **[VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys): An Easy System** \\", "VideoSys: An Easy System")]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    public void Inline_markup_is_resolved(string source, string plain) => Assert.Equal(plain, MarkupText.ParseLine(0, source).Plain);

    [Theory]
    [InlineData(@"Xiangyu Yue\*, Zangwei Zheng\*", "Xiangyu Yue*, Zangwei Zheng*")]
    [InlineData(@"<u>Xuanlei Zhao</u>\*, Kai Wang\*<sup>†</sup>", "Xuanlei Zhao*, Kai Wang*")]
    [InlineData("<i>Ph.D. student</i>\tSingapore", "*Ph.D. student*\tSingapore")]
    public void Escaped_stars_stay_as_equal_contribution_marks_and_italics_become_stars(string source, string text) =>
        Assert.Equal(text, MarkupText.ParseLine(0, source).Text);
}

public sealed class CatalogTests
{
    [Theory]
    [InlineData("We go to the lab and write C code in R&D with PyTorch", "PyTorch")]
    [InlineData("Built services in Golang and TypeScript on Kubernetes", "Go|TypeScript|Kubernetes")]
    [InlineData("Experience with large-scale training using DeepSpeed and Hugging Face", "DeepSpeed|Hugging Face")]
    public void Ambiguous_skill_names_are_not_found_in_prose(string text, string expected) =>
        Assert.Equal(expected.Split('|'), RepoPaths.Catalogs.Skills.FindIn(text));

    [Theory]
    [InlineData("Go", "Go")]
    [InlineData("C", "C")]
    [InlineData("Languages Python", "Python")]
    public void Ambiguous_skill_names_are_found_in_lists(string item, string expected) =>
        Assert.Equal([expected], RepoPaths.Catalogs.Skills.FindInList(item));

    [Theory]
    [InlineData("Neurips", "NeurIPS")]
    [InlineData("NIPS", "NeurIPS")]
    [InlineData("Advances in Neural Information Processing Systems", "NeurIPS")]
    [InlineData("ICMR-W", "ICMR Workshops")]
    [InlineData("SysML", "MLSys")]
    [InlineData("PPOPP", "PPoPP")]
    [InlineData("CoRR", "arXiv")]
    public void Venue_aliases_map_to_the_canonical_short_name(string alias, string name) =>
        Assert.Equal(name, RepoPaths.Catalogs.Venues.Find(alias)?.Name);

    [Theory]
    [InlineData("click-through rate prediction", "CTR prediction")]
    [InlineData("Mixture-of-Experts (MoE)", "mixture of experts")]
    [InlineData("sequence parallel", "sequence parallelism")]
    [InlineData("text-to-video generation", "video generation")]
    [InlineData("Large-batch training", "large batch training")]
    [InlineData("Serverless Inference at the Edge", "serverless computing")]
    [InlineData("Gaussian Splatting for Dynamic Scenes", "3D Gaussian splatting")]
    [InlineData("Compressing Retrieval Indexes with Product Quantization", "approximate nearest neighbor search")]
    [InlineData("Certified Robustness by Randomized Smoothing", "adversarial robustness")]
    public void Topic_synonyms_map_to_the_canonical_topic(string text, string topic) =>
        Assert.Equal(topic, RepoPaths.Catalogs.Topics.FindIn(text)[0]);

    [Theory]
    [InlineData("Proof Search with Language Models")]
    [InlineData("Evaluating Vietnamese Language Models")]
    public void Language_models_alone_are_not_large_language_models(string title) =>
        Assert.DoesNotContain("large language models", RepoPaths.Catalogs.Topics.FindIn(title));

    [Fact]
    public void Catalogs_are_large_enough_and_every_venue_has_a_kind()
    {
        Assert.True(RepoPaths.Catalogs.Venues.All.Count >= 200);
        Assert.True(RepoPaths.Catalogs.Skills.All.Count >= 400);
        Assert.True(RepoPaths.Catalogs.Topics.All.Count >= 200);
        Assert.All(RepoPaths.Catalogs.Venues.All, v => Assert.Contains(v.Kind, new[] { "conference", "journal", "workshop", "preprint" }));
    }
}

public sealed class OrganizationNameTests
{
    [Theory]
    [InlineData("Colossal-AI", "HPC-AI Tech")]
    [InlineData("HPC-AI TECH, Inc. (Colossal-AI)", "HPC-AI Tech")]
    [InlineData("HPC-AI Tech", "HPC-AI Tech")]
    [InlineData("Pika, Inc.", "Pika")]
    [InlineData("Arm Ltd.", "Arm")]
    [InlineData("National University of Singapore (HPC-AI Lab)", "National University of Singapore")]
    [InlineData("University of California, Berkeley (iCyPhy, DOP Center)", "University of California, Berkeley")]
    [InlineData("NUS", "National University of Singapore")]
    [InlineData("Some Startup GmbH", "Some Startup")]
    public void Organisation_aliases_and_legal_suffixes_map_to_one_name(string raw, string canonical) =>
        Assert.Equal(canonical, OrganizationNames.Canonical(raw));
}

public sealed class SectionTests
{
    [Theory]
    [InlineData("## Experience\n\nPika, Inc. 05.2024 - 08.2024\n\nResearch Intern | Supervised by Chenlin Meng\n\nPalo Alto, CA\n\n- · Optimized training.", "Pika", "Research Intern", "2024-05", "2024-08", "Palo Alto, CA")]
    [InlineData("EXPERIENCE\n\n## HPC-AI TECH, Inc. (Colossal-AI)\n\n05.2022 - 12.2023\n\nResearch Intern | Supervised by Jiarui Fang\n\nSingapore", "HPC-AI Tech", "Research Intern", "2022-05", "2023-12", "Singapore")]
    [InlineData("## INDUSTRY EXPERIENCE\n\n### Acme Robotics\n\nMar. 2025 – Present\n\n*Team lead of the platform **Acme Cloud*** *Berlin*\n\n- o Led development.", "Acme Robotics", "Team lead of the platform Acme Cloud", "2025-03", null, "Berlin")]
    [InlineData("Experience\n------\n* **Colossal-AI** \\\n  Research Engineer Intern \\\n  Host: [Jiarui Fang](https://example.org/) \\\n  *2022.07 - 2023.12*", "HPC-AI Tech", "Research Engineer Intern", "2022-07", "2023-12", null)]
    [InlineData("WORK EXPERIENCE\n\nByteDance\tJun. 2021 – Jun. 2022\n<i>Research intern, in charge of ranking</i>\tSingapore\n◦ Shipped CTR models.", "ByteDance", "Research intern", "2021-06", "2022-06", "Singapore")]
    public void An_experience_entry_gives_organisation_title_period_and_place(string document, string organization, string title, string start, string? end, string? location)
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/markdown", "# Ada Lovelace\n\n" + document))).Profile;

        var entry = Assert.Single(profile.Experience);
        Assert.Equal(organization, entry.Organization);
        Assert.Equal(title, entry.Title);
        Assert.Equal(start, entry.Start);
        Assert.Equal(end, entry.End);
        Assert.Equal(location, entry.Location);
    }

    [Theory]
    [InlineData("## EDUCATION\n\n- Nanjing University** Sep. 2017 – Jun. 2021  \n*B.S. in Computer Science and Technology, National Elite Program* Jiangsu, China", "Nanjing University", "B.S.", "Computer Science and Technology", "2017-09", "2021-06", null)]
    [InlineData("#### **EDUCATION**\n\nNational University of Singapore Ph.D. in Computer Science Supervisor: Yang You\t01.2024 - Present", "National University of Singapore", "Ph.D.", "Computer Science", "2024-01", null, "Yang You")]
    [InlineData("Education\n------\n* **Huazhong University of Science and Technology** \\\n  B.S. in Computer Science & Electronic Information \\\n  *2018.09 - 2022.06*", "Huazhong University of Science and Technology", "B.S.", "Computer Science & Electronic Information", "2018-09", "2022-06", null)]
    [InlineData("EDUCATION\n\nNational University of Singapore\tAug. 2021 – Jun. 2025 (expected)\n<i>Ph.D. in Computer Science, supervised by Prof. Yang You</i>\tSingapore", "National University of Singapore", "Ph.D.", "Computer Science", "2021-08", "2025-06", "Yang You")]
    public void An_education_entry_gives_institution_degree_field_period_and_advisor(string document, string institution, string degree, string field, string start, string? end, string? advisor)
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/markdown", "# Ada Lovelace\n\n" + document))).Profile;

        var entry = Assert.Single(profile.Education);
        Assert.Equal(institution, entry.Institution);
        Assert.Equal(degree, entry.Degree);
        Assert.Equal(field, entry.Field);
        Assert.Equal(start, entry.Start);
        Assert.Equal(end, entry.End);
        Assert.Equal(advisor, entry.Advisor);
    }
}
