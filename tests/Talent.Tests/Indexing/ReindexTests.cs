using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Talent.Search;
using Talent.Server.Demo;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Tests.Indexing;

/// <summary>Rebuilding the index from SQLite while searches go on, and what an interrupted rebuild leaves behind.</summary>
public sealed class ReindexTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Searches_keep_answering_during_a_reindex_and_changes_made_meanwhile_are_kept()
    {
        // The client searches as fast as it can: the rate limiter is out of the way, so any refusal is the rebuild's.
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal)
        {
            ["Talent:Access:BurstLimit"] = "100000",
            ["Talent:Access:RequestsPerSecond"] = "100000",
        });
        await SubmitDemoAsync(host);
        await host.WaitForIndexAsync();
        var before = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video", Json);
        var oldDirectory = host.Get<LiveIndex>().Current.DirectoryPath;

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var emptyPages = 0;
        var searches = 0;
        var client = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await host.Client.GetAsync(new Uri("/api/search?q=video", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                var page = await response.Content.ReadFromJsonAsync<SearchResponse>(Json);
                if (page is null || page.Results.Count == 0)
                {
                    emptyPages++;
                }

                searches++;
            }
        });

        // A document arriving while the rebuild runs must not be lost.
        var rebuild = host.Get<IndexRebuilder>().RebuildAsync(null, CancellationToken.None);
        var late = await host.SubmitAsync("late", "text/markdown", "# Chiara Bellini\n\nchiara.bellini@example.it\n\n## SELECTED PUBLICATIONS\n\n- Holographic Video Compression with Neural Fields**  \nChiara Bellini, Marco Rossi **SIGGRAPH 2024**\n");
        var status = await rebuild;
        await host.WaitForIndexAsync();
        for (var i = 0; i < 20; i++)
        {
            await host.Client.GetAsync(new Uri("/api/search?q=video", UriKind.Relative));
        }

        await stop.CancelAsync();
        await client;

        Assert.Equal(ReindexStatus.Succeeded, status.State);
        Assert.InRange(status.Done, DemoLoader.Documents().Count, DemoLoader.Documents().Count + 1); // the late one may be in the snapshot
        Assert.Empty(failures);
        Assert.Equal(0, emptyPages);
        Assert.True(searches > 0);
        var live = host.Get<LiveIndex>().Current.DirectoryPath;
        Assert.NotEqual(oldDirectory, live);
        Assert.Equal(live, IndexLocation.Current(Path.Combine(host.DataDirectory, "indexes")));
        Assert.False(Directory.Exists(oldDirectory));

        var after = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video", Json);
        Assert.Equal(before!.Total + 1, after!.Total);
        Assert.Contains(after.Results, r => r.Id == late.CandidateId);
        Assert.Equal(DemoLoader.Documents().Count + 1, host.Get<LiveIndex>().Current.Count);
    }

    [Fact]
    public async Task An_interrupted_reindex_leaves_the_live_index_untouched_and_nothing_behind()
    {
        await using var host = await TalentTestHost.StartAsync();
        await SubmitDemoAsync(host);
        await host.WaitForIndexAsync();
        var live = host.Get<LiveIndex>().Current.DirectoryPath;

        // Interrupted once the rebuild is under way: its new directory exists and candidates are streaming.
        using var interrupt = new CancellationTokenSource();
        var progress = new CancelOnReport(interrupt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Get<IndexRebuilder>().RebuildAsync(progress, interrupt.Token));
        Assert.True(progress.Reported);

        Assert.Equal(ReindexStatus.Failed, host.Get<IndexRebuilder>().Status.State);
        Assert.Equal(live, host.Get<LiveIndex>().Current.DirectoryPath);
        Assert.Equal([live], Directory.EnumerateDirectories(Path.Combine(host.DataDirectory, "indexes")));
        var page = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search", Json);
        Assert.Equal(DemoLoader.Documents().Count, page!.Total);
    }

    [Fact]
    public async Task A_rebuild_can_be_started_over_HTTP_and_reports_its_progress()
    {
        await using var host = await TalentTestHost.StartAsync();
        await SubmitDemoAsync(host);
        await host.WaitForIndexAsync();

        var started = await host.Client.PostAsync(new Uri("/api/admin/reindex", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        using var timeout = TestWait.Token();
        ReindexStatus? status;
        do
        {
            await Task.Delay(20, timeout.Token);
            status = await host.Client.GetFromJsonAsync<ReindexStatus>("/api/admin/reindex", Json, timeout.Token);
        }
        while (status!.State is ReindexStatus.Running or ReindexStatus.Idle);

        Assert.Equal(ReindexStatus.Succeeded, status.State);
        Assert.Equal(DemoLoader.Documents().Count, status.Done);
    }

    [Fact]
    public async Task A_profile_stored_before_projects_and_summaries_reindexes_with_none()
    {
        await using var host = await TalentTestHost.StartAsync();
        var stored = await host.SubmitAsync("cv:ana", "text/markdown", "# Ana Lima\n\nana@example.org\n\n## About\n\nI build payment ledgers.\n\n## Projects\n\n- **Tidewater**: a feature store\n");
        await host.WaitForIndexAsync();
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Tidewater", Json))!.Total);

        // The candidate as an older version stored it: no projects and no summary in its JSON.
        await using (var connection = await host.Get<TalentDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE candidates SET profile_json = @json WHERE id = @id",
                new { json = """{"name":"Ana Lima","emails":["ana@example.org"],"sourceIds":["cv:ana"]}""", id = stored.CandidateId });
        }

        var status = await host.Get<IndexRebuilder>().RebuildAsync(null, CancellationToken.None);

        Assert.Equal(ReindexStatus.Succeeded, status.State);
        var byName = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Lima", Json);
        Assert.Equal("Ana Lima", Assert.Single(byName!.Results).Name);
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Tidewater", Json))!.Total);
        var candidate = await host.Client.GetStringAsync(new Uri($"/api/candidates/{stored.CandidateId}", UriKind.Relative));
        Assert.Contains("\"projects\":[]", candidate, StringComparison.Ordinal);
    }

    private static async Task SubmitDemoAsync(TalentTestHost host)
    {
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }
    }

    /// <summary>Cancels the rebuild from inside its first progress report, synchronously.</summary>
    private sealed class CancelOnReport(CancellationTokenSource source) : IProgress<ReindexStatus>
    {
        public bool Reported { get; private set; }

        public void Report(ReindexStatus value)
        {
            Reported = true;
            source.Cancel();
        }
    }
}
