using System.Net;
using System.Net.Http.Json;
using Talent.Search;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>After erasure, a person's e-mail address is nowhere in the data folder: not in SQLite, its log, or the index files.</summary>
public sealed class ErasureTests
{
    private const string Email = "ottoline.vasquez-brandt@erasure.example.org";

    [Fact]
    public async Task An_erased_candidates_email_appears_in_no_file_and_a_rebuilt_index_does_not_bring_it_back()
    {
        await using var host = await TalentTestHost.StartAsync();
        var first = await host.SubmitAsync("erasure:cv", "text/markdown", Cv(1));
        await host.SubmitAsync("erasure:cv", "text/markdown", Cv(2), version: 2); // an older version of the document stays in the index files until purged
        await host.SubmitAsync("erasure:homepage", "text/markdown", $"# Ottoline Vasquez-Brandt\n\nContact: {Email}\n\n## Publications\n- Sparse Mixture Routing for Long Context, NeurIPS 2024\n");
        var other = await host.SubmitAsync("other:cv", "text/markdown", "# Bertram Achterberg\nbertram@other.example.org\n\n## Publications\n- Graph Sampling at Scale, KDD 2023\n");
        await host.WaitForIndexAsync();
        var id = first.CandidateId!.Value; // an accepted document has a candidate

        // On a shortlist, with a note that holds the address, and named in a note about someone else.
        using (var list = await host.Client.PostAsJsonAsync("/api/shortlists", new { name = "Sparse models" }))
        {
            var listId = (await list.Content.ReadFromJsonAsync<Shortlist>())!.Id;
            (await host.Client.PutAsJsonAsync($"/api/shortlists/{listId}/candidates/{id}", new { tags = new[] { "moe" }, note = $"write to {Email}" })).EnsureSuccessStatusCode();
            (await host.Client.PutAsJsonAsync($"/api/shortlists/{listId}/candidates/{other.CandidateId}", new { note = $"referred by {Email.ToUpperInvariant()}" })).EnsureSuccessStatusCode();
        }
        Assert.NotEmpty(FilesHolding(host.DataDirectory)); // the scan finds the address while it is stored
        Assert.NotEmpty(Traces(host));

        using (var response = await host.Client.DeleteAsync($"/api/candidates/{id}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Stored fields are compressed, so the index is also read through Lucene: no stored value or term of any
        // document, deleted ones (earlier versions) included, may still name the person.
        // Done once both removals (one per source) have purged the index and its searchers have been refreshed.
        await WaitUntilAsync(
            async () => await host.Get<CandidateStore>().GetCandidateAsync(id, CancellationToken.None) is null
                && (await host.Get<CandidateStore>().ErasureReportsAsync(id, CancellationToken.None)) is { Count: 2 } reports && reports.All(r => r.IndexPurged is not null)
                && FilesHolding(host.DataDirectory).Count == 0 && Traces(host).Count == 0,
            () => "the address is still in: " + string.Join(", ", FilesHolding(host.DataDirectory).Concat(Traces(host))));
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Vasquez"))!.Total);
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Achterberg"))!.Total);
        var entries = (await host.Get<ShortlistStore>().EntriesAsync(1, null, CancellationToken.None))!;
        Assert.Equal([(other.CandidateId!.Value, CandidateStore.ErasedText)], entries.Select(e => (e.CandidateId, e.Note)));
        // The first removal (both documents hold the address) scrubs both notes; the last takes the person's entry.
        var erasures = await host.Get<CandidateStore>().ErasureReportsAsync(id, CancellationToken.None);
        Assert.Equal((1, 2), (erasures.Sum(r => r.ShortlistEntries), erasures.Sum(r => r.ShortlistNotes)));

        // A rebuild from SQLite does not bring the person back.
        using (var response = await host.Client.PostAsync("/api/admin/reindex", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await WaitUntilAsync(
            async () => (await host.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/reindex")).GetProperty("state").GetString() is "succeeded",
            () => "the reindex to finish");
        Assert.Empty(FilesHolding(host.DataDirectory));
        Assert.Empty(Traces(host));
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Vasquez"))!.Total);
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Achterberg"))!.Total);
    }

    private static List<string> Traces(TalentTestHost host)
    {
        using var lease = host.Get<Talent.Server.Indexing.LiveIndex>().Acquire();
        return [.. lease.Index.FindTraces("ottoline"), .. lease.Index.FindTraces("vasquez-brandt@")];
    }

    private static string Cv(int version) =>
        $"""
        # Ottoline Vasquez-Brandt
        {Email} · +49 30 5557 0{version}21

        ## Experience
        - Research Scientist, Example Lab, 2021–now

        ## Publications
        - Sparse Mixture Routing for Long Context, NeurIPS 2024
        - Token Budgets for Speculative Decoding (v{version}), ICLR 2025
        """;

    // Pooled connections stay open, as in a running service: the write-ahead log is not merged away by closing them.
    private static List<string> FilesHolding(string directory) =>
        DataFolderScan.FilesHolding(directory, [Email, Email.ToUpperInvariant(), "ottoline.vasquez-brandt@"]);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        using var timeout = TestWait.Token();
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail("timed out waiting: " + what());
            }

            await Task.Delay(100);
        }
    }
}
