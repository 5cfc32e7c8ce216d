using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Talent.Contracts;
using Talent.Search;
using Talent.Storage;
using Talent.Tests.Cli;

namespace Talent.Tests.Ingestion;

/// <summary>What a document may arrive as: encodings of its bytes, versions, and who sees where it came from.</summary>
public sealed class DocumentInputTests
{
    private const string Cv = "# Zoë Okonkwo-Brandt\nzoe.okonkwo@input.example.org\n\n## Publications\n- Streaming Video Tokenizers, CVPR 2024\n";

    [Theory]
    [InlineData("utf-16 body with a mark", true, false)]
    [InlineData("utf-8 body, the content starting with a mark", false, true)]
    public async Task A_body_in_utf16_or_content_with_a_byte_order_mark_keeps_the_name(string what, bool utf16, bool markInContent)
    {
        await using var host = await TalentTestHost.StartAsync();
        var json = JsonSerializer.Serialize(new { sourceId = "input:" + what, version = 1, contentType = "text/markdown", content = (markInContent ? "\uFEFF" : "") + Cv });
        byte[] body = utf16 ? [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(json)] : Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var response = await host.Client.PostAsync("/api/documents", content))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var store = host.Get<CandidateStore>();
        using var timeout = TestWait.Token();
        while (await store.CountCandidatesAsync(timeout.Token) == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        await host.WaitForIndexAsync();
        var found = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Okonkwo");
        Assert.Equal("Zoë Okonkwo-Brandt", Assert.Single(found!.Results).Name);
    }

    [Theory]
    [InlineData(9223372036854775807L, false)]
    [InlineData(253402300800000L, false)] // one millisecond past the year 9999
    [InlineData(-1L, false)]
    [InlineData(253402300799999L, true)]
    [InlineData(1733097600000L, true)] // milliseconds of a day in 2024
    [InlineData(0L, true)]
    public async Task A_version_is_accepted_only_within_a_sane_range(long version, bool accepted)
    {
        await using var host = await TalentTestHost.StartAsync();
        using var response = await host.Client.PostAsJsonAsync("/api/documents", new { sourceId = "input:version", version, contentType = "text/markdown", content = Cv });
        Assert.Equal(accepted ? HttpStatusCode.Accepted : HttpStatusCode.BadRequest, response.StatusCode);
        if (!accepted)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("253402300799999", problem.GetProperty("errors").GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bus_message_with_an_absurd_version_is_rejected_without_blocking_later_versions_of_its_source()
    {
        await using var host = await TalentTestHost.StartAsync();
        var absurd = await host.SubmitAsync("input:bus", "text/markdown", Cv, version: long.MaxValue);
        Assert.Equal(StoreOutcome.Rejected, absurd.Outcome);
        Assert.Contains("version", absurd.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await host.Get<CandidateStore>().CountSourcesAsync(CancellationToken.None));
        Assert.Equal(StoreOutcome.Accepted, (await host.SubmitAsync("input:bus", "text/markdown", Cv, version: 2)).Outcome);
    }

    [Fact]
    public async Task A_recruiter_sees_the_file_name_of_a_source_and_an_admin_its_full_address()
    {
        await using var host = await TalentTestHost.StartAsync(new(StringComparer.Ordinal) { ["Talent:Access:AllowAnonymousOnLoopback"] = "false" });
        var keys = host.Get<AccessStore>();
        var recruiter = (await keys.CreateKeyAsync("recruiter", null, CancellationToken.None)).Secret;
        var admin = (await keys.CreateKeyAsync("admin", null, CancellationToken.None)).Secret;
        const string Address = "file:///srv/talent/inbox/cvs/zoe-okonkwo.md";
        var stored = await host.Get<IRequestClient<ProfileDocumentSubmitted>>().GetResponse<ProfileDocumentProcessed>(new ProfileDocumentSubmitted
        {
            SourceId = "input:uri",
            Version = 1,
            ContentType = "text/markdown",
            Content = Cv,
            Uri = Address,
        });
        var id = stored.Message.CandidateId!.Value; // accepted: it has a candidate

        Assert.Equal("zoe-okonkwo.md", await SourceUriAsync(host, id, recruiter));
        Assert.Equal(Address, await SourceUriAsync(host, id, admin));
    }

    [Fact]
    public async Task Talent_parse_reads_a_utf16_cv()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "zoe.md");
        await File.WriteAllBytesAsync(file, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Cv)]);
        var (exit, stdout, stderr) = await TalentProcess.RunAsync("parse", file, "--json");
        Assert.True(exit == 0, stderr);
        Assert.Equal("Zoë Okonkwo-Brandt", JsonDocument.Parse(stdout).RootElement.GetProperty("name").GetString());
    }

    private static async Task<string?> SourceUriAsync(TalentTestHost host, long id, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/candidates/{id}");
        request.Headers.Add("X-Api-Key", key);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidate = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Assert.Single(candidate.GetProperty("sources").EnumerateArray()).GetProperty("uri").GetString();
    }
}
