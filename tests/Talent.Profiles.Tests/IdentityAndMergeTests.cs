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
    [InlineData("titles", "2", "2 shared publication titles")]
    [InlineData("titles", "3", "3 shared publication titles")]
    [InlineData("institution", "2023-01", "same name, institution (National University of Singapore) and period")]
    public void A_document_joins_a_candidate_through_shared_evidence(string kind, string value, string reason)
    {
        var profile = kind switch
        {
            "email" => new ExtractedProfile { Emails = [value.ToLowerInvariant()] },
            "homepage" => new ExtractedProfile { Homepages = [value] },
            "titles" => new ExtractedProfile { Publications = Zheng.Publications.Take(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Select(p => p with { Title = p.Title.ToUpperInvariant() + "." }).ToList() },
            _ => new ExtractedProfile { Name = "Zangwei Zheng", Education = [new EducationEntry { Institution = "National University of Singapore", Start = value }] },
        };

        var decision = IdentityResolver.Resolve(profile, [new KnownCandidate(7, [Zheng])]);

        var match = Assert.Single(decision.Matches);
        Assert.Equal(7, match.CandidateId);
        Assert.Equal(reason, match.Reason);
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

        var decision = IdentityResolver.Resolve(namesake, [new KnownCandidate(1, [Zheng])]);

        Assert.True(decision.IsNewCandidate);
    }

    [Fact]
    public void One_shared_title_is_not_enough()
    {
        var coauthor = new ExtractedProfile { Name = "Xuanlei Zhao", Publications = [Zheng.Publications[0], Paper("AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference")] };

        Assert.True(IdentityResolver.Resolve(coauthor, [new KnownCandidate(1, [Zheng])]).IsNewCandidate);
    }

    [Fact]
    public void A_nameless_document_joins_through_shared_titles()
    {
        var nameless = new ExtractedProfile { Publications = Zheng.Publications.Skip(1).ToList() };

        var decision = IdentityResolver.Resolve(nameless, [new KnownCandidate(1, [Zheng]), new KnownCandidate(2, [new ExtractedProfile { Name = "Someone Else" }])]);

        Assert.Equal([1L], decision.Matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void A_document_matching_two_candidates_returns_both_to_join_them()
    {
        var bridge = new ExtractedProfile { Emails = ["zangwei@comp.nus.edu.sg"], Publications = [Paper("Open-Sora: Democratizing Efficient Video Production for All"), Paper("Open-Sora 2.0: Training a Commercial-Level Video Generation Model")] };
        var other = new ExtractedProfile { Publications = bridge.Publications };

        var decision = IdentityResolver.Resolve(bridge, [new KnownCandidate(9, [other]), new KnownCandidate(3, [Zheng])]);

        Assert.Equal([3L, 9L], decision.Matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void Keys_are_normalised()
    {
        var keys = IdentityResolver.KeysOf(new ExtractedProfile
        {
            Name = "Zangwei  ZHENG",
            Emails = ["Zangwei@Comp.NUS.edu.sg"],
            Homepages = ["https://www.zangwei.dev/"],
            Publications = [Paper("CowClip: Reducing CTR Prediction Model Training Time")],
        });

        Assert.Contains(new IdentityKey("email", "zangwei@comp.nus.edu.sg"), keys);
        Assert.Contains(new IdentityKey("homepage", "zangwei.dev"), keys);
        Assert.Contains(new IdentityKey("name", "zangwei zheng"), keys);
        Assert.Contains(new IdentityKey("title", "cowclip reducing ctr prediction model training time"), keys);
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
