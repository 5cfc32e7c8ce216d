using Talent.Profiles.Extraction;
using Talent.Profiles.Identity;
using Talent.Profiles.Merging;

namespace Talent.Profiles.Tests;

public sealed class IdentityResolverTests
{
    private static readonly ExtractedProfile Zheng = new()
    {
        Name = "Zangwei Zheng",
        Emails = ["zangwei@comp.nus.edu.sg"],
        Homepages = ["zhengzangw.github.io"],
        Education = [new EducationEntry { Institution = "National University of Singapore", Start = "2021-08", End = "2025-06" }],
        Publications =
        [
            Paper("CowClip: Reducing CTR Prediction Model Training Time from 12 hours to 10 minutes on 1 GPU"),
            Paper("Preventing Zero-Shot Transfer Degradation in Continual Learning of Vision-Language Models"),
            Paper("Response Length Perception and Sequence Scheduling: An LLM-Empowered LLM Inference Pipeline"),
        ],
    };

    [Theory]
    [InlineData("email", "zangwei@comp.nus.edu.sg", "shared e-mail")]
    [InlineData("email", "ZANGWEI@comp.nus.edu.sg", "shared e-mail")]
    [InlineData("homepage", "https://zhengzangw.github.io/", "shared homepage")]
    [InlineData("titles", "2", "2 shared publication titles, one side names nobody")]
    [InlineData("titles", "3", "3 shared publication titles, one side names nobody")]
    [InlineData("named-titles", "Z. Zheng", "3 shared publication titles, compatible names")]
    [InlineData("named-titles", "Zheng, Zangwei", "3 shared publication titles, compatible names")]
    [InlineData("named-titles", "Zang-Wei Zheng", "3 shared publication titles, compatible names")]
    [InlineData("named-titles", "Zangwei Zheng (郑奘巍)", "3 shared publication titles, compatible names")]
    [InlineData("institution", "2023-01", "same name, institution (National University of Singapore) and period (weaker)")]
    [InlineData("one-title", "Zangwei Zheng", "same name and 1 shared publication title (weaker)")]
    public void Two_sources_link_through_shared_evidence(string kind, string value, string reason)
    {
        var profile = kind switch
        {
            "email" => new ExtractedProfile { Emails = [value.ToLowerInvariant()] },
            "homepage" => new ExtractedProfile { Homepages = [value] },
            "titles" => new ExtractedProfile { Publications = Zheng.Publications.Take(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Select(p => p with { Title = p.Title.ToUpperInvariant() + "." }).ToList() },
            "named-titles" => new ExtractedProfile { Name = value, Publications = Zheng.Publications },
            "one-title" => new ExtractedProfile { Name = value, Publications = Zheng.Publications.Take(1).ToList() },
            _ => new ExtractedProfile { Name = "Zangwei Zheng", Education = [new EducationEntry { Institution = "National University of Singapore", Start = value }] },
        };

        var link = IdentityEvidence.Link(SourceIdentity.Of("new", profile), SourceIdentity.Of("known", Zheng));

        Assert.NotNull(link);
        Assert.Equal(reason, link.Reason);
        Assert.Equal(("known", "new"), (link.SourceA, link.SourceB));
    }

    [Theory]
    [InlineData("# Wei Zhang (张伟)", "Wei Zhang", "张伟")]
    [InlineData("# 王小明 (Xiaoming Wang)", "王小明", "Xiaoming Wang")]
    [InlineData("**Jane Roe (she/her)**", "Jane Roe", null)]
    [InlineData("# Jane Roe (PhD)", "Jane Roe", null)]
    [InlineData("# Jane Roe", "Jane Roe", null)]
    public void A_name_in_another_script_written_beside_the_name_joins_the_documents_that_use_either(string heading, string name, string? alternate)
    {
        var extractor = new ProfileExtractor(RepoPaths.Catalogs);
        var titles = "## Publications\n\n- **Graph Kernels for Molecular Property Prediction**, W. Zhang, B. Li. KDD 2021\n- **Sparse Attention for Long Documents**, W. Zhang. ACL 2022\n";
        var page = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("page", "text/markdown", $"{heading}\n\nzw@one.example.org\n\n{titles}"))).Profile;

