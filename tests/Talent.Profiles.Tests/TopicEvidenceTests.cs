using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// A topic comes from a statement (an interest, a title, what a role did) or from evidence repeated across abstracts,
/// never from one word in one abstract of a long list.
/// </summary>
public sealed class TopicEvidenceTests
{
    private static readonly string[] OtherAbstracts =
    [
        "We schedule GPU jobs for large clusters.", "A compiler for tensor programs.", "Caching for inference servers.",
        "Placement of shards across racks.", "Lower tail latency for key-value stores.",
    ];

    [Fact]
    public void One_mention_in_one_abstract_of_many_is_not_a_topic()
    {
        var topics = RepoPaths.Catalogs.Topics.Stated([], [.. OtherAbstracts, "Our system improves the accessibility of clusters to students."]);

        Assert.DoesNotContain("accessibility", topics);
    }

    [Fact]
    public void Two_abstracts_that_mention_a_topic_make_it_one()
    {
        var topics = RepoPaths.Catalogs.Topics.Stated([], [.. OtherAbstracts, "Federated learning on phones.", "Secure aggregation for federated learning."]);

        Assert.Contains("federated learning", topics);
    }

    [Fact]
    public void In_a_short_body_of_work_one_abstract_is_enough()
    {
        var topics = RepoPaths.Catalogs.Topics.Stated([], ["A self-supervised learning approach to depth from defocus.", "Detection in aerial images."]);

        Assert.Contains("self-supervised learning", topics);
    }

    [Fact]
    public void A_statement_makes_a_topic_at_once_and_comes_first()
    {
        var topics = RepoPaths.Catalogs.Topics.Stated(["Interests: video generation", "Accessibility of Code Review Tools"], [.. OtherAbstracts, "Federated learning.", "Federated learning again."]);

        Assert.Equal(["video generation", "accessibility", "federated learning"], topics);
    }

    [Fact]
    public void A_scholar_page_with_one_abstract_word_among_many_papers_does_not_get_that_topic()
    {
        var papers = string.Concat(OtherAbstracts.Append("We make machine learning tools accessible; accessibility matters.").Select((text, i) =>
            $"CVJan 1, 202{i}\nPaper Number {i} on Systems\n\nAda Lovelace, Bob Smith\n\n{text}\n\n"));
        var document = $"Ada Lovelace\n\nCV\nh-index4\n6papers\n98citations\n\n6 Papers\n\n{papers}";

        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("scholar", "text/plain", document))).Profile;

        Assert.Equal(6, profile.Publications.Count);
        Assert.Contains(profile.Publications, p => p.Abstract?.Contains("accessibility", StringComparison.Ordinal) == true); // read, and not taken
        Assert.DoesNotContain("accessibility", profile.Topics);
    }
}
