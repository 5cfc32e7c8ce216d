using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

public sealed class CandidateIndexTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Empty_query_browses_everyone_most_recently_updated_first()
    {
        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        index.Upsert(1, PersonAProfile with { Name = "Oldest" }, BaseTime);
        index.Upsert(2, PersonBProfile with { Name = "Newest" }, BaseTime.AddDays(10));
        index.Upsert(3, PersonAProfile with { Name = "Middle" }, BaseTime.AddDays(5));
        index.Commit(3);

        var response = Found(index.Search(Request()));
        Assert.Equal(3, response.Total);
        Assert.Equal([2L, 3L, 1L], response.Results.Select(r => r.Id).ToArray());
        Assert.Equal("Newest", response.Results[0].Name);

        var page2 = Found(index.Search(Request(page: 2, size: 2)));
        Assert.Equal(3, page2.Total);
        Assert.Equal(1L, Assert.Single(page2.Results).Id);
    }

    [Fact]
    public void Upsert_replaces_and_delete_removes_a_candidate()
    {
        using var index = OpenWithBoth(directory);
        index.Upsert(PersonA, PersonAProfile with { Name = "Ada Renamed" }, BaseTime.AddDays(3));
        index.Commit(3);
        Assert.Equal(2, index.Count);
        Assert.Equal("Ada Renamed", Found(index.Search(Request())).Results[0].Name);

        index.Delete(PersonA);
        index.Commit(4);
        Assert.Equal(1, index.Count);
        Assert.Equal(0, Found(index.Search(Request("autochunk"))).Total);
        Assert.Equal(PersonB, Assert.Single(Found(index.Search(Request())).Results).Id);
    }

    [Fact]
    public void Commit_records_the_sequence_and_reopening_reads_it_back()
    {
        using (var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance))
        {
            Assert.Equal(0, index.LastAppliedSequence);
            index.Upsert(PersonA, PersonAProfile, BaseTime);
            index.Commit(42);
            Assert.Equal(42, index.LastAppliedSequence);
        }

        using (var reopened = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance))
        {
            Assert.Equal(42, reopened.LastAppliedSequence);
            Assert.Equal(1, reopened.Count);
        }

        using var readOnly = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance);
        Assert.Equal(42, readOnly.LastAppliedSequence);
    }

    [Fact]
    public void Read_only_on_a_missing_directory_searches_as_empty()
    {
        using var index = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance);
        var response = Found(index.Search(Request("video generation")));
        Assert.Equal(0, response.Total);
        Assert.Empty(response.Results);
        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.LastAppliedSequence);
        Assert.False(Directory.Exists(directory.Path));
    }

    [Fact]
    public void Read_only_while_the_first_commit_is_being_written_searches_as_empty_until_it_is_complete()
    {
        // A writer in another process has begun its first commit: segments_1 exists, its bytes not yet written.
        Directory.CreateDirectory(directory.Path);
        var pending = Path.Combine(directory.Path, "segments_1");
        File.WriteAllBytes(pending, []);
        using var reader = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance);
        Assert.Equal(0, Found(reader.Search(Request("video generation"))).Total);

        File.Delete(pending);
        using var writer = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        writer.Upsert(PersonA, PersonAProfile, BaseTime);
        writer.Commit(1);
        reader.Refresh();
        Assert.Equal(1, reader.Count);
    }

    [Fact]
    public void Read_only_sees_commits_after_refresh()
    {
        using var reader = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance);
        using var writer = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance);
        writer.Upsert(PersonA, PersonAProfile, BaseTime);
        writer.Commit(1);
        reader.Refresh();
        Assert.Equal(1, reader.Count);
        Assert.Equal(1, reader.LastAppliedSequence);

        writer.Upsert(PersonB, PersonBProfile, BaseTime);
        writer.Commit(2);
        Assert.Equal(1, Found(reader.Search(Request())).Total);
        reader.Refresh();
        Assert.Equal(2, Found(reader.Search(Request())).Total);
        Assert.Equal(2, reader.LastAppliedSequence);
    }

    [Fact]
    public async Task Opening_a_writer_keeps_no_background_refresh_going_until_someone_searches()
    {
        using (var first = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance))
        {
            first.Upsert(PersonA, PersonAProfile, BaseTime);
            first.Commit(1);
        }

        using var index = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance); // logs its count
        index.Upsert(PersonB, PersonBProfile, BaseTime);

        index.RefreshInBackground();
        Assert.Equal(1, index.CountAsLogged); // nobody searched: the buffered document was not flushed into a segment to be seen

        Assert.Equal(1, Found(index.Search(Request())).Total);
        using var wait = TestWait.Token();
        while (Found(index.Search(Request())).Total < 2)
        {
            index.RefreshInBackground(); // the timer's own tick may be refreshing at the same moment
            await Task.Yield();
            wait.Token.ThrowIfCancellationRequested();
        }
    }

    [Fact]
    public void Writer_refresh_shows_uncommitted_changes()
    {
        using var index = OpenWithBoth(directory);
        index.Delete(PersonB);
        index.Refresh();
        Assert.Equal(1, index.Count);
        Assert.Equal(2, index.LastAppliedSequence);
    }

    [Fact]
    public void Background_refresh_shows_upserts_without_an_explicit_refresh()
    {
        using var index = OpenWithBoth(directory);
        index.Upsert(303, PersonAProfile with { Name = "Third" }, BaseTime);
        Assert.True(SpinWait.SpinUntil(() => index.Count == 3, TestWait.Limit));
    }

    [Fact]
    public async Task Concurrent_searches_while_writing_do_not_fail()
    {
        using var index = OpenWithBoth(directory);
        var failures = 0;
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                if (index.Search(Request("video generation")) is not SearchOutcome.Found)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        for (var i = 0; i < 50; i++)
        {
            index.Upsert(1000 + i, PersonBProfile, BaseTime.AddMinutes(i));
            if (i % 10 == 9)
            {
                index.Commit(3 + i);
            }
            else
            {
                index.Refresh();
            }
        }

        await Task.WhenAll(searches);
        Assert.Equal(0, failures);
        Assert.Equal(52, index.Count);
    }
}
