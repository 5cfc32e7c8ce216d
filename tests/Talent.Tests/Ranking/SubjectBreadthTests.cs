using Talent.Profiles.Merging;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// A query of a few words names a subject, and who works on it shows in how much they wrote on it: ten papers on
/// speech synthesis come before five, even when the author of the five says the subject in their headline (which puts
/// them first in Lucene's first pass), and ten papers co-authored on it before one first-authored. A title-long query
/// still reads the closest papers (<see cref="ProlificBiasTests"/>).
/// </summary>
public sealed class SubjectBreadthTests : IDisposable
{
    private const long Five = 1;
    private const long Ten = 2;

    private static readonly string[] Aspects =
    [
        "Prosody Modelling", "Low-Resource Languages", "Expressive Voices", "Streaming Vocoders", "Voice Cloning",
        "Duration Prediction", "Multi-Speaker Corpora", "Emotion Control", "Diffusion Decoders", "Text Normalisation",
    ];

    private static readonly Dictionary<long, CandidateProfile> Profiles = new()
    {
        [Five] = new CandidateProfile
        {
            Name = "Fay Five",
            Headline = "Researcher in speech synthesis",
            Publications = [.. Aspects.Take(5).Select(a => Paper($"Speech Synthesis: {a}"))],
        },
        [Ten] = new CandidateProfile
        {
            Name = "Tom Ten",
            Publications = [.. Aspects.Select(a => Paper($"{a} for Speech Synthesis"))],
        },
    };

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_papers_on_a_subject_come_before_five_for_a_query_naming_it(bool withVectors)
    {
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors);
        var ids = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "speech synthesis", size: 10))).Results.Select(r => r.Id).ToList();
        Assert.Equal([Ten, Five], ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_export_lists_the_candidates_in_the_order_of_the_pages(bool withVectors)
    {
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors);
        var exported = index.Export(SearchTestCorpus.Request(q: "speech synthesis"), 100).Select(h => h.Id).ToList();
        Assert.Equal([Ten, Five], exported);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_co_authored_papers_on_a_subject_come_before_one_first_authored_paper(bool withVectors)
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Five] = new()
            {
                Name = "Jo Junior",
                Publications = [Paper("Speech Synthesis with Diffusion Decoders"), Paper("Robust Keyword Spotting"), Paper("Streaming Speaker Diarization")],
            },
            [Ten] = new()
            {
                Name = "Sam Senior",
                Publications = [.. Aspects.Select(a => SearchTestCorpus.Paper($"{a} for Speech Synthesis", "Interspeech", 2024, 4))],
            },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        var ids = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "speech synthesis", size: 10))).Results.Select(r => r.Id).ToList();
        Assert.Equal([Ten, Five], ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_two_authors_of_the_same_papers_the_first_author_comes_first(bool withVectors)
    {
        MergedPublication[] Papers(int position) =>
        [
            SearchTestCorpus.Paper("Expressive Speech Synthesis with Prosody Tokens", "Interspeech", 2024, position),
            SearchTestCorpus.Paper("Streaming Speech Synthesis on Device", "Interspeech", 2023, position),
        ];
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Five] = new() { Name = "Cai Coauthor", Publications = Papers(3) },
            [Ten] = new() { Name = "Fia First", Publications = Papers(1) },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        foreach (var query in new[] { "speech synthesis", "expressive speech synthesis with prosody tokens on device" })
        {
            var ids = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results.Select(r => r.Id).ToList();
            Assert.Equal([Ten, Five], ids);
        }
    }

    [Fact]
    public void Pages_of_a_one_word_query_cut_the_body_of_works_order()
    {
        // Fay says the word in her headline, which leads the first pass; Tom wrote twice as many papers on it.
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Five] = new() { Name = "Fay Five", Headline = "Researcher in vocoders", Publications = [.. Enumerable.Range(1, 3).Select(i => Paper($"Vocoders, Part {i}"))] },
            [Ten] = new() { Name = "Tom Ten", Publications = [.. Enumerable.Range(1, 6).Select(i => Paper($"Streaming Vocoders {i}"))] },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);
        List<Talent.Search.SearchHit> Page(int page, int size) =>
            SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "vocoders", page: page, size: size))).Results.ToList();

        var whole = Page(1, 10);
        Assert.True(whole.Single(h => h.Id == Five).Score > whole.Single(h => h.Id == Ten).Score, "the headline should lead the first pass");
        Assert.Equal([Ten, Five], whole.Select(h => h.Id));
        Assert.Equal([Ten, Five], Page(1, 1).Concat(Page(2, 1)).Select(h => h.Id));
    }

    [Fact]
    public void The_author_of_five_leads_the_first_pass()
    {
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, Profiles, withVectors: false);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "speech synthesis", size: 10))).Results;
        Assert.True(hits.Single(h => h.Id == Five).Score > hits.Single(h => h.Id == Ten).Score, "the headline should weigh more in words than five more titles");
    }

    [Fact]
    public void A_hit_has_papers_on_a_subject_only_when_it_holds_the_topic_and_papers_matching_its_words_otherwise()
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Five] = new() { Name = "Dana Devices", Topics = ["sequence parallelism"], Publications = [Paper("Sequence Parallelism across Devices")] },
            [Ten] = new() { Name = "Sam Scale", Publications = [Paper("Parallel Sequence Models at Scale")] },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);
        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "sequence parallelism", size: 10))).Results;

        Assert.Contains("1 paper on sequence parallelism (1 first-author), 1 at Interspeech", hits.Single(h => h.Id == Five).Highlights);
        Assert.Contains("1 paper matching sequence parallelism (1 first-author), 1 at Interspeech", hits.Single(h => h.Id == Ten).Highlights);
    }

    [Fact]
    public void A_hit_found_by_some_of_the_query_words_names_the_words_its_papers_hold()
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Five] = new() { Name = "Cody Compiler", Publications = [Paper("Automatic Code Generation for Stencil Kernels")] },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);
        var hit = Assert.Single(SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "video generation", size: 10))).Results);

        // Nobody holds both words, so search ranks by either: the paper is about code generation, not video generation.
        Assert.Contains("1 paper matching generation (1 first-author), 1 at Interspeech", hit.Highlights);
    }

    private static MergedPublication Paper(string title) => SearchTestCorpus.Paper(title, "Interspeech", 2024, 1);
}
