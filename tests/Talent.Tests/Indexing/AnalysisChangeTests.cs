using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server.Indexing;

namespace Talent.Tests.Indexing;

/// <summary>
/// An index made with another analysis of words (an older Talent, another <c>config/compounds.json</c>) misses queries
/// analysed the new way: the index says so, and a process that writes it rebuilds it in the background when it starts.
/// </summary>
public sealed class AnalysisChangeTests
{
    private const string FrontEndDeveloper = "# Ana Apart\n\nFront End Developer at Pixel Works.\n\n## Experience\n\n- Front End Developer, Pixel Works, 2020 - present\n";

    [Fact]
    public async Task A_worker_that_finds_its_index_made_with_other_compounds_rebuilds_it_and_the_new_spelling_finds_the_candidate()
    {
        using var older = new TempDirectory();
        using var catalogs = new TempDirectory();
        TestPaths.CopyCatalogs(catalogs.Path, except: "compounds.json");

        var folder = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = older.Path,
            ["Talent:Index:Directory"] = Path.Combine(older.Path, "indexes"),
        };

        // Made by a Talent without compounds: "front" and "end" are two terms in the index.
        string oldGeneration;
        await using (var first = await TalentTestHost.StartAsync(new(folder, StringComparer.Ordinal) { ["Talent:Catalogs:Directory"] = catalogs.Path }))
        {
            await first.SubmitAsync("test:ana", "text/markdown", FrontEndDeveloper);
            await first.WaitForIndexAsync();
            Assert.False(first.Get<LiveIndex>().Current.AnalysisChanged);
            oldGeneration = first.Get<LiveIndex>().Current.DirectoryPath;
        }

        await using var second = await TalentTestHost.StartAsync(folder);
        var live = second.Get<LiveIndex>();
        using var timeout = TestWait.Token();
        while (live.Current.AnalysisChanged || second.Get<IndexRebuilder>().Status.State == ReindexStatus.Running)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(ReindexStatus.Succeeded, second.Get<IndexRebuilder>().Status.State);
        Assert.NotEqual(oldGeneration, live.Current.DirectoryPath);
        foreach (var query in new[] { "frontend", "front end", "front-end" })
        {
            var hit = Assert.Single(SearchFound(live.Current, query).Results);
            Assert.Equal(100, hit.Fit);
        }
    }

    [Fact]
    public void An_index_says_whether_its_documents_were_made_with_the_compounds_it_now_reads_queries_with()
    {
        using var directory = new TempDirectory();
        var without = new ProfileCatalogs(new VenueCatalog([]), new SkillCatalog([]), new TopicCatalog([]));
        var with = without with { Compounds = ["front end"] };
        using (var index = CandidateIndex.OpenForWriting(directory.Path, with, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            Assert.False(index.AnalysisChanged); // empty: made with what it reads
            index.Upsert(1, new Talent.Profiles.Merging.CandidateProfile { Name = "Ana Apart", Headline = "Front End Developer" }, DateTimeOffset.UtcNow);
            index.Commit(1);
        }

        using (var same = CandidateIndex.OpenForWriting(directory.Path, with, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            Assert.False(same.AnalysisChanged);
            same.Commit(1);
        }

        using (var other = CandidateIndex.OpenForWriting(directory.Path, without, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            Assert.True(other.AnalysisChanged);
            other.Commit(1); // a commit keeps what the documents were made with
        }

        using var reader = CandidateIndex.OpenReadOnly(directory.Path, without, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.True(reader.AnalysisChanged);
    }

    private static SearchResponse SearchFound(CandidateIndex index, string query) =>
        Assert.IsType<SearchOutcome.Found>(index.Search(SearchRequest.Create(query, null, null, null, null, 1, 10).Request!)).Response;
}
