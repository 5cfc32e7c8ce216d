using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Matching;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>Fit of candidates to a job or paper description: ranked by body of work, in [0, 1], comparable across descriptions.</summary>
public sealed class CandidateMatchTests : IDisposable
{
    private const string ProteinAbstract = "We predict protein structure from amino acid sequences with attention models trained on GPU clusters.";

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_candidate_whose_papers_match_the_description_ranks_first()
    {
        using var index = OpenWithThree();
        var response = index.Match(Match("Parallel training of transformers over long sequences: dynamic sequence parallelism across GPUs"));

        Assert.Equal(PersonA, response.Results[0].Id);
        Assert.All(response.Results, hit => Assert.InRange(hit.Fit, 0, 1));
        Assert.True(response.Results[0].Fit > response.Results[^1].Fit);
        Assert.Contains(response.Results[0].Evidence, p => p.Title.StartsWith("DSP", StringComparison.Ordinal));
    }

    [Fact]
    public void A_description_equal_to_a_one_paper_candidates_paper_fits_fully()
    {
        using var index = OpenWithThree();
        var hit = Assert.Single(index.Match(Match("Protein folding at scale\n" + ProteinAbstract, candidateId: 303)).Results);

        Assert.Equal(303, hit.Id);
        Assert.Equal(1, hit.Fit, 6);
    }

    [Fact]
    public void A_candidate_id_scores_only_that_candidate_even_when_nothing_matches()
    {
        using var index = OpenWithThree();
        var hit = Assert.Single(index.Match(Match("medieval poetry and manuscripts", candidateId: PersonB)).Results);
        Assert.Equal(PersonB, hit.Id);
        Assert.Equal(0, hit.Fit);
        Assert.Empty(index.Match(Match("medieval poetry", candidateId: 999)).Results);
    }

