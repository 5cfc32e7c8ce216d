using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

public sealed class PublicationEntryTests
{
    [Theory]
    [InlineData("## PUBLICATIONS\n\n1. **Scaling Sparse Experts** Ada Lovelace, Alan Turing **Neurips 2023**", "Scaling Sparse Experts", "NeurIPS", 2023, PublicationKind.Conference, "Ada Lovelace|Alan Turing", 1)]
    [InlineData("## SELECTED PUBLICATIONS\n\n- Open Video Models**  \nAda Lovelace, Alan Turing, et al. **arXiv, 2024**", "Open Video Models", "arXiv", 2024, PublicationKind.Preprint, "Ada Lovelace|Alan Turing", 1)]
    [InlineData("### RESEARCH EXPERIENCE\n\n- · [ICLR 2025] Fast Pyramid Attention for Video\n- · <u>Ada Lovelace</u>\\*, Alan Turing\\*<sup>†</sup>", "Fast Pyramid Attention for Video", "ICLR", 2025, PublicationKind.Conference, "Ada Lovelace|Alan Turing", 1)]
    [InlineData("Selected Publications\n------\n\n* Chunked Activation Inference \\\n  | <span style=\"color:green\">ICLR 2024</span> | second author\n  | [paper](https://arxiv.org/abs/2401.10652) |", "Chunked Activation Inference", "ICLR", 2024, PublicationKind.Conference, "", 2)]
    [InlineData("Selected Publications\n------\n\n* Pyramid Broadcast for Real-Time Video \\\n  | <span style=\"color:green\">arXiv</span> | first author\n  | [paper](https://arxiv.org/abs/2408.12588) |", "Pyramid Broadcast for Real-Time Video", "arXiv", 2024, PublicationKind.Preprint, "", 1)]
    [InlineData("PREPRINTS\n\n1. **Lossless Data Pruning** Alan Turing, Ada Lovelace [arXiv:2303.04947](#)", "Lossless Data Pruning", "arXiv", 2023, PublicationKind.Preprint, "Alan Turing|Ada Lovelace", 2)]
    [InlineData("PUBLICATIONS\n\n8. **Radar Scene Learning** Ada Lovelace, Alan Turing **ICMR-W 2021**", "Radar Scene Learning", "ICMR Workshops", 2021, PublicationKind.Workshop, "Ada Lovelace|Alan Turing", 1)]
    [InlineData("## Publications\n\n- **Pruning Recurrent Networks** A. Turing, A. Lovelace. *Interspeech 2020*.", "Pruning Recurrent Networks", "Interspeech", 2020, PublicationKind.Conference, "A. Turing|A. Lovelace", 2)]
    [InlineData("## Publications\n\n- **Spiking Keyword Spotting**. A. Lovelace, A. Turing. *ICASSP 2023*.", "Spiking Keyword Spotting", "ICASSP", 2023, PublicationKind.Conference, "A. Lovelace|A. Turing", 1)]
    public void A_publication_entry_gives_title_venue_year_kind_and_authors(string section, string title, string venue, int year, PublicationKind kind, string authors, int position)
    {
        var profile = Extract("# Ada Lovelace\n\n" + section);

        var publication = Assert.Single(profile.Publications);
        Assert.Equal(title, publication.Title);
        Assert.Equal(venue, publication.Venue);
        Assert.Equal(year, publication.Year);
        Assert.Equal(kind, publication.Kind);
        Assert.Equal(authors.Length == 0 ? [] : authors.Split('|'), publication.Authors);
        Assert.Equal(position, publication.AuthorPosition);
        Assert.Equal(position == 1, publication.FirstAuthor);
    }

