using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Search by body of work does not reward the number of papers: the author of a few papers close to a query comes
/// before someone whose many papers each hold a word or two of it, and a query as long as a paper's title finds a
/// candidate who lacks some of its words (a whole record holding every word is a test of vocabulary the prolific pass),
/// where a short query lists that candidate only after everyone holding every word.
/// </summary>
public sealed class ProlificBiasTests : IDisposable
{
    private const long Author = 1;
    private const long Prolific = 2;
    private const long FewerWords = 3;

    private static readonly string[] Subjects =
    [
        "Learning to Rank for Web Search", "Representation Theory of Finite Groups", "Speech Act Classification in Dialogue",
        "Contrastive Analysis of Programming Languages", "Robust Control of Quadrotors", "Learning Rate Schedules for Compilers",
    ];

    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [Author] = new CandidateProfile
        {
            Name = "Ana Author",
            Publications =
            [
                Paper("Contrastive Learning of Speech Representations", 2024),
                Paper("Self-Supervised Speech Representation Learning with Contrastive Objectives", 2023),
                Paper("Streaming Speaker Diarization", 2022),
            ],
        },
        [Prolific] = new CandidateProfile
        {
            Name = "Pat Prolific",
            Publications = [.. Enumerable.Range(0, 60).Select(i => Paper($"{Subjects[i % Subjects.Length]}, Part {i + 1}", 2024 - (i % 3)))],
        },
        [FewerWords] = new CandidateProfile
        {
            Name = "Fei Fewer",
            Publications = [Paper("Speaker Verification with Contrastive Speech Embeddings", 2024)],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_author_of_close_papers_comes_before_many_papers_that_each_hold_a_word_of_the_query(bool withVectors)
    {
        using var index = Open(withVectors);
        var ids = Ids(index, "contrastive learning of speech representations");
        Assert.True(ids.Contains(Prolific), $"order {string.Join(", ", ids)}"); // every word is somewhere in the record
        Assert.True(ids.IndexOf(Author) < ids.IndexOf(Prolific), $"order {string.Join(", ", ids)}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_query_as_long_as_a_title_finds_candidates_without_every_word_and_a_short_one_lists_them_after_every_exact_hit(bool withVectors)
    {
        using var index = Open(withVectors);
        var ids = Ids(index, "contrastive learning of robust speech representations for speaker verification");
        Assert.Equal([Author, FewerWords], ids.Take(2).Order());
        Assert.Equal(Prolific, ids[2]);

        // A short query needs every word: the candidate without one of them comes after everyone holding all, as a near match.
        var shortQuery = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "contrastive speech representations", size: 10))).Results;
        Assert.Equal([Author, Prolific], shortQuery.Take(2).Select(r => r.Id).Order());
        Assert.Equal(FewerWords, shortQuery[^1].Id);
        Assert.True(shortQuery[^1].NearMatch);
    }

    private static List<long> Ids(CandidateIndex index, string query) =>
        SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results.Select(r => r.Id).ToList();

    private CandidateIndex Open(bool vectors) => ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, vectors);

    private static MergedPublication Paper(string title, int year) => SearchTestCorpus.Paper(title, "Interspeech", year, 1);
}