        Assert.Equal(name, page.Name);
        Assert.Equal(alternate is null ? [] : [alternate], page.AlternateNames);
        if (alternate is not null)
        {
            // A page under the other form alone, other mail, the same papers: one person.
            var other = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("other", "text/markdown", $"# {alternate}\n\nzw@two.example.org\n\n{titles}"))).Profile;
            Assert.Equal("2 shared publication titles, compatible names", IdentityEvidence.Link(SourceIdentity.Of("other", other), SourceIdentity.Of("page", page))?.Reason);
        }
    }

    [Theory]
    [InlineData("Xuanlei Zhao", null)] // a co-author: however many titles they share
    [InlineData("Zangwei Zhang", null)]
    [InlineData("Kai Zheng", null)]
    [InlineData("K. Zheng", null)]
    [InlineData("郑奘巍", null)] // another script, not given as an alternate
    public void Shared_titles_never_join_two_different_names(string name, string? expected)
    {
        var coauthor = new ExtractedProfile { Name = name, Publications = Zheng.Publications };

        Assert.Equal(expected, IdentityEvidence.Link(SourceIdentity.Of("new", coauthor), SourceIdentity.Of("known", Zheng))?.Reason);
    }

    [Theory]
    [InlineData("Jonas Müller", "Jonas Mueller", true)]
    [InlineData("Jonas Müller", "JONAS MULLER", true)]
    [InlineData("Agustín Pivetta", "Agustin Pivetta", true)]
    [InlineData("Sarah L. R. Stevens", "Stevens, S. L. R.", true)]
    [InlineData("John Ronald Smith", "John Smith", true)]
    [InlineData("Masatoshi Katabuchi", "Katabuchi M.", true)]
    [InlineData("John Smith", "Jane Smith", false)]
    [InlineData("John Smith", "John Smyth", false)]
    [InlineData("Tam", "Tam North", false)]
    [InlineData("Wei Zhang", "Zhang Wei", true)]
    public void Name_forms_are_compatible_when_one_can_be_written_as_the_other(string one, string other, bool compatible)
    {
        Assert.Equal(compatible, PersonName.Of(one)!.IsCompatibleWith(PersonName.Of(other)!));
        Assert.Equal(compatible, PersonName.Of(other)!.IsCompatibleWith(PersonName.Of(one)!));
    }

    [Theory]
    [InlineData("https://dblp.org/pid/123/4567-2.html")]
    [InlineData("https://dblp.uni-trier.de/pid/123/4567-2.html")]
    [InlineData("https://dblp.dagstuhl.de/pid/123/4567-2.xml")]
    [InlineData("https://dblp.org/pid/123/4567-2")]
    public void A_dblp_person_page_is_one_link_whichever_form_of_its_address_a_document_gives(string address)
    {
        // dblp's XML of a person gives its page as dblp.org/pid/…; a CV links the HTML page, often on the mirror.
        var cv = new ExtractedProfile { Name = "Ada Lovelace", Links = [address] };
        var dblp = new ExtractedProfile { Name = "Ada Lovelace", Links = ["dblp.org/pid/123/4567-2"] };

        Assert.Equal("shared profile link", IdentityEvidence.Link(SourceIdentity.Of("cv", cv), SourceIdentity.Of("dblp", dblp))?.Reason);
    }

    [Theory]
    [InlineData("index.html")] // a page's link to itself, on every site
    [InlineData("cv.pdf")]
    [InlineData("publications")]
    public void A_relative_link_identifies_nobody(string address)
    {
        var one = new ExtractedProfile { Name = "Aylin Yener", Homepages = [address] };
        var other = new ExtractedProfile { Name = "Alessandro Budroni", Homepages = [address], Links = [address] };

        Assert.Null(IdentityEvidence.Link(SourceIdentity.Of("a", one), SourceIdentity.Of("b", other)));
    }

    [Theory]
    [InlineData("https://github.com/Remi-Boutin/Remi-Boutin.github.io/blob/abc/_pages/about.md", "github.com/remi-boutin/remi-boutin.github.io")]
    [InlineData("https://raw.githubusercontent.com/3tty0n/cv/abc/my-bib.bib", "github.com/3tty0n/cv")]
    [InlineData("https://zhengzangw.github.io/publications/", "zhengzangw.github.io")]
    [InlineData("https://www.cs.example.edu/~alice/cv.pdf", "cs.example.edu/~alice")]
    [InlineData("https://www.cs.example.edu/people/alice/cv.pdf", null)] // a department's server holds many people's pages
    [InlineData("file:///home/me/cvs/alice.md", null)]
    [InlineData(null, null)]
    public void A_document_is_from_a_personal_site_or_repository_only_when_its_address_says_whose(string? uri, string? site)
    {
        Assert.Equal(site, SourceIdentity.SiteOf(uri));
    }

    [Fact]
    public void Pages_of_one_site_link_unless_they_name_two_people()
    {
        const string about = "https://github.com/someone/someone.github.io/blob/c/_pages/about.md";
        const string bib = "https://github.com/someone/someone.github.io/blob/c/_bibliography/papers.bib";
        var nameless = SourceIdentity.Of("about", new ExtractedProfile { Name = "Université Paris Cité" }, about);

        Assert.Equal("same personal site or repository", IdentityEvidence.Link(nameless, SourceIdentity.Of("bib", new ExtractedProfile { Name = "Rémi Boutin" }, bib))?.Reason);
        Assert.Null(IdentityEvidence.Link(SourceIdentity.Of("alice", new ExtractedProfile { Name = "Alice Moreau" }, about), SourceIdentity.Of("bob", new ExtractedProfile { Name = "Bob Stone" }, bib)));
    }

    [Fact]
    public void A_namesake_with_other_mail_papers_and_institution_stays_separate()
    {
        var namesake = new ExtractedProfile
        {
            Name = "Zangwei Zheng",
            Emails = ["zzheng@example.edu"],
            Education = [new EducationEntry { Institution = "Zhejiang University", Start = "2019-09", End = "2023-06" }],
            Publications = [Paper("Graph Contrastive Learning for Molecular Property Prediction"), Paper("A Survey of Retrieval for Chemistry")],
        };

        Assert.Null(IdentityEvidence.Link(SourceIdentity.Of("new", namesake), SourceIdentity.Of("known", Zheng)));
    }

    [Theory]
    [InlineData("https://orcid.org/0000-0001-0000-0001", "https://orcid.org/0000-0001-0000-0002", "different ORCIDs")]
    [InlineData(null, null, null)]
    public void Two_different_orcids_block_a_link_however_much_else_is_shared(string? one, string? other, string? conflict)
    {
        var a = SourceIdentity.Of("a", Zheng with { Links = one is null ? [] : [one] });
        var b = SourceIdentity.Of("b", Zheng with { Links = other is null ? [] : [other] });

        Assert.Equal(conflict, IdentityEvidence.Conflict(a, b));
        Assert.Equal(conflict is null, IdentityEvidence.Link(a, b) is not null);
    }

    [Fact]
    public void Two_different_addresses_at_one_domain_block_a_link()
    {
        var a = SourceIdentity.Of("a", Zheng);
        var b = SourceIdentity.Of("b", Zheng with { Emails = ["someone.else@comp.nus.edu.sg"], Homepages = [] });

        Assert.Equal("different e-mails at the same domain", IdentityEvidence.Conflict(a, b));
        Assert.Null(IdentityEvidence.Link(a, b));
    }

    [Fact]
    public void A_nameless_list_takes_its_owners_name_from_the_authors_on_most_entries()
    {
        var list = new ExtractedProfile
        {
            Publications = Zheng.Publications.Select((p, i) => p with { Authors = ["Zangwei Zheng", i == 0 ? "Kai Wang" : "Yang You"] }).ToList(),
        };

        var identity = SourceIdentity.Of("bib", list);

        Assert.True(identity.NameInferred);
        Assert.True(identity.Name!.IsSameAs(PersonName.Of("Zangwei Zheng")!));
    }

    [Fact]
    public void A_page_whose_addresses_reach_two_people_links_nobody_and_is_flagged()
    {
        var ana = SourceIdentity.Of("ana", new ExtractedProfile { Name = "Ana Lima", Emails = ["ana@a.example.org"] });
        var bo = SourceIdentity.Of("bo", new ExtractedProfile { Name = "Bo Chen", Emails = ["bo@b.example.org"] });
        var page = SourceIdentity.Of("page", new ExtractedProfile { Emails = ["ana@a.example.org", "bo@b.example.org"] });

        var grouping = IdentityResolver.Resolve([ana, bo, page], []);

        Assert.Equal(["ana", "bo", "page"], grouping.Groups.Select(g => string.Join(' ', g.SourceIds)));
        Assert.Contains("for review", grouping.Flagged["page"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_persons_decision_outranks_the_rules()
    {
        var cv = SourceIdentity.Of("cv", Zheng);
        var homepage = SourceIdentity.Of("homepage", new ExtractedProfile { Name = "Zangwei Zheng", Emails = ["zangwei@comp.nus.edu.sg"] });
        var other = SourceIdentity.Of("other", new ExtractedProfile { Name = "Xuanlei Zhao" });

        var grouping = IdentityResolver.Resolve([cv, homepage, other], [new IdentityDecision("cv", "homepage", false, "admin"), new IdentityDecision("homepage", "other", true, "admin")]);

        Assert.Equal(["cv", "homepage other"], grouping.Groups.Select(g => string.Join(' ', g.SourceIds)));
        Assert.Equal(LinkStrength.Manual, Assert.Single(grouping.Groups[1].Links).Strength);
    }

    [Fact]
    public void Keys_are_normalised_and_a_name_alone_is_no_key()
    {
        var keys = IdentityResolver.KeysOf(new ExtractedProfile
        {
            Name = "Zangwei  ZHENG",
            Emails = ["Zangwei@Comp.NUS.edu.sg"],
            Homepages = ["https://www.zangwei.dev/"],
            Publications = [Paper("CowClip: Reducing CTR Prediction Model Training Time")],
            Education = [new EducationEntry { Institution = "National University of Singapore" }],
        });

        Assert.Contains(new IdentityKey("email", "zangwei@comp.nus.edu.sg"), keys);
        Assert.Contains(new IdentityKey("homepage", "zangwei.dev"), keys);
        Assert.Contains(new IdentityKey("person", "zangwei zheng|national university of singapore"), keys);
        Assert.Contains(new IdentityKey("title", "cowclip reducing ctr prediction model training time"), keys);
        Assert.DoesNotContain(keys, k => k.Kind == "name");
    }

    private static Publication Paper(string title) => new() { Title = title };
}

public sealed class ProfileMergerTests
{
    [Theory]
    [InlineData("arXiv", PublicationKind.Preprint, 2022, "AAAI", PublicationKind.Conference, 2023, "AAAI", 2023)]
    [InlineData("AAAI", PublicationKind.Conference, 2023, "arXiv", PublicationKind.Preprint, 2022, "AAAI", 2023)]
    [InlineData("arXiv", PublicationKind.Preprint, 2021, "ICMR Workshops", PublicationKind.Workshop, 2021, "ICMR Workshops", 2021)]
    [InlineData("TPAMI", PublicationKind.Journal, 2024, "ICCV Workshops", PublicationKind.Workshop, 2023, "TPAMI", 2024)]
    public void A_peer_reviewed_venue_beats_a_preprint_and_every_claim_is_kept(
        string firstVenue, PublicationKind firstKind, int firstYear, string secondVenue, PublicationKind secondKind, int secondYear, string venue, int year)
    {
        var a = Source("a", new Publication { Title = "CowClip: Reducing CTR Prediction Model Training Time", Venue = firstVenue, Kind = firstKind, Year = firstYear });
        var b = Source("b", new Publication { Title = "Cowclip - reducing CTR prediction model training time", Venue = secondVenue, Kind = secondKind, Year = secondYear });

        var merged = ProfileMerger.Merge([a, b]);

        var publication = Assert.Single(merged.Publications);
        Assert.Equal(venue, publication.Publication.Venue);
        Assert.Equal(year, publication.Publication.Year);
        Assert.Equal(["a", "b"], publication.Claims.Select(c => c.SourceId));
        Assert.Equal([firstVenue, secondVenue], publication.Claims.Select(c => c.Venue));
    }

    [Fact]
    public void Facts_are_unioned_with_their_sources_and_the_most_common_name_wins()
    {
        var sources = new[]
        {
            new SourceProfile("s2", new ExtractedProfile { Name = "Z. Zheng", Skills = ["PyTorch"], Education = [new EducationEntry { Institution = "Nanjing University", Degree = "B.S." }] }, At(2)),
            new SourceProfile("s1", new ExtractedProfile { Name = "Zangwei Zheng", Skills = ["Python", "PyTorch"], Emails = ["a@x.org"], Education = [new EducationEntry { Institution = "Nanjing University", Degree = "BS" }] }, At(1)),
            new SourceProfile("s3", new ExtractedProfile { Name = "Zangwei Zheng", Experience = [new ExperienceEntry { Organization = "ByteDance" }] }, At(3)),
            new SourceProfile("s4", new ExtractedProfile { Homepages = ["zangwei.dev"] }, At(4)),
        };

        var merged = ProfileMerger.Merge(sources);

        Assert.Equal("Zangwei Zheng", merged.Name);
        Assert.Equal(["s1", "s2", "s3", "s4"], merged.SourceIds);
        Assert.Equal(["Python", "PyTorch"], merged.Skills);
        Assert.Equal(["Nanjing University"], merged.Institutions);
        Assert.Equal(["ByteDance"], merged.Organizations);
        Assert.Equal(["zangwei.dev"], merged.Homepages);
        Assert.Equal(["s1", "s2"], Assert.Single(merged.Education).Sources);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_paper_keeps_the_longest_author_list_and_of_two_as_long_the_one_that_names_every_author(bool openFirst)
    {
        Publication Listed(string[] authors, bool more) =>
            new() { Title = "Video Generation with Motion Priors", Venue = "CVPR", Kind = PublicationKind.Conference, Year = 2024, Authors = authors, AuthorPosition = 2, MoreAuthors = more };
        var open = Source("scholar", Listed(["A Turing", "A Lovelace"], more: true));
        var complete = Source("cv", Listed(["Alan Turing", "Ada Lovelace"], more: false));
        var longer = Source("dblp", Listed(["Alan Turing", "Ada Lovelace", "Grace Hopper"], more: false));

        var two = Assert.Single(ProfileMerger.Merge(openFirst ? [open, complete] : [complete, open]).Publications).Publication;
        var three = Assert.Single(ProfileMerger.Merge([open, longer]).Publications).Publication;

        Assert.Equal(["Alan Turing", "Ada Lovelace"], two.Authors);
        Assert.False(two.MoreAuthors);
        Assert.Equal(["Alan Turing", "Ada Lovelace", "Grace Hopper"], three.Authors);
        Assert.False(three.MoreAuthors);
    }

    [Fact]
    public void Merging_is_deterministic_whatever_the_input_order()
    {
        var a = Source("a", new Publication { Title = "First Paper Title", Venue = "arXiv", Kind = PublicationKind.Preprint });
        var b = Source("b", new Publication { Title = "Second Paper Title", Venue = "ICLR", Kind = PublicationKind.Conference });

        var one = ProfileMerger.Merge([a, b]);
        var two = ProfileMerger.Merge([b, a]);

        Assert.Equal(one.Publications.Select(p => p.Publication.Title), two.Publications.Select(p => p.Publication.Title));
        Assert.Equal(one.SourceIds, two.SourceIds);
    }

    private static SourceProfile Source(string id, Publication publication) =>
        new(id, new ExtractedProfile { Publications = [publication] }, DateTimeOffset.UnixEpoch);

    private static DateTimeOffset At(int minutes) => DateTimeOffset.UnixEpoch.AddMinutes(minutes);
}
