using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Tests.Cli;

namespace Talent.Tests.Api;

/// <summary>
/// Readable documents that state none of the profile facts: stored with their text rather than rejected, found by a
/// word of it, and listed as partial by <c>GET /api/partial</c> and <c>talent admin partial</c> (issue 15).
/// </summary>
public sealed class PartialDocumentsApiTests
{
    /// <summary>Prose without a name, contact, study, role, paper or skill, in the notations documents arrive in.</summary>
    private static readonly (string SourceId, string ContentType, string Content, string Word)[] Prose =
    [
        ("partial:markdown", "text/markdown",
            "Most weekends begin at the pottery studio behind the old railway station, where the kiln is fired before sunrise and the glazes are mixed by hand.\n\n"
            + "Afterwards there is a long walk along the river towards the harbour, a stop for tea, and an afternoon of sketches.\n", "kiln"),
        ("partial:html", "text/html",
            "<html><body><p>Every spring the allotment by the canal fills with broad beans, sweet peas and far too many courgettes for one household.</p>"
            + "<p>The neighbours trade seedlings over the fence, argue about slugs, and share the last of the rhubarb crumble on warm evenings.</p></body></html>", "courgettes"),
        ("partial:text", "text/plain",
            "On foggy mornings the lighthouse keeper's cottage smells of woodsmoke and fresh bread, and the foghorn sounds every half minute.\n"
            + "Visitors climb the spiral staircase to watch the lamp turn slowly while cormorants dry their wings on the rocks below.\n", "cormorants"),
    ];

    [Fact]
    public async Task A_readable_document_without_facts_is_stored_searchable_and_listed_as_partial_with_its_reason()
    {
        await using var host = await TalentTestHost.StartAsync();
        var candidates = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (sourceId, contentType, content, _) in Prose)
        {
            var outcome = await host.SubmitAsync(sourceId, contentType, content);
            Assert.Equal("accepted", outcome.Outcome);
            candidates[sourceId] = outcome.CandidateId ?? throw new InvalidOperationException($"{sourceId} was stored without a candidate");
        }

        Assert.Equal("accepted", (await host.SubmitAsync("ats:complete", "text/markdown", "# Wilhelmina Coste\n\nwilhelmina@example.org\n\nAfternoons at the pottery kiln.\n")).Outcome);
        Assert.Equal("rejected", (await host.SubmitAsync("ats:blank", "text/markdown", "   ")).Outcome);
        await host.WaitForIndexAsync();

        foreach (var (sourceId, _, _, word) in Prose)
        {
            var found = await host.Client.GetFromJsonAsync<JsonElement>("/api/search?q=" + word);
            Assert.Contains(candidates[sourceId], found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        }

        var listed = await host.Client.GetFromJsonAsync<JsonElement>("/api/partial");
        Assert.Equal(
            Prose.Select(p => $"{p.SourceId} candidate {candidates[p.SourceId]} {p.ContentType}").Order(StringComparer.Ordinal),
            listed.EnumerateArray().Select(d => $"{d.GetProperty("sourceId").GetString()} candidate {d.GetProperty("candidateId").GetInt64()} {d.GetProperty("contentType").GetString()}").Order(StringComparer.Ordinal));
        Assert.All(listed.EnumerateArray(), d => Assert.StartsWith("no name, contact, education, experience, publications or skills found", d.GetProperty("reason").GetString(), StringComparison.Ordinal));

        // A later version that states who it is, or one that is rejected, is no longer partial: the list is of current versions.
        Assert.Equal("accepted", (await host.SubmitAsync("partial:text", "text/plain", "Oona Fairweather-Lund\noona@example.org\n\n" + Prose[2].Content, version: 2)).Outcome);
        Assert.Equal("rejected", (await host.SubmitAsync("partial:html", "text/html", "<html></html>", version: 2)).Outcome);
        var now = await host.Client.GetFromJsonAsync<JsonElement>("/api/partial");
        Assert.Equal(["partial:markdown"], now.EnumerateArray().Select(d => d.GetProperty("sourceId").GetString()));

        var (exit, json, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "partial", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(Fields(Assert.Single(now.EnumerateArray())), Fields(Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray())));

        var (textExit, text, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "partial");
        Assert.Equal(0, textExit);
        Assert.Contains($"partial:markdown  (version 1, text/markdown) candidate {candidates["partial:markdown"]}: no name, contact", text, StringComparison.Ordinal);
        Assert.EndsWith("1 stored as partial", text.TrimEnd(), StringComparison.Ordinal);

        var (rejectedExit, rejected, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "rejected");
        Assert.Equal(0, rejectedExit);
        Assert.Contains("ats:blank", rejected, StringComparison.Ordinal);
        Assert.Contains("\n1 stored as partial (", rejected, StringComparison.Ordinal);

        var (showExit, shown, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "show", candidates["partial:markdown"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, showExit);
        Assert.Contains("partial:markdown (version 1, text/markdown) — new candidate — stored as partial: no name, contact", shown, StringComparison.Ordinal);

        var (badExit, _, badError) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "partial", "--limit", "0");
        Assert.Equal(2, badExit);
        Assert.Contains("--limit", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absurd_limits_are_a_400_naming_the_field()
    {
        await using var host = await TalentTestHost.StartAsync();
        foreach (var query in new[] { "limit=0", "limit=100000", "limit=-5" })
        {
            using var response = await host.Client.GetAsync(new Uri("/api/partial?" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), query);
        }
    }

    private static IEnumerable<string> Fields(JsonElement item) =>
        item.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).Order(StringComparer.Ordinal);
}
