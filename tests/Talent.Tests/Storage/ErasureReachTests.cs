using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Search;
using Talent.Server.Access;
using Talent.Storage;
using Talent.Tests.Cli;

namespace Talent.Tests.Storage;

/// <summary>
/// Erasure reaches every place a person is stored: their accepted and rejected documents, the texts recruiters typed
/// to find them, the database's log and the index files; a report says what went, without naming them.
/// </summary>
public sealed class ErasureReachTests
{
    private const string Name = "Philippa Oyelaran-Whitcombe";
    private const string Email = "philippa.oyelaran@reach.example.org";
    private const string Phone = "+44 20 7946 0958";

    [Fact]
    public async Task Erasing_a_candidate_removes_their_rejected_documents_and_scrubs_audited_queries_that_named_them()
    {
        await using var host = await TalentTestHost.StartAsync();
        var cv = await host.SubmitAsync("reach:cv", "text/markdown", $"# {Name}\n{Email} · {Phone}\n\n## Publications\n- Sparse Retrieval for Clinical Notes, ACL 2024\n");
        // A later export of the same person that is not valid JSON: rejected, its raw content (e-mail, phone) kept.
        var broken = await host.SubmitAsync("reach:resume-json", "application/json", $"{{ \"basics\": {{ \"name\": \"{Name}\", \"email\": \"{Email}\", \"phone\": \"{Phone}\" ");
        var other = await host.SubmitAsync("other:broken", "application/json", "{ \"basics\": { \"name\": \"Someone Else\", \"email\": \"else@other.example.org\" ");
        await host.SubmitAsync("other:cv", "text/markdown", "# Bertram Achterberg\nbertram@other.example.org\n\n## Publications\n- Graph Sampling at Scale, KDD 2023\n");
        Assert.Equal(StoreOutcome.Accepted, cv.Outcome);
        Assert.Equal(StoreOutcome.Rejected, broken.Outcome);
        Assert.Equal(StoreOutcome.Rejected, other.Outcome);
        Assert.Contains(Phone, (await host.Get<CandidateStore>().GetCandidateAsync(cv.CandidateId!.Value, CancellationToken.None))!.Profile.Phones); // accepted: has a candidate
        await host.WaitForIndexAsync();

        // Recruiters look the person up by name, e-mail and phone; an unrelated search is audited too.
        foreach (var query in new[] { Name, Email, Phone, "graph sampling" })
        {
            using var response = await host.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Get<AuditTrail>().FlushAsync(CancellationToken.None);
        var auditBefore = await host.Get<AccessStore>().ReadAuditAsync(100, CancellationToken.None);
        Assert.Equal(3, auditBefore.Count(a => Mentions(a.Detail)));
        Assert.NotEmpty(FilesHolding(host.DataDirectory)); // the scan finds the person while they are stored

        var id = cv.CandidateId!.Value;
        using (var response = await host.Client.DeleteAsync($"/api/candidates/{id}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var store = host.Get<CandidateStore>();
        await WaitUntilAsync(
            async () => await store.GetCandidateAsync(id, CancellationToken.None) is null
                && (await store.ErasureReportsAsync(id, CancellationToken.None)).Any(r => r.IndexPurged is not null)
                && FilesHolding(host.DataDirectory).Count == 0,
            () => "the person is still in: " + string.Join(", ", FilesHolding(host.DataDirectory)));

        var rejected = await host.Client.GetFromJsonAsync<JsonElement>("/api/rejected");
        Assert.Equal(["other:broken"], rejected.EnumerateArray().Select(r => r.GetProperty("sourceId").GetString()));

        // The accesses stay on record; only the texts that named the person are gone.
        var auditAfter = await host.Get<AccessStore>().ReadAuditAsync(100, CancellationToken.None);
        Assert.Equal(auditBefore.Select(a => a.Id), auditAfter.Select(a => a.Id));
        Assert.DoesNotContain(auditAfter, a => Mentions(a.Detail));
        Assert.Equal(3, auditAfter.Count(a => a.Detail == CandidateStore.ErasedText));
        Assert.Contains(auditAfter, a => a.Detail is { } d && d.Contains("graph", StringComparison.Ordinal));
        Assert.DoesNotContain(auditAfter, a => a.CandidateIds.Contains(id));
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=Achterberg"))!.Total);

        var report = Assert.Single(await store.ErasureReportsAsync(id, CancellationToken.None));
        Assert.Equal((1, 1, 3, true, true), (report.AcceptedSources, report.RejectedSources, report.AuditTexts, report.CandidateRemoved, report.LogTruncated == true));
        Assert.True(report.IdentityKeys > 0);

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "erasure-report", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, stderr);
        Assert.Contains("rejected sources deleted   1", stdout, StringComparison.Ordinal);
        Assert.Contains("audit texts scrubbed       3", stdout, StringComparison.Ordinal);
        Assert.Contains("broker                     none (in-memory bus: messages live only in the process)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Oyelaran", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("q=Philippa+Oyelaran-Whitcombe", true)]
    [InlineData("q=oyelaran-whitcombe%20philippa&venue=ACL", true)] // both words of the name, any order, any case
    [InlineData("q=philippa.oyelaran%40reach.example.org", true)]
    [InlineData("q=%2B44%2020%207946%200958", true)]
    [InlineData("q=020-7946-0958", true)] // the national form: trunk zero instead of the country code
    [InlineData("Looking for someone like Philippa Oyelaran-Whitcombe in NLP", true)] // a match description
    [InlineData("q=Philippa", false)] // one word of a name is anybody's
    [InlineData("q=graph+sampling&since=2020", false)]
    [InlineData("q=7946", false)] // too few digits to be a phone number
    public void An_audited_text_names_the_person_by_full_name_email_or_phone(string detail, bool names)
    {
        var traces = PersonTraces.Of([new Talent.Profiles.ExtractedProfile { Name = Name, Emails = [Email], Phones = [Phone] }]);
        Assert.Equal(names, traces.Mentions(detail) || traces.Mentions(Uri.UnescapeDataString(detail.Replace('+', ' '))));
    }

    [Theory]
    [InlineData("contact: PHILIPPA.OYELARAN@REACH.EXAMPLE.ORG", true)]
    [InlineData("tel. (+44) 20 7946 0958", true)]
    [InlineData("see https://www.reach.example.org/~philippa/ for more", true)]
    [InlineData("Philippa Oyelaran-Whitcombe, a name and nothing else", false)] // a name alone never makes a document theirs
    [InlineData("else@other.example.org +1 555 0100 222", false)]
    public void A_rejected_document_is_the_persons_when_it_shares_a_contact_detail(string content, bool shares)
    {
        var traces = PersonTraces.Of([new Talent.Profiles.ExtractedProfile { Name = Name, Emails = [Email], Phones = [Phone], Homepages = ["https://reach.example.org/~philippa"] }]);
        Assert.Equal(shares, traces.SharesContact(content));
    }

    private static bool Mentions(string? detail) =>
        detail is not null && Uri.UnescapeDataString(detail.Replace('+', ' ')) is var text
        && (text.Contains("Oyelaran", StringComparison.OrdinalIgnoreCase) || text.Contains("7946", StringComparison.Ordinal));

    private static List<string> FilesHolding(string directory) =>
        DataFolderScan.FilesHolding(directory, [Email, Email.ToUpperInvariant(), Phone, "7946 0958", "442079460958"]);

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
