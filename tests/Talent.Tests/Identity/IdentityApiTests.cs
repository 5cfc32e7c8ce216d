using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Search;
using Talent.Storage;

namespace Talent.Tests.Identity;

/// <summary>Merge and split over the HTTP API: audited, shown with who decided, and kept by a reindex (issue 17).</summary>
public sealed class IdentityApiTests
{
    [Fact]
    public async Task An_admins_merge_over_http_is_listed_with_who_decided_and_survives_a_reindex()
    {
        await using var host = await TalentTestHost.StartAsync();
        var ana = await host.SubmitAsync("cv:ana", "text/markdown", "# Ana Quokkafield\n\nana.q@one.example.org\n\n## Research interests\n\nGraph learning.\n");
        var other = await host.SubmitAsync("cv:ana-2", "text/markdown", "# Ana Quokkafield\n\nana@two.example.org\n\n## Research interests\n\nRobotics.\n");
        await host.WaitForIndexAsync();
        Assert.NotEqual(ana.CandidateId, other.CandidateId); // a name alone joins nobody

        using (var bad = await host.Client.PostAsJsonAsync($"/api/candidates/{ana.CandidateId}/merge", new { with = 987654 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // Without the other id, or with a null source id: a 400 naming the field, not a merge with "candidate 0" or a 500.
        using (var noWith = await host.Client.PostAsJsonAsync($"/api/candidates/{ana.CandidateId}/merge", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noWith.StatusCode);
            Assert.Contains("\"with\"", await noWith.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var nullSource = await host.Client.PostAsJsonAsync($"/api/candidates/{ana.CandidateId}/split", new { sources = new string?[] { null } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nullSource.StatusCode);
            Assert.Contains("\"sources\"", await nullSource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var merged = await host.Client.PostAsJsonAsync($"/api/candidates/{ana.CandidateId}/merge", new { with = other.CandidateId }))
        {
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        }

        await host.WaitForIndexAsync();
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Quokkafield"))!.Total);
        var identity = await host.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{ana.CandidateId}/identity");
        var decided = identity.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("inside").GetBoolean());
        Assert.Equal("manual", decided.GetProperty("strength").GetString());
        Assert.False(string.IsNullOrEmpty(decided.GetProperty("decidedBy").GetString()));
        var audit = await host.Get<AccessStore>().ReadAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "identity merge" && a.CandidateIds.Contains(ana.CandidateId!.Value));

        using (var response = await host.Client.PostAsync("/api/admin/reindex", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while ((await host.Client.GetFromJsonAsync<JsonElement>("/api/admin/reindex", timeout.Token)).GetProperty("state").GetString() is not "succeeded")
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Quokkafield"))!.Total);
        using (var split = await host.Client.PostAsJsonAsync($"/api/candidates/{ana.CandidateId}/split", new { sources = new[] { "cv:ana-2" } }))
        {
            Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        }

        await host.WaitForIndexAsync();
        Assert.Equal(2, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Quokkafield"))!.Total);
    }
}