    [Fact]
    public void Catalog_topics_the_description_names_raise_the_fit_of_candidates_holding_them()
    {
        using var index = OpenWithThree();
        var response = index.Match(Match("We look for experience in CTR prediction and large batch training."));
        var top = response.Results[0];
        Assert.Equal(PersonB, top.Id);
        Assert.Equal(["large batch training", "CTR prediction"], top.Matches.Topics.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Similar_candidates_exclude_the_candidate_asked_about()
    {
        using var index = OpenWithThree();
        var response = index.Similar(PersonA, 10);
        Assert.NotNull(response);
        Assert.DoesNotContain(response.Results, h => h.Id == PersonA);
        Assert.Equal([PersonB, 303L], response.Results.Select(h => h.Id).Order().ToArray());
        Assert.Null(index.Similar(999, 10));
    }

    [Fact]
    public void Topics_a_papers_abstract_names_in_passing_do_not_put_the_people_holding_them_before_its_author()
    {
        // A paper as description, as expert finding asks "who wrote this?": its abstract names two catalog topics in passing.
        const string description = "Curriculum sampling for sparse reward exploration\n"
            + "Agents that explore with sparse rewards waste most of their samples. We order the start states of exploration by "
            + "a curriculum learned from the agent's own failures, so that sampling reaches the sparse reward sooner. Unlike "
            + "reinforcement learning methods that shape the reward, the curriculum keeps the task unchanged; the same sampling "
            + "also orders the questions of a question answering agent by difficulty. Exploration needs a tenth of the samples.";
        using var index = CandidateIndex.OpenForWriting(directory.Path, ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")), NullLogger.Instance);
        index.Upsert(1, new CandidateProfile
        {
            Name = "Ana Author",
            Publications = [new MergedPublication(new Publication { Title = "Start states from failures", Abstract = "Agents restart from the states where they failed, and reach sparse rewards sooner.", Year = 2022 }, [])],
        }, BaseTime);
        index.Upsert(2, new CandidateProfile
        {
            Name = "Tom Topics",
            Topics = ["reinforcement learning", "question answering"],
            Publications = [new MergedPublication(new Publication { Title = "Reward models for dialogue agents", Abstract = "We learn reward models from human preferences over dialogue turns.", Year = 2023 }, [])],
        }, BaseTime);
        index.Commit(2);

        var response = index.Match(Match(description));

        Assert.Equal([1L, 2L], response.Results.Select(h => h.Id));
        // The topics Tom holds still show, and still raise his fit: it says how much of what the description names he covers.
        Assert.Equal(["question answering", "reinforcement learning"], response.Results[1].Matches.Topics.Order(StringComparer.Ordinal));
        Assert.True(response.Results[1].Fit > response.Results[1].Signals!.Words, $"fit {response.Results[1].Fit}, words {response.Results[1].Signals!.Words}");
    }

    [Fact]
    public void A_candidate_changed_or_removed_after_a_match_is_read_as_the_index_holds_them_now()
    {
        using var index = OpenWithThree();
        var search = new SearchRequest { Query = "protein folding" };
        Assert.Equal(["Protein folding at scale"], index.Match(Match("protein folding", candidateId: 303)).Results.Single().Evidence.Select(p => p.Title));
        Assert.Equal("Cy Protein", Searched(index, search).Single().Name);

        index.Upsert(303, new CandidateProfile
        {
            Name = "Cy Proteome",
            Publications = [new MergedPublication(new Publication { Title = "Protein folding with language models", Abstract = ProteinAbstract, Year = 2024 }, [])],
        }, BaseTime.AddDays(1));
        index.Commit(4);

        Assert.Equal(["Protein folding with language models"], index.Match(Match("protein folding", candidateId: 303)).Results.Single().Evidence.Select(p => p.Title));
        Assert.Equal("Cy Proteome", Searched(index, search).Single().Name);
        Assert.Equal("Cy Proteome", index.Match(Match("protein folding with language models")).Results[0].Name);

        index.Delete(303);
        index.Commit(5);
        Assert.DoesNotContain(index.Match(Match("protein folding")).Results, h => h.Id == 303);
        Assert.DoesNotContain(Searched(index, search), h => h.Id == 303);
    }

    [Theory]
    [InlineData("", null, null, "text")]
    [InlineData("   ", null, null, "text")]
    [InlineData("text", null, 0, "top")]
    [InlineData("text", null, 101, "top")]
    [InlineData("text", 0L, null, "candidateId")]
    public void Bad_match_requests_name_the_field(string text, long? candidateId, int? top, string field)
    {
        var (request, errors) = MatchRequest.Create(text, candidateId, top);
        Assert.Null(request);
        Assert.True(errors.ContainsKey(field));
    }

    [Fact]
    public void An_oversized_description_is_rejected_with_the_limit()
    {
        var (_, errors) = MatchRequest.Create(new string('a', MatchRequest.MaxTextLength + 1), null, null);
        Assert.Contains(MatchRequest.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), errors["text"][0], StringComparison.Ordinal);
    }

    private static IReadOnlyList<SearchHit> Searched(CandidateIndex index, SearchRequest request) =>
        Assert.IsType<SearchOutcome.Found>(index.Search(request)).Response.Results;

    private static MatchRequest Match(string text, long? candidateId = null)
    {
        var (request, errors) = MatchRequest.Create(text, candidateId, null);
        Assert.Empty(errors);
        return request!; // Create returns a request whenever there are no errors, asserted above.
    }

    private CandidateIndex OpenWithThree()
    {
        var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        index.Upsert(PersonA, PersonAProfile, BaseTime);
        index.Upsert(PersonB, PersonBProfile, BaseTime);
        index.Upsert(303, new CandidateProfile
        {
            Name = "Cy Protein",
            Publications = [new MergedPublication(new Publication { Title = "Protein folding at scale", Abstract = ProteinAbstract, Year = 2023 }, [])],
        }, BaseTime);
        index.Commit(3);
        return index;
    }
}