    [Theory]
    [InlineData("Ada Lovelace and Alan Turing. 2023. Scaling Sparse Experts for Video Models. In Proceedings of the 37th Conference on Neural Information Processing Systems (NeurIPS '23). 1–12.", 1)]
    [InlineData("Lovelace, Ada, and Alan Turing. \"Scaling Sparse Experts for Video Models.\" Advances in Neural Information Processing Systems 36 (2023): 1-12.", 1)]
    [InlineData("Turing, Alan, Grace Hopper, and Ada Lovelace. \"Scaling Sparse Experts for Video Models.\" NeurIPS 2023.", 3)]
    [InlineData("Lovelace, A., Turing, A.: Scaling Sparse Experts for Video Models. In: NeurIPS, pp. 1–12 (2023)", 1)]
    [InlineData("Turing, A. and Lovelace, A., 2023. Scaling Sparse Experts for Video Models. Advances in Neural Information Processing Systems, 36, pp.1-12.", 2)]
    [InlineData("[NeurIPS 2023] Scaling Sparse Experts for Video Models. Alan Turing, Ada Lovelace.", 2)]
    [InlineData("TURING, Alan; LOVELACE, Ada. Scaling Sparse Experts for Video Models. In: NeurIPS, 2023.", 2)]
    public void A_citation_in_a_common_style_gives_title_venue_year_and_authors(string citation, int position)
    {
        // ACM's reference format, MLA and Chicago, Springer's LNCS, Harvard, a venue tag before title and authors, ABNT.
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n- " + citation + "\n- Ada Lovelace. Fast Attention Kernels for Long Context. ICML 2022.\n");

        var paper = profile.Publications[0];
        Assert.Equal(("Scaling Sparse Experts for Video Models", "NeurIPS", 2023), (paper.Title, paper.Venue, paper.Year));
        Assert.Equal(2, profile.Publications.Count);
        Assert.Equal(position, paper.AuthorPosition);
    }

    [Theory]
    [InlineData("TURING A., LI X. Scaling Sparse Experts for Video Models. NeurIPS 2023.")]
    [InlineData("LI X., WANG Y. Scaling Sparse Experts for Video Models. NeurIPS 2023.")]
    public void Surnames_in_capitals_before_initials_are_an_author_list(string citation)
    {
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n- " + citation + "\n- Ada Lovelace. Fast Attention Kernels for Long Context. ICML 2022.\n");

        var paper = profile.Publications[0];
        Assert.Equal(("Scaling Sparse Experts for Video Models", "NeurIPS", 2023, 2), (paper.Title, paper.Venue, paper.Year, paper.Authors.Count));
    }

