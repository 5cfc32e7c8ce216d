using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;

namespace Talent.Tests.Search;

/// <summary>A temporary index directory, deleted with the test.</summary>
internal sealed class TempIndexDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talent-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>
/// Two synthetic researchers who mirror the seed situation: A is first author of the sequence-parallelism
/// and activation-memory work; B is fourth author on the same sequence-parallelism paper and first author
/// of large-batch / CTR work with two NeurIPS papers.
/// </summary>
internal static class SearchTestCorpus
{
    public const long PersonA = 101;
    public const long PersonB = 202;

    public static readonly DateTimeOffset BaseTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ProfileCatalogs Catalogs { get; } = new(
        new VenueCatalog(
        [
            new VenueInfo("ICLR", "International Conference on Learning Representations", "machine learning", "A*", ["ICLR"], "conference"),
            new VenueInfo("NeurIPS", "Advances in Neural Information Processing Systems", "machine learning", "A*", ["Neurips", "NIPS"], "conference"),
            new VenueInfo("MLSys", "Conference on Machine Learning and Systems", "systems", "A", ["MLSys"], "conference"),
            new VenueInfo("PPoPP", "Principles and Practice of Parallel Programming", "systems", "A", ["PPoPP"], "conference"),
            new VenueInfo("AAAI", "AAAI Conference on Artificial Intelligence", "artificial intelligence", "A*", ["AAAI"], "conference"),
            new VenueInfo("arXiv", "arXiv preprint", "preprint", "C", ["arxiv preprint"], "preprint"),
        ]),
        new SkillCatalog(
        [
            new SkillInfo("PyTorch", "framework", ["torch"]),
            new SkillInfo("CUDA", "language", null),
            new SkillInfo("Rust", "language", null),
        ]),
        new TopicCatalog(
        [
            new TopicInfo("video generation", ["text-to-video"], ["diffusion model"]),
            new TopicInfo("sequence parallelism", ["context parallelism"], null),
            new TopicInfo("large batch training", ["large-batch optimization"], null),
            new TopicInfo("CTR prediction", ["click-through rate prediction"], null),
        ]));

    public static CandidateProfile PersonAProfile { get; } = new()
    {
        Name = "Ada Xu",
        Headline = "PhD student working on efficient machine learning systems",
        Publications =
        [
            Paper("DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers", "ICLR", 2025, 1),
            Paper("AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference", "ICLR", 2024, 1),
            Paper("HeteGen: Heterogeneous Parallel Inference for Large Language Models on Resource-Constrained Devices", "MLSys", 2024, 2),
            Paper("FastFold: Optimizing Protein Structure Prediction Model Training on GPU Clusters", "PPoPP", 2024, 3),
            Paper("Real-Time Video Generation with Pyramid Attention Broadcast", "arXiv", 2024, 1, PublicationKind.Preprint),
        ],
        Experience =
        [
            new Sourced<ExperienceEntry>(
                new ExperienceEntry
                {
                    Organization = "Pika",
                    Title = "Research Intern",
                    Highlights = ["Designed a compiler to reduce the activation memory of video models"],
                },
                ["a"]),
        ],
        Skills = ["CUDA"],
        Topics = ["sequence parallelism", "video generation"],
        Interests = ["efficient training and inference of large models"],
        Institutions = ["National University of Singapore"],
    };

    public static CandidateProfile PersonBProfile { get; } = new()
    {
        Name = "Bo Zheng",
        Headline = "PhD student in machine learning",
        Publications =
        [
            Paper("DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers", "ICLR", 2025, 4),
            Paper("CowClip: Reducing CTR Prediction Model Training Time from 12 hours to 10 minutes on 1 GPU", "AAAI", 2023, 1),
            Paper("Response Length Perception and Sequence Scheduling: An LLM-Empowered LLM Inference Pipeline", "NeurIPS", 2023, 1),
            Paper("Preventing Zero-Shot Transfer Degradation in Continual Learning of Vision-Language Models", "NeurIPS", 2023, 1),
            Paper("Open-Sora: Democratizing Efficient Video Production for All", "arXiv", 2024, 1, PublicationKind.Preprint),
        ],
        Experience =
        [
            new Sourced<ExperienceEntry>(
                new ExperienceEntry
                {
                    Organization = "ByteDance",
                    Title = "Research Intern",
                    Highlights = ["Scaled large batch training for recommendation models"],
                },
                ["b"]),
        ],
        Skills = ["PyTorch"],
        Topics = ["large batch training", "CTR prediction", "video generation", "sequence parallelism"],
        Interests = ["large batch training", "efficient video generation"],
        Institutions = ["National University of Singapore"],
    };

    public static CandidateIndex OpenWithBoth(TempIndexDirectory directory)
    {
        var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        index.Upsert(PersonA, PersonAProfile, BaseTime);
        index.Upsert(PersonB, PersonBProfile, BaseTime.AddDays(1));
        index.Commit(2);
        return index;
    }

    public static SearchRequest Request(string? q = null, string[]? skills = null, string[]? topics = null, string[]? venues = null, int? since = null, int? page = null, int? size = null)
    {
        var (request, errors) = SearchRequest.Create(q, skills, topics, venues, since, page, size);
        Assert.Empty(errors);
        return request!; // Create returns a request whenever there are no errors, asserted above.
    }

    public static SearchResponse Found(SearchOutcome outcome) =>
        Assert.IsType<SearchOutcome.Found>(outcome).Response;

    public static MergedPublication Paper(string title, string venue, int year, int position, PublicationKind kind = PublicationKind.Conference) =>
        new(
            new Publication
            {
                Title = title,
                Venue = venue,
                Year = year,
                Kind = kind,
                AuthorPosition = position,
                FirstAuthor = position == 1,
            },
            [new VenueClaim("src", venue, venue, year, kind)]);
}
