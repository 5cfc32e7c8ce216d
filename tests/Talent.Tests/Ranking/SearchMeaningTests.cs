using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Matching;
using Talent.Search.Ranking;
using Talent.Tests.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Ranking;

/// <summary>
/// Search with sentence vectors: among hits the words rank alike, the candidate whose work is closer in meaning to the
/// query comes first; without vectors (or a candidate's not computed yet) the order is the words' and --explain says so.
/// </summary>
public sealed class SearchMeaningTests : IDisposable
{
    private const long First = 11;
    private const long Second = 12;
    private const long Third = 13;

    private static readonly float[] Query = [1f, 0f];
    private static readonly float[] Close = [0.8f, 0.6f]; // unit vectors, as the model's are
    private static readonly float[] Far = [0.6f, 0.8f];

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_candidate_closer_in_meaning_ranks_first_whichever_it_is()
    {
        using var index = Open(new SearchOptions());
        var byWords = Ids(index.Search(Request()));

        index.Vectors = new FakeVectors(new() { [First] = Vectors(Far), [Second] = Vectors(Close), [Third] = Vectors(Far) });
        Assert.Equal(Second, Ids(index.Search(Request()))[0]);

        index.Vectors = new FakeVectors(new() { [First] = Vectors(Far), [Second] = Vectors(Far), [Third] = Vectors(Close) });
        Assert.Equal(Third, Ids(index.Search(Request()))[0]);

        // Words alone: the order the vectors changed is back.
        index.Vectors = null;
        Assert.Equal(byWords, Ids(index.Search(Request())));
    }

    [Fact]
    public void Explain_says_hybrid_with_the_meaning_or_why_words_alone()
    {
        using var index = Open(new SearchOptions());
        index.Vectors = new FakeVectors(new() { [First] = Vectors(Close), [Second] = Vectors(Far) });
        var hits = Found(index.Search(Request() with { Explain = true })).Results.ToDictionary(h => h.Id);

        Assert.Equal(CandidateMatch.Hybrid, hits[First].Ranker);
        Assert.Equal(CandidateMatch.Hybrid, hits[Second].Ranker);
        Assert.InRange(hits[Second].Meaning!.Value, 0.01, hits[First].Meaning!.Value - 0.01); // the closer paper counts more
        Assert.Equal(CandidateMatch.NoVectorsYet, hits[Third].Ranker);
        Assert.Null(hits[Third].Meaning);

        index.Vectors = new FakeVectors(new() { [First] = Vectors(Close) }, queryVector: false);
        Assert.All(Found(index.Search(Request() with { Explain = true })).Results, h => Assert.Equal("lexical: no sentence vector for the query", h.Ranker));

        index.Vectors = null;
        Assert.All(Found(index.Search(Request() with { Explain = true })).Results, h => Assert.Equal(CandidateMatch.LexicalOnly, h.Ranker));
        Assert.All(Found(index.Search(Request())).Results, h => Assert.Null(h.Ranker)); // only when explaining
    }

    [Fact]
    public void Explain_gives_the_value_the_hits_are_ordered_by_and_its_parts()
    {
        using var index = Open(new SearchOptions());
        index.Vectors = new FakeVectors(new() { [First] = Vectors(Far), [Second] = Vectors(Far), [Third] = Vectors(Close) });
        var hits = Found(index.Search(Request() with { Explain = true })).Results;

        // Meaning moved the third candidate up: the value it is ordered by is the highest, the best hit's own.
        Assert.Equal(Third, hits[0].Id);
        var orders = hits.Select(h => h.Order ?? throw new Xunit.Sdk.XunitException($"no order for {h.Id}")).ToList();
        Assert.Equal(orders.Select(o => o.Value).OrderDescending(), orders.Select(o => o.Value));
        Assert.Equal(1, orders[0].Value);

        // The same words for everyone: by words alone they tie, by meaning alone the third is best and the others alike.
        Assert.All(orders, o => Assert.Equal(1, o.BodyOfWork));
        Assert.All(orders, o => Assert.Equal(1, o.Words));
        Assert.Equal(1, orders[0].Meaning);
        Assert.InRange(orders[1].Meaning!.Value, 0.01, 0.99);
        Assert.Equal(orders[1].Meaning, orders[2].Meaning);

        Assert.All(Found(index.Search(Request())).Results, h => Assert.Null(h.Order)); // only when explaining
    }

