using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

public sealed class CandidateRankingTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Video_generation_returns_both_candidates()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("video generation")));
        Assert.Equal(2, response.Total);
        Assert.Equal([PersonA, PersonB], response.Results.Select(r => r.Id).Order().ToArray());
        Assert.All(response.Results, r => Assert.Contains("video generation", r.Matches.Topics));
    }

    [Theory]
    [InlineData("large batch training", PersonB)]
    [InlineData("sequence parallelism", PersonA)]
    [InlineData("CTR prediction", PersonB)]
    [InlineData("activation memory compiler", PersonA)]
    [InlineData("venue:neurips", PersonB)]
    public void Free_text_ranks_the_expected_candidate_first(string query, long expectedFirst)
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request(query)));
        Assert.NotEmpty(response.Results);
        Assert.Equal(expectedFirst, response.Results[0].Id);
    }

    [Theory]
    [InlineData("ICLR", PersonA, 2)]
    [InlineData("iclr", PersonA, 2)]
    [InlineData("NeurIPS", PersonB, 2)]
    [InlineData("Advances in Neural Information Processing Systems", PersonB, 2)]
    public void Venue_filter_ranks_the_candidate_with_more_papers_there_first(string venue, long expectedFirst, int papers)
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request(venues: [venue])));
        var first = response.Results[0];
        Assert.Equal(expectedFirst, first.Id);
        Assert.Equal(papers, Assert.Single(first.Matches.Venues).Count);
        Assert.All(first.Evidence.Take(papers), e => Assert.Equal(first.Matches.Venues[0].Venue, e.Venue));
    }

    [Fact]
    public void Skill_filter_PyTorch_ranks_B_first()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request(skills: ["pytorch"])));
        Assert.Equal(PersonB, response.Results[0].Id);
        Assert.Equal(["PyTorch"], response.Results[0].Matches.Skills);
    }

    [Fact]
    public void Sequence_parallelism_evidence_puts_the_first_author_paper_first()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("sequence parallelism")));
        var a = response.Results.Single(r => r.Id == PersonA);
        Assert.StartsWith("DSP:", a.Evidence[0].Title, StringComparison.Ordinal);
        Assert.True(a.Evidence[0].FirstAuthor);
        var b = response.Results.Single(r => r.Id == PersonB);
        Assert.Contains(b.Evidence, e => e.Title.StartsWith("DSP:", StringComparison.Ordinal) && !e.FirstAuthor);
    }

    [Fact]
    public void Since_keeps_only_candidates_with_a_paper_in_or_after_the_year_at_the_requested_venues()
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(0, Found(index.Search(Request(venues: ["NeurIPS"], since: 2024))).Total);
        var iclr = Found(index.Search(Request(venues: ["ICLR"], since: 2025)));
        Assert.Equal(2, iclr.Total);
        Assert.All(iclr.Results, r => Assert.Equal(new VenueCount("ICLR", 1), Assert.Single(r.Matches.Venues)));
        var recent = Found(index.Search(Request(since: 2025)));
        Assert.Equal(2, recent.Total);
        Assert.All(recent.Results, r => Assert.All(r.Evidence, e => Assert.True(e.Year >= 2025)));
    }

    [Fact]
    public void Words_that_not_all_match_fall_back_to_any_word()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("compiler protein zebra")));
        Assert.Equal(PersonA, Assert.Single(response.Results).Id);
    }

    [Fact]
    public void Quoted_phrase_and_boolean_operators_are_understood()
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(PersonB, Assert.Single(Found(index.Search(Request("\"large batch training\" NOT compiler"))).Results).Id);
        Assert.Equal(PersonA, Assert.Single(Found(index.Search(Request("title:autochunk"))).Results).Id);
        Assert.Equal(2, Found(index.Search(Request("cowclip OR autochunk"))).Total);
    }

    [Fact]
    public void Negation_alone_means_everyone_but()
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(PersonB, Assert.Single(Found(index.Search(Request("NOT compiler"))).Results).Id);
    }

    [Fact]
    public void Evidence_leaves_out_papers_matching_only_part_of_the_query()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("sequence parallelism")));
        var b = response.Results.Single(r => r.Id == PersonB);
        Assert.Equal("DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers", Assert.Single(b.Evidence).Title);
        Assert.Equal(new VenueCount("ICLR", 1), Assert.Single(b.Matches.Venues));
    }

    [Fact]
    public void Topic_filter_prefers_the_candidate_whose_first_author_work_is_on_it()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request(topics: ["Sequence Parallelism"])));
        Assert.Equal(2, response.Total);
        Assert.Equal(PersonA, response.Results[0].Id);
        Assert.Equal(["sequence parallelism"], response.Results[0].Matches.Topics);
    }

    [Theory]
    [InlineData("CTR prediction", null)]
    [InlineData(null, "PyTorch")]
    public void A_filter_ranks_first_the_holder_whose_work_names_it_a_topic_even_by_a_synonym(string? topic, string? skill)
    {
        // Two holders alike but for one text: a paper title naming the topic by its synonym, a role naming the skill.
        // Equal scores would put the higher id (the other one) first.
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        static CandidateProfile Holder(string title, string highlight) => new()
        {
            Name = "Holder",
            Publications = [Paper(title, "AAAI", 2023, 1)],
            Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Organization = "Lab", Title = "Engineer", Highlights = [highlight] }, ["s"])],
            Skills = ["PyTorch"],
            Topics = ["CTR prediction"],
        };
        index.Upsert(303, Holder("Scaling Click-Through Rate Prediction Models", "Wrote custom PyTorch kernels"), BaseTime);
        index.Upsert(404, Holder("Scaling Recommendation Models", "Wrote custom GPU kernels"), BaseTime);
        index.Commit(2);

        var response = Found(index.Search(Request(topics: topic is null ? null : [topic], skills: skill is null ? null : [skill])));

        Assert.Equal([303L, 404L], response.Results.Select(r => r.Id).ToArray());
        Assert.True(response.Results[0].Score > response.Results[1].Score);
    }

    [Fact]
    public void Catalog_synonyms_and_field_filters_in_the_query_are_canonicalised()
    {
        using var index = OpenWithBoth(directory);
        Assert.Equal(PersonB, Assert.Single(Found(index.Search(Request("click-through rate prediction"))).Results).Id);
        Assert.Equal(PersonB, Assert.Single(Found(index.Search(Request("skill:torch"))).Results).Id);
        Assert.Equal(PersonA, Assert.Single(Found(index.Search(Request("venue:ppopp since:2024"))).Results).Id);
        Assert.Equal(2, Found(index.Search(Request("topic:\"video generation\" institution:\"National University of Singapore\""))).Total);
    }

    [Fact]
    public void Venue_filter_weighs_first_author_papers_above_the_same_count_as_coauthor()
    {
        using var index = OpenWithBoth(directory);
        index.Upsert(303, PersonBProfile with { Name = "Coauthor", Publications = [Paper("A", "MLSys", 2024, 3), Paper("B", "MLSys", 2023, 2)] }, BaseTime);
        index.Upsert(404, PersonBProfile with { Name = "Lead", Publications = [Paper("C", "MLSys", 2024, 1), Paper("D", "MLSys", 2023, 1)] }, BaseTime);
        index.Commit(3);
        var response = Found(index.Search(Request(venues: ["MLSys"])));
        Assert.Equal([404L, 303L, PersonA], response.Results.Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Evidence_matches_abstracts_with_stemming()
    {
        using var index = OpenWithBoth(directory);
        var withAbstract = new Talent.Profiles.Merging.MergedPublication(
            new Talent.Profiles.Publication { Title = "Small Models, Big Teachers", Venue = "AAAI", Year = 2022, Kind = Talent.Profiles.PublicationKind.Conference, FirstAuthor = false, Abstract = "We study knowledge distillation for compact students." },
            []);
        index.Upsert(505, PersonBProfile with { Name = "Distiller", Publications = [withAbstract] }, BaseTime);
        index.Commit(3);

        var response = Found(index.Search(Request("distilled")));
        var hit = Assert.Single(response.Results);
        Assert.Equal(505, hit.Id);
        Assert.Equal(new Evidence("Small Models, Big Teachers", "AAAI", 2022, false), Assert.Single(hit.Evidence));
        Assert.Equal(new VenueCount("AAAI", 1), Assert.Single(hit.Matches.Venues));
    }

    [Fact]
    public void A_page_past_the_end_is_empty_but_keeps_the_total_and_facets()
    {
        using var index = OpenWithBoth(directory);
        var response = Found(index.Search(Request("video generation", page: 3, size: 1)));
        Assert.Equal(2, response.Total);
        Assert.Empty(response.Results);
        Assert.Contains(new FacetValue("video generation", 2), response.Facets.Topics);
        Assert.Equal(new FacetValue("ICLR", 2), response.Facets.Venues[0]);
    }
}