    [Theory]
    [InlineData("- Alan Turing, Grace Hopper, **Ada Lovelace**. Video Generation with Motion Priors. *CVPR 2024*.", 3, false)]
    [InlineData("- Alan Turing, **Ada Lovelace**, et al. Video Generation with Motion Priors. *CVPR 2024*.", 2, true)]
    [InlineData("- Alan Turing, Grace Hopper, Ada Lovelace, ... Video Generation with Motion Priors. CVPR 2024.", 3, true)]
    [InlineData("- Alan Turing et al., Ada Lovelace. Video Generation with Motion Priors. CVPR 2024.", 2, false)]
    [InlineData("- *Video Generation with Motion Priors*  \n  A Turing, G Hopper, A Lovelace, …  \n  *CVPR*, 2024", 3, true)]
    public void An_author_list_cut_short_says_more_authors_follow_its_last_named(string entry, int position, bool moreAuthors)
    {
        var publication = Assert.Single(Extract("# Ada Lovelace\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal(("Video Generation with Motion Priors", "CVPR", 2024), (publication.Title, publication.Venue, publication.Year));
        Assert.Equal(position, publication.AuthorPosition);
        Assert.Equal(position, publication.Authors.Count);
        Assert.Equal(moreAuthors, publication.MoreAuthors);
    }

    [Theory]
    [InlineData("- Video Generation with Motion Priors (CVPR 2024)")]
    [InlineData("- Video Generation with Motion Priors. CVPR 2024.")]
    [InlineData("- Video Generation with Motion Priors, CVPR 2024")]
    [InlineData("- Video Generation with Motion Priors. In CVPR, 2024.")]
    [InlineData("1. Video Generation with Motion Priors. In Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024.")]
    public void A_listed_paper_without_authors_that_ends_in_a_known_venue_is_a_publication(string entry)
    {
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n" + entry + "\n- Learning Motion Fields for Animation (ICLR 2023)\n");

        Assert.Equal(2, profile.Publications.Count);
        var publication = profile.Publications[0];
        Assert.Equal("Video Generation with Motion Priors", publication.Title);
        Assert.Equal("CVPR", publication.Venue);
        Assert.Equal(2024, publication.Year);
        Assert.Empty(publication.Authors);
        Assert.Equal(("Learning Motion Fields for Animation", "ICLR", 2023), (profile.Publications[1].Title, profile.Publications[1].Venue, profile.Publications[1].Year));
    }

    [Theory]
    [InlineData("- Ada Lovelace, Alan Turing: Video Generation with Motion Priors. CVPR 2024: 100-110", "Ada Lovelace|Alan Turing", 1)]
    [InlineData("- Alan Turing, Ada Lovelace: Video Generation with Motion Priors. CVPR 2024: 100-110", "Alan Turing|Ada Lovelace", 2)]
    [InlineData("- Ada Lovelace: Video Generation with Motion Priors. CVPR 2024", "Ada Lovelace", 1)]
    [InlineData("- Video Generation with Motion Priors. A. Turing, A. Lovelace. CVPR 2024.", "A. Turing|A. Lovelace", 2)]
    [InlineData("- Video Generation with Motion Priors — CVPR 2024", "", null)]
    [InlineData("- Video Generation with Motion Priors [CVPR 2024] [pdf] [code]", "", null)]
    [InlineData("- Video Generation with Motion Priors, A. Lovelace, A. Turing, CVPR 2024", "A. Lovelace|A. Turing", 1)]
    public void A_listed_paper_with_a_plain_title_and_a_known_venue_keeps_its_authors_apart(string entry, string authors, int? position)
    {
        var publication = Assert.Single(Extract("# Ada Lovelace\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal(("Video Generation with Motion Priors", "CVPR", 2024), (publication.Title, publication.Venue, publication.Year));
        Assert.Equal(authors.Length == 0 ? [] : authors.Split('|'), publication.Authors);
        Assert.Equal(position, publication.AuthorPosition);
    }

    [Theory]
    [InlineData("- Alan Turing, Ada Lovelace: Motion Fields for Animation. IEEE Trans. Pattern Anal. Mach. Intell. 45(3): 1-12 (2023)", "Motion Fields for Animation", "TPAMI", 2023)]
    [InlineData("- Ada Lovelace, Alan Turing: Sparse Priors for Video. J. Mach. Learn. Res. 24: 120:1-120:30 (2023)", "Sparse Priors for Video", "JMLR", 2023)]
    [InlineData("- Ada Lovelace, Alan Turing: Is Motion All You Need? NeurIPS 2023", "Is Motion All You Need?", "NeurIPS", 2023)]
    [InlineData("- Ada Lovelace, Alan Turing: Motion Priors for Video Models. ECCV (12) 2022: 100-110", "Motion Priors for Video Models", "ECCV", 2022)]
    [InlineData("- Ada Lovelace, Alan Turing: Deep Learning for Video Models. Nat. 521(7553): 436-444 (2015)", "Deep Learning for Video Models", "Nature", 2015)]
    [InlineData("- Ada Lovelace, Alan Turing: Tokenizers for Video Models. CoRR abs/2401.00001 (2024)", "Tokenizers for Video Models", "arXiv", 2024)]
    public void A_paper_as_dblp_cites_it_gives_title_canonical_venue_and_year(string entry, string title, string venue, int year)
    {
        var publication = Assert.Single(Extract("# Ada Lovelace\n\n## Publications\n\n" + entry + "\n").Publications);

        Assert.Equal((title, venue, year), (publication.Title, publication.Venue, publication.Year));
        Assert.Equal(2, publication.Authors.Count);
    }

    [Theory]
    [InlineData("| Year | Title | Venue |\n|---|---|---|\n| 2022 | Diffusion Models for Long Videos | NeurIPS |\n| 2021 | Optical Flow without Labels | ICCV |")]
    [InlineData("| Title | Authors | Venue |\n|---|---|---|\n| Diffusion Models for Long Videos | Ada Lovelace, Alan Turing | NeurIPS 2022 |\n| Optical Flow without Labels | Alan Turing, Ada Lovelace | ICCV 2021 |")]
    public void Each_row_of_a_table_of_papers_is_a_publication(string table)
    {
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n" + table + "\n\n## Teaching\n\n| 2022 | Introduction to Machine Learning | teaching assistant |\n");

        Assert.Equal(
            [("Diffusion Models for Long Videos", "NeurIPS", 2022), ("Optical Flow without Labels", "ICCV", 2021)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year)).ToList());
    }

    [Fact]
    public void A_title_with_a_colon_keeps_it_when_what_comes_before_names_nobody()
    {
        var publication = Assert.Single(Extract("# Ada Lovelace\n\n## Publications\n\n- Deep Nets: A Study of Depth. NeurIPS 2023\n").Publications);

        Assert.Equal("Deep Nets: A Study of Depth", publication.Title);
        Assert.Empty(publication.Authors);
    }

    [Fact]
    public void Service_that_ends_in_a_venue_outside_a_publications_section_is_not_a_publication()
    {
        var profile = Extract("# Ada Lovelace\n\n## Service\n\n- Area chair for the program committee, NeurIPS 2023\n- Reviewer for the main track, ICML 2024\n");

        Assert.Empty(profile.Publications);
    }

    [Theory]
    [InlineData("## Book")]
    [InlineData("## Books")]
    [InlineData("## Monographs")]
    public void A_book_under_a_books_heading_is_a_publication(string heading)
    {
        // A book or chapter names no catalog venue: it is read because its heading says what the section lists.
        var profile = Extract("# Ada Lovelace\n\n" + heading + "\n1. Turing A. and **Lovelace A.** (2016), Notes on the Analytical Engine. Structure and Function of Engines in Britain.\n\n## Software\n\n- **engine-sim**: an emulator");

        var publication = Assert.Single(profile.Publications);
        Assert.Equal("Notes on the Analytical Engine", publication.Title);
        Assert.Equal(2016, publication.Year);
    }

    [Fact]
    public void A_book_heading_that_says_more_than_books_is_not_a_publications_heading()
    {
        var profile = Extract("# Ada Lovelace\n\n## Books I enjoyed\n\n1. Turing A. (2016), Notes on the Analytical Engine. Engines in Britain.");

        Assert.Empty(profile.Publications);
    }

    [Fact]
    public void An_award_before_the_venue_is_kept_as_an_award()
    {
        var profile = Extract("# Ada Lovelace\n\n## PUBLICATIONS\n\n- Column-wise Clipping for CTR Models** Ada Lovelace, Alan Turing **Distinguished Paper Award (0.1%), AAAI 2023**");

        var publication = Assert.Single(profile.Publications);
        Assert.Equal("AAAI", publication.Venue);
        Assert.Equal(2023, publication.Year);
        Assert.Equal(["Distinguished Paper Award (0.1%)"], publication.Awards);
    }

    [Theory]
    [InlineData("### RESEARCH EXPERIENCE\n\nVideoSys: open-source project.\n\n- · VideoSys: An Easy and Efficient System for Video Generation\n- · Project lead.")]
    [InlineData("Open-Source Projects\n------\n\n* **[VideoSys](https://github.com/x/VideoSys): An Easy and Efficient System** \\\n  Project lead.")]
    [InlineData("PUBLICATIONS\n\n- * denotes equal contribution.")]
    public void Projects_and_notes_are_not_publications(string section) => Assert.Empty(Extract("# Ada Lovelace\n\n" + section).Publications);

    [Fact]
    public void Equal_contribution_marks_make_a_second_author_a_first_author()
    {
        var profile = Extract("# Zangwei Zheng\n\n## PUBLICATIONS\n\n7. **Prototypical Learning for Domain Adaptation**  \nXiangyu Yue\\*, Zangwei Zheng\\*, Trevor Darrell **CVPR 2021**");

        var publication = Assert.Single(profile.Publications);
        Assert.Equal(["Xiangyu Yue", "Zangwei Zheng", "Trevor Darrell"], publication.Authors);
        Assert.Equal(2, publication.AuthorPosition);
        Assert.True(publication.FirstAuthor);
    }

    [Fact]
    public void Initials_that_fit_two_authors_give_no_position()
    {
        var profile = Extract("# Ada Lovelace\n\n## Publications\n\n- **Twin Notes**. A. Lovelace, B. Byron, A. Lovelace. *ICML 2021*.");

        var publication = Assert.Single(profile.Publications);
        Assert.Equal(["A. Lovelace", "B. Byron", "A. Lovelace"], publication.Authors);
        Assert.Null(publication.AuthorPosition);
        Assert.False(publication.FirstAuthor);
    }

    [Theory]
    [InlineData("Hello! I am a research engineer at Hugging Face, working on **retrieval-augmented generation** and **dense retrieval**.")]
    [InlineData("## About\n\nMy research focuses on retrieval-augmented generation and dense retrieval for long documents. I also like hiking.")]
    public void Topics_stated_in_a_homepage_sentence_are_research_topics(string prose)
    {
        var profile = Extract("# Ada Lovelace\n\n" + prose + "\n\n## Publications\n\n- **Notes on the Engine** Ada Lovelace, Charles Babbage **ICML 2021**");

        Assert.Contains("retrieval-augmented generation", profile.Topics);
        Assert.Contains("dense retrieval", profile.Topics);
    }

    [Fact]
    public void A_sentence_without_a_research_cue_gives_no_topics()
    {
        var profile = Extract("# Ada Lovelace\n\nI enjoyed a talk on retrieval-augmented generation last week.\n\n## Publications\n\n- **Notes on the Engine** Ada Lovelace, Charles Babbage **ICML 2021**");

        Assert.DoesNotContain("retrieval-augmented generation", profile.Topics);
    }

    [Theory]
    [InlineData("\"Moved batch pipelines to stream processing\", \"Built stream processing for fraud alerts\"", true)] // two highlights
    [InlineData("\"Moved batch pipelines to stream processing\"", false)] // one word in one sentence says little
    [InlineData("\"Improved accessibility of the checkout page\", \"Cut page load time by half\"", false)]
    public void Work_highlights_of_a_json_resume_give_a_topic_when_they_repeat_it(string highlights, bool topic)
    {
        var resume = $$"""{"basics": {"name": "Ada Lovelace", "email": "ada@example.org"}, "work": [{"name": "Nubank", "position": "Data Engineer", "highlights": [{{highlights}}]}]}""";
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "application/json", resume))).Profile;

        var named = profile.Topics.Contains("stream processing", StringComparer.Ordinal) || profile.Topics.Contains("accessibility", StringComparer.Ordinal);
        Assert.Equal(topic, named);
        Assert.Equal(topic, profile.TopicEvidence.Any(e => e.Kind == TopicEvidenceKind.Role));
    }