    [Fact]
    public void A_semantic_share_of_zero_ranks_by_words_alone()
    {
        using var index = Open(new SearchOptions { Semantic = 0 });
        var byWords = Ids(index.Search(Request()));
        index.Vectors = new FakeVectors(new() { [First] = Vectors(Far), [Second] = Vectors(Far), [Third] = Vectors(Close) });

        Assert.Equal(byWords, Ids(index.Search(Request())));
        Assert.All(Found(index.Search(Request() with { Explain = true })).Results, h => Assert.Equal(CandidateMatch.LexicalOnly, h.Ranker));
    }

    [Fact]
    public void A_single_hit_is_explained_like_any_other()
    {
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        index.Upsert(First, new CandidateProfile { Name = "Researcher alone", Publications = [Paper("Diffusion models for long video generation", "CVPR", 2024, 1)] }, BaseTime);
        index.Commit(1);
        index.Vectors = new FakeVectors(new() { [First] = Vectors(Close) });

        var hit = Assert.Single(Found(index.Search(Request() with { Explain = true })).Results);
        Assert.Equal(CandidateMatch.Hybrid, hit.Ranker);
        Assert.Equal(1, hit.Order?.Value);
    }

    [Fact]
    public void Meaning_reads_the_vectors_of_the_best_50_hits_and_explain_says_so_below_them()
    {
        var ids = Enumerable.Range(100, 60).Select(i => (long)i).ToList();
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        foreach (var id in ids)
        {
            index.Upsert(id, new CandidateProfile { Name = "Researcher " + id, Publications = [Paper("Diffusion models for long video generation", "CVPR", 2024, 1)] }, BaseTime);
        }

        index.Commit(ids.Count);
        index.Vectors = new FakeVectors(ids.ToDictionary(id => id, _ => Vectors(Close)));
        var hits = Found(index.Search(SearchRequest.Create("video generation", null, null, null, null, 1, ids.Count).Request! with { Explain = true })).Results;

        Assert.Equal(ids.Count, hits.Count);
        // Everyone ties here, so the two groups may interleave: 50 were read, the rest were not.
        Assert.Equal(50, hits.Count(h => h.Ranker == CandidateMatch.Hybrid));
        Assert.Equal(10, hits.Count(h => h.Ranker == "lexical: below the best hits that meaning re-ranks"));
    }

    private CandidateIndex Open(SearchOptions options)
    {
        var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance, options);
        foreach (var id in new[] { First, Second, Third })
        {
            // The same words for everyone: only meaning can tell them apart.
            index.Upsert(id, new CandidateProfile
            {
                Name = "Researcher " + id,
                Publications = [Paper("Diffusion models for long video generation", "CVPR", 2024, 1)],
            }, BaseTime);
        }

        index.Commit(3);
        return index;
    }

    private static SearchRequest Request() => SearchRequest.Create("video generation", null, null, null, null, 1, 10).Request!;

    private static SearchResponse Found(SearchOutcome outcome) => Assert.IsType<SearchOutcome.Found>(outcome).Response;

    private static List<long> Ids(SearchOutcome outcome) => Found(outcome).Results.Select(h => h.Id).ToList();

    private static CandidateVectors Vectors(float[] paper) =>
        new(new Dictionary<string, float[]> { ["Diffusion models for long video generation"] = paper }, null);

    private sealed class FakeVectors(Dictionary<long, CandidateVectors> vectors, bool queryVector = true) : ICandidateVectorSource
    {
        public float[]? Query(string text, CancellationToken cancellationToken) => queryVector ? SearchMeaningTests.Query : null;

        public CandidateVectors? Find(long candidateId) => vectors.GetValueOrDefault(candidateId);
    }
}
