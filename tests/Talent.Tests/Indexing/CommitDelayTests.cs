using System.Diagnostics;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Tests.Indexing;

/// <summary>The index commits at most once per commit delay while documents keep coming, and at once when they stop.</summary>
public sealed class CommitDelayTests
{
    /// <summary>The commit delay the tests set: far longer than any machine takes for the work in between.</summary>
    private static readonly TimeSpan CommitDelay = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_last_document_of_a_burst_is_searchable_without_waiting_out_the_commit_delay()
    {
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal) { ["Talent:Index:CommitDelayMilliseconds"] = "60000" });
        var synchronizer = host.Get<IndexSynchronizer>();
        var store = host.Get<CandidateStore>();

        await host.SubmitAsync("cv-1", "text/markdown", "# Ada Lovelace\n\nada@example.org\n\n## Skills\n\nPython\n");
        await host.WaitForIndexAsync(); // the index has just caught up: the next change falls inside the commit delay

        var clock = Stopwatch.StartNew();
        await host.SubmitAsync("cv-2", "text/markdown", "# Grace Hopper\n\ngrace@example.org\n\n## Skills\n\nCOBOL\n");
        var target = await store.LastSequenceAsync(CancellationToken.None);
        while (synchronizer.AppliedSequence < target)
        {
            await Task.Delay(20);
        }

        // Nothing else comes, so the change is applied about 100 ms after it was written, not a minute after the last
        // commit: waiting out the delay would take far longer than half of it, on any machine.
        Assert.True(clock.Elapsed < CommitDelay / 2, $"applied after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(2, host.Get<LiveIndex>().Current.Count);
    }

    [Fact]
    public async Task Documents_that_keep_coming_go_into_the_index_writer_before_the_commit_delay_is_over()
    {
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal) { ["Talent:Index:CommitDelayMilliseconds"] = "60000" });
        var synchronizer = host.Get<IndexSynchronizer>();
        await host.SubmitAsync("cv-0", "text/markdown", "# Ada Lovelace\n\nada@example.org\n");
        await host.WaitForIndexAsync(); // the next commit is a minute away while documents keep coming

        // A document every 20 ms for two seconds: never quiet for the 100 ms that ends the wait.
        var submitted = new List<Task>();
        var writerAhead = false;
        var clock = Stopwatch.StartNew();
        for (var i = 1; clock.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            submitted.Add(host.SubmitAsync($"cv-{i}", "text/markdown", $"# Person {i}\n\nperson{i}@example.org\n"));
            await Task.Delay(20);
            writerAhead |= synchronizer.WrittenSequence > synchronizer.AppliedSequence;
        }

        await Task.WhenAll(submitted);
        await host.WaitForIndexAsync();

        // The writer held changes the commit had not recorded yet: they were applied while the delay ran, not all at its end.
        Assert.True(writerAhead, "the index writer never got ahead of the last commit");
        Assert.Equal(synchronizer.AppliedSequence, synchronizer.WrittenSequence);
        Assert.Equal(submitted.Count + 1, host.Get<LiveIndex>().Current.Count);
    }
}
