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
        var topics = Topics([], [.. OtherAbstracts, "Our system improves the accessibility of clusters to students."]);

        Assert.DoesNotContain("accessibility", topics);
    }

    [Fact]
    public void Two_abstracts_that_mention_a_topic_make_it_one()
    {
        var topics = Topics([], [.. OtherAbstracts, "Federated learning on phones.", "Secure aggregation for federated learning."]);

        Assert.Contains("federated learning", topics);
    }

    [Fact]
    public void In_a_short_body_of_work_one_abstract_is_enough()
    {
        var topics = Topics([], ["A self-supervised learning approach to depth from defocus.", "Detection in aerial images."]);

        Assert.Contains("self-supervised learning", topics);
    }

    [Fact]
    public void A_statement_makes_a_topic_at_once_and_comes_first()
    {
        var topics = Topics(["Interests: video generation", "Accessibility of Code Review Tools"], [.. OtherAbstracts, "Federated learning.", "Federated learning again."]);

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

    [Fact]
    public void Each_topic_keeps_the_statements_and_the_abstracts_it_comes_from()
    {
        var evidence = RepoPaths.Catalogs.Topics.Stated(
            [
                new("Research interests: video generation and diffusion models", TopicEvidenceKind.Interest),
                new("Scaling Video Generation on Small Clusters", TopicEvidenceKind.Title),
                new("Built the video generation service", TopicEvidenceKind.Role),
            ],
            [.. OtherAbstracts, "Federated learning on phones.", "Secure aggregation for federated learning.", "Video generation at scale."]);

        Assert.Equal(
            [
                "video generation Interest Research interests: video generation and diffusion models",
                "video generation Title Scaling Video Generation on Small Clusters",
                "video generation Role Built the video generation service",
                "diffusion model Interest Research interests: video generation and diffusion models",
                "federated learning Abstracts 2",
            ],
            evidence.Select(e => $"{e.Topic} {e.Kind} {e.Text ?? e.Abstracts.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(["video generation", "diffusion model", "federated learning"], TopicEvidence.TopicsOf(evidence));
        Assert.Equal("paper title “Scaling Video Generation on Small Clusters”", evidence[1].Describe());
        Assert.Equal("2 abstracts", evidence.Single(e => e.Topic == "federated learning").Describe());
    }

    [Fact]
    public void A_long_statement_is_kept_cut_to_a_bounded_length()
    {
        var title = "Video generation " + string.Concat(Enumerable.Repeat("with many more words ", 40));

        var evidence = Assert.Single(RepoPaths.Catalogs.Topics.Stated([new(title, TopicEvidenceKind.Title)], []));

        Assert.Equal(TopicEvidence.MaxText, evidence.Text!.Length);
        Assert.EndsWith("…", evidence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extracted_profile_has_evidence_for_every_topic_and_the_merge_keeps_each_sources_statement()
    {
        var extractor = new ProfileExtractor(RepoPaths.Catalogs);
        var cv = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("cv", "text/markdown",
            "# Ada Lovelace\n\nada@example.org\n\n## Research interests\n\n- Video generation\n\n## Publications\n\n1. **Ada Lovelace**, Bob Smith. *Federated Learning on Small Phones.* SOSP 2021.\n"))).Profile;
        var page = Assert.IsType<ExtractionResult.Accepted>(extractor.Extract(new DocumentInput("page", "text/markdown",
            "# Ada Lovelace\n\nada@example.org\n\nI work on video generation and on federated learning.\n"))).Profile;

        Assert.All(cv.Topics, t => Assert.Contains(cv.TopicEvidence, e => e.Topic == t));
        Assert.Contains(cv.TopicEvidence, e => e is { Topic: "federated learning", Kind: TopicEvidenceKind.Title, Text: "Federated Learning on Small Phones" });

        var merged = Talent.Profiles.Merging.ProfileMerger.Merge([new("cv", cv, DateTimeOffset.UnixEpoch), new("page", page, DateTimeOffset.UnixEpoch)]);
        var video = merged.TopicEvidence.Where(e => e.Value.Topic == "video generation").ToList();
        Assert.Equal(["cv", "page"], video.SelectMany(e => e.Sources).Order(StringComparer.Ordinal));
        Assert.All(merged.Topics, t => Assert.Contains(merged.TopicEvidence, e => e.Value.Topic == t));
    }

    [Theory]
    [InlineData("Zero-inflated modeling with smoothing on counting tensors", null)]
    [InlineData("ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", "ZeRO")]
    [InlineData("Retrieving a video clip from a sentence", null)]
    [InlineData("Fine-grained prompts for CLIP", "vision-language models")]
    [InlineData("Rag rugs and their makers", null)]
    [InlineData("RAG for legal search", "retrieval-augmented generation")]
    [InlineData("Notes with Moe Tanaka", null)]
    [InlineData("Sparse MoE layers", "mixture of experts")]
    public void An_acronym_topic_is_found_as_the_catalog_writes_it_not_as_the_ordinary_word_it_spells(string title, string? topic)
    {
        var topics = TopicEvidence.TopicsOf(RepoPaths.Catalogs.Topics.Stated([new TopicStatement(title, TopicEvidenceKind.Title)], []));

        Assert.Equal(topic is null ? [] : [topic], topics.Where(t => t is "ZeRO" or "vision-language models" or "retrieval-augmented generation" or "mixture of experts"));
    }

    [Fact]
    public void A_query_naming_an_acronym_topic_in_any_case_still_finds_it() =>
        Assert.Equal("ZeRO", RepoPaths.Catalogs.Topics.Find("zero")?.Name);

    private static IReadOnlyList<string> Topics(string[] statements, string[] abstracts) =>
        TopicEvidence.TopicsOf(RepoPaths.Catalogs.Topics.Stated(statements.Select(s => new TopicStatement(s, TopicEvidenceKind.Interest)), abstracts));
}
