using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Venue and author-position evidence large enough to decide between researchers whose text is alike, and a body
/// of work on a subject above a profile with one preprint about it.
/// </summary>
public sealed class ResearcherRankingTests : IDisposable
{
    private const long TwoFirstAuthored = 1;
    private const long OneMiddleAuthored = 2;
    private const long LeadAuthor = 3;
    private const long OnePreprint = 4;

    private static readonly ProfileCatalogs Catalogs = new(
        new VenueCatalog(
        [
            new VenueInfo("ICLR", "International Conference on Learning Representations", "machine learning", "A*", ["ICLR"], "conference"),
            new VenueInfo("CVPR", "Conference on Computer Vision and Pattern Recognition", "computer vision", "A*", ["CVPR"], "conference"),
            new VenueInfo("arXiv", "arXiv preprint", "preprint", "C", ["arxiv preprint"], "preprint"),
        ]),
        new SkillCatalog([]),
        new TopicCatalog([new TopicInfo("video generation", ["text-to-video"], null)]));

    /// <summary>The four researchers, by candidate id.</summary>
    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [TwoFirstAuthored] = new CandidateProfile
        {
            Name = "Fay First",
            Publications =
            [
                Paper("Temporal Consistency for Long Video Generation", "ICLR", 2025, 1),
                Paper("Motion Priors in Diffusion Video Models", "ICLR", 2024, 1),
                Paper("Image Tokenizers at Scale", "CVPR", 2023, 1),
            ],
        },
        [OneMiddleAuthored] = new CandidateProfile
        {
            Name = "Mo Middle",
            Interests = ["video generation"],
            Topics = ["video generation"],
            Publications = [Paper("Video Generation: Video Generation Benchmarks for Video Generation", "ICLR", 2024, 4)],
        },
        [LeadAuthor] = new CandidateProfile
        {
            Name = "Lee Lead",
            Publications =
            [
                Paper("Open-Sora: Open Video Generation for Everyone", "arXiv", 2024, 1),
                Paper("Scaling Video Generation with Diffusion Transformers", "CVPR", 2024, 1),
                Paper("Efficient Attention for Video Generation", "ICLR", 2025, 1),
                Paper("Distributed Training of Large Vision Models", "CVPR", 2023, 1),
                Paper("Data Pipelines for Vision", "CVPR", 2022, 2),
                Paper("Mixed Precision Training Revisited", "ICLR", 2022, 3),
            ],
        },
        [OnePreprint] = new CandidateProfile
        {
            Name = "Demo Video Generation",
            Headline = "video generation researcher",
            Interests = ["Video generation"], // every field says the query: the words alone put it first
            Topics = ["video generation"],
            Publications = [Paper("Video Generation", "arXiv", 2025, 1)],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_first_authored_ICLR_papers_outrank_one_middle_authored_ICLR_paper_with_closer_words(bool withVectors)
    {
        using var index = Open(withVectors);
        var results = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "video generation", venues: ["ICLR"], since: 2024))).Results;
        var ids = results.Select(r => r.Id).ToList();
        Assert.True(ids.IndexOf(TwoFirstAuthored) < ids.IndexOf(OneMiddleAuthored), $"order {string.Join(", ", ids)}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lead_authors_of_several_video_generation_papers_outrank_a_profile_with_one_preprint(bool withVectors)
    {
        using var index = Open(withVectors);
        var ids = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "video generation"))).Results.Select(r => r.Id).ToList();
        Assert.True(ids.IndexOf(LeadAuthor) < ids.IndexOf(OnePreprint), $"order {string.Join(", ", ids)}");
        Assert.True(ids.IndexOf(TwoFirstAuthored) < ids.IndexOf(OnePreprint), $"order {string.Join(", ", ids)}");
    }

    private CandidateIndex Open(bool vectors = false) => ModelVectors.Index(directory.Path, Catalogs, Profiles, vectors);

    private static MergedPublication Paper(string title, string venue, int year, int position) =>
        new(new Publication { Title = title, Venue = venue, Year = year, AuthorPosition = position, FirstAuthor = position == 1, Kind = venue == "arXiv" ? PublicationKind.Preprint : PublicationKind.Conference }, []);
}