    [Fact]
    public void A_role_title_gives_its_topic_alone()
    {
        const string resume = """{"basics": {"name": "Ada Lovelace", "email": "ada@example.org"}, "work": [{"name": "Nubank", "position": "Stream Processing Engineer"}]}""";
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "application/json", resume))).Profile;

        Assert.Contains("stream processing", profile.Topics);
    }

    [Fact]
    public void A_dblp_style_page_whose_lists_are_headed_by_years_gives_each_paper_with_its_authors()
    {
        const string page = """
            <html><body><h1>Ada Lovelace</h1>
            <h2>2020 &#8211; today</h2>
            <ul>
            <li>2024</li>
            <li><cite><span>Ada Lovelace</span>, <span>Alan Turing</span>:<br> <span>Video Generation with Motion Priors.</span> <a href="v"><span>CVPR</span></a> 2024: 100-110</cite></li>
            <li>2023</li>
            <li><cite><span>Alan Turing</span>, <span>Ada Lovelace</span>:<br> <span>Motion Fields for Animation.</span> <a href="j"><span>IEEE Trans. Pattern Anal. Mach. Intell.</span> 45(3)</a>: 1-12 (2023)</cite></li>
            </ul></body></html>
            """;
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/html", page))).Profile;

        Assert.Equal(
            [("Video Generation with Motion Priors", "CVPR", 2024, 1), ("Motion Fields for Animation", "TPAMI", 2023, 2)],
            profile.Publications.Select(p => (p.Title, p.Venue, p.Year, p.AuthorPosition)).ToList());
    }

    [Theory]
    [InlineData("- Ada Lovelace 0001, Alan Turing: Video Generation with Motion Priors. CVPR 2024: 100-110", 1)]
    [InlineData("- Alan Turing, Ada Lovelace 0001: Video Generation with Motion Priors. CVPR 2024: 100-110", 2)]
    public void A_dblp_homonym_number_is_not_part_of_the_authors_name(string entry, int position)
    {
        var publication = Assert.Single(Extract("# Ada Lovelace 0001\n\n## 2020 – today\n\n" + entry + "\n").Publications);

        Assert.Equal(("Video Generation with Motion Priors", "CVPR", 2024), (publication.Title, publication.Venue, publication.Year));
        Assert.Contains("Ada Lovelace", publication.Authors);
        Assert.Equal(position, publication.AuthorPosition);
    }

    private static ExtractedProfile Extract(string content) =>
        Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/markdown", content))).Profile;
}

public sealed class AuthorLineTests
{
    [Theory]
    [InlineData("- · Grasping with Diffusion Policies\n- · **Ada Lovelace**, Alan Turing, Grace Hopper", 1)]
    [InlineData("- · Grasping with Diffusion Policies\n- · Alan Turing, <u>Ada Lovelace</u>, Grace Hopper", 2)]
    [InlineData("- · Grasping with Diffusion Policies\n- · Alan Turing, Grace Hopper, Ada Lovelace", 3)]
    public void An_author_bullet_under_a_title_bullet_gives_the_authors(string entries, int position)
    {
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("d", "text/markdown", "# Ada Lovelace\n\n### RESEARCH EXPERIENCE\n\n" + entries));
        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;

        var publication = Assert.Single(profile.Publications);
        Assert.Equal("Grasping with Diffusion Policies", publication.Title);
        Assert.Equal(3, publication.Authors.Count);
        Assert.Equal(position, publication.AuthorPosition);
    }
}
