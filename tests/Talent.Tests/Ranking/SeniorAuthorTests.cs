using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// The last author of a list that names every author holds the senior author's place, and counts as the first author
/// does; a middle author counts less. A list cut short ("…, Ada Lovelace, et al.") does not make its last named the last
/// author, nor does a list in alphabetical order of surnames.
/// </summary>
public sealed class SeniorAuthorTests : IDisposable
{
    private const long Middle = 1;
    private const long Senior = 2;
    private const long Listed = 3;

    private static readonly string[] Others = ["Alan Turing", "Grace Hopper", "Edsger Dijkstra"];

    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_last_author_of_papers_on_a_subject_comes_before_a_middle_author_of_newer_ones(bool withVectors)
    {
        // The middle author's papers are two years newer: before the last author counted as the first, recency put them first.
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Middle] = new() { Name = "Mia Middle", Publications = Papers("Mia Middle", 2, 4, 2024) },
            [Senior] = new() { Name = "Sam Senior", Publications = Papers("Sam Senior", 4, 4, 2022) },
            [Listed] = new() { Name = "Lee Listed", Publications = Papers("Lee Listed", 3, 3, 2022, moreAuthors: true) },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors);
        foreach (var query in new[] { "speech synthesis", "expressive speech synthesis with prosody tokens on device" })
        {
            var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: query, size: 10))).Results;
            Assert.Equal([Senior, Middle, Listed], hits.Select(h => h.Id));
            Assert.All(hits.Single(h => h.Id == Senior).Evidence, e => Assert.True(e.LastAuthor));
            Assert.All(hits.Where(h => h.Id != Senior).SelectMany(h => h.Evidence), e => Assert.False(e.LastAuthor));
        }

        var card = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "speech synthesis", size: 10))).Results.Single(h => h.Id == Senior);
        Assert.Contains(card.Highlights, h => h.StartsWith("2 papers matching speech synthesis (2 last-author)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_place_of_a_list_in_alphabetical_order_of_surnames_is_not_the_senior_authors()
    {
        var profiles = new Dictionary<long, CandidateProfile>
        {
            [Middle] = new() { Name = "Zoe Zed", Publications = Papers("Zoe Zed", 4, 4, 2024, alphabetical: true) },
            [Senior] = new() { Name = "Sam Senior", Publications = Papers("Sam Senior", 4, 4, 2022) },
        };
        using var index = ModelVectors.Index(directory.Path, SearchTestCorpus.Catalogs, profiles, withVectors: false);

        var hits = SearchTestCorpus.Found(index.Search(SearchTestCorpus.Request(q: "speech synthesis", size: 10))).Results;

        Assert.Equal([Senior, Middle], hits.Select(h => h.Id));
        Assert.All(hits.Single(h => h.Id == Middle).Evidence, e => Assert.False(e.LastAuthor));
    }

    [Theory]
    [InlineData(new[] { "Ken Abe", "Mia Katabuchi", "Ada Lovelace" }, false)]
    [InlineData(new[] { "Abe K", "Katabuchi M", "Lovelace AA" }, false)] // surname first, as biomedical lists write names
    [InlineData(new[] { "Zed Z", "Abe K", "Lovelace AA" }, true)]
    [InlineData(new[] { "Ken Abe", "Zoe Zed", "Ada Lovelace" }, true)]
    public void A_list_is_in_alphabetical_order_by_its_surnames_whichever_end_of_a_name_they_stand_at(string[] authors, bool lastAuthor)
    {
        var publication = new Publication { Title = "Speech Synthesis", Authors = authors, AuthorPosition = authors.Length };

        Assert.Equal(lastAuthor, CandidateDocument.IsLastAuthor(publication));
    }

    /// <summary>Two papers on speech synthesis with <paramref name="owner"/> at <paramref name="position"/> of <paramref name="named"/> authors named.</summary>
    private static MergedPublication[] Papers(string owner, int position, int named, int year, bool moreAuthors = false, bool alphabetical = false) =>
    [
        Paper("Expressive Speech Synthesis with Prosody Tokens", owner, position, named, year, moreAuthors, alphabetical),
        Paper("Streaming Speech Synthesis on Device", owner, position, named, year, moreAuthors, alphabetical),
    ];

    private static MergedPublication Paper(string title, string owner, int position, int named, int year, bool moreAuthors, bool alphabetical)
    {
        var others = alphabetical ? Others.OrderBy(o => o.Split(' ')[^1], StringComparer.Ordinal).ToArray() : Others;
        var authors = others.Take(position - 1).Append(owner).Concat(others.Skip(position - 1).Take(named - position)).ToList();
        var paper = SearchTestCorpus.Paper(title, "Interspeech", year, position);
        return paper with { Publication = paper.Publication with { Authors = authors, MoreAuthors = moreAuthors } };
    }
}
