using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search.Matching;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Match orders people by a soft maximum over their few closest texts: the author of the paper a description is about
/// comes before someone whose several papers each share a little of it, although the latter's fit (breadth) is higher.
/// </summary>
public sealed class MatchOrderTests : IDisposable
{
    private const long Author = 1;
    private const long Broad = 2;

    private const string Description =
        "Explicit alignment objectives for multilingual bidirectional encoders: sentence-level and word-level alignment "
        + "objectives make cross-lingual representations of a multilingual encoder agree across languages.";

    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [Author] = new CandidateProfile
        {
            Name = "Ana Author",
            Publications =
            [
                Paper("Explicit Alignment Objectives for Multilingual Bidirectional Encoders", "Sentence-level and word-level alignment objectives make the cross-lingual representations of a multilingual encoder agree."),
                Paper("Protein Structure Prediction with Geometric Networks", "Geometric networks predict the folded structure of proteins."),
                Paper("Robotic Grasping from Depth Images", "A robot arm learns to grasp unseen objects from depth images."),
                Paper("Auctions for Cloud Spot Instances", "Pricing spare cloud capacity through repeated auctions."),
            ],
        },
        [Broad] = new CandidateProfile
        {
            Name = "Bo Broad",
            Publications =
            [
                Paper("Multilingual Machine Translation for Many Languages", "One multilingual model translates between many languages."),
                Paper("Pretraining Bidirectional Encoders Faster", "A cheaper objective for pretraining a bidirectional encoder."),
                Paper("Cross-lingual Transfer for Dependency Parsing", "Parsers trained in one language transfer to other languages."),
                Paper("Sentence Representations for Retrieval", "Sentence-level representations for retrieving passages."),
            ],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_author_of_the_closest_paper_comes_first_though_a_broader_profile_fits_more(bool withVectors)
    {
        using var index = ModelVectors.Index(directory.Path, new ProfileCatalogs(new VenueCatalog([]), new SkillCatalog([]), new TopicCatalog([])), Profiles, withVectors);

        var results = index.Match(new MatchRequest { Text = Description, Top = 2 }).Results;

        Assert.Equal([Author, Broad], results.Select(r => r.Id));
        Assert.True(results[0].Fit < results[1].Fit, $"fits {results[0].Fit} and {results[1].Fit}: the case needs the broader profile to fit more");
        Assert.True(results[0].Signals!.Order > results[1].Signals!.Order);
    }

    [Fact]
    public void The_soft_maximum_is_the_closest_text_plus_a_little_for_each_nearly_as_close()
    {
        Assert.Equal(0.6, CandidateMatch.SoftMaximum([0.6, 0.5, 0.4], 0), 10);
        Assert.Equal(0, CandidateMatch.SoftMaximum([], 0.05));
        Assert.Equal(0.6, CandidateMatch.SoftMaximum([0.6], 0.05), 10);

        // Two equally close texts add τ·ln 2; the same text twice more adds up to τ·ln n and no more.
        Assert.Equal(0.5 + (0.05 * Math.Log(2)), CandidateMatch.SoftMaximum([0.5, 0.5], 0.05), 10);
        var five = CandidateMatch.SoftMaximum([0.5, 0.5, 0.5, 0.5, 0.5], 0.05);
        Assert.Equal(0.5 + (0.05 * Math.Log(5)), five, 10);

        // One paper 0.1 closer outweighs four more that are each as close as the other's best.
        Assert.True(CandidateMatch.SoftMaximum([0.6, 0.3], 0.05) > five);

        // A text far below the closest adds almost nothing.
        Assert.InRange(CandidateMatch.SoftMaximum([0.6, 0.1], 0.05) - 0.6, 0, 1e-4);
    }

    private static MergedPublication Paper(string title, string abstractText) =>
        new(new Publication { Title = title, Abstract = abstractText, Year = 2022, Kind = PublicationKind.Conference }, []);
}
