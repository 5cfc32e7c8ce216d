using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Tests.Cli;

namespace Talent.Tests.Ranking;

/// <summary>
/// Each topic on a candidate keeps what states it: the candidate's JSON lists the statement (or the abstracts) and the
/// sources behind every topic, and <c>talent show</c> prints it in plain words.
/// </summary>
public sealed class TopicEvidenceShownTests
{
    private const string Cv = """
        # Imogen Vartanian

        imogen.vartanian@example.org

        ## Research interests

        - Video generation for robotics

        ## Publications

        1. **Imogen Vartanian**, Theo Brandt. *Federated Learning Across Hospital Networks.* SOSP 2021.
        """;

    private const string Homepage = """
        # Imogen Vartanian

        Contact: imogen.vartanian@example.org

        I work on video generation and on reinforcement learning for household robots.
        """;

    [Fact]
    public async Task A_candidates_topics_carry_their_statements_and_sources_in_the_api_and_the_cli()
    {
        await using var host = await TalentTestHost.StartAsync();
        var cv = await host.SubmitAsync("ats:vartanian-cv", "text/markdown", Cv);
        var page = await host.SubmitAsync("web:vartanian", "text/markdown", Homepage);
        Assert.Equal(cv.CandidateId, page.CandidateId);
        await host.WaitForIndexAsync();

        var candidate = await host.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{cv.CandidateId}");
        var profile = candidate.GetProperty("profile");
        var topics = profile.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
        var evidence = profile.GetProperty("topicEvidence").EnumerateArray()
            .Select(e => (Value: e.GetProperty("value"), Sources: e.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList()))
            .ToList();
        Assert.Contains("video generation", topics);
        Assert.Contains("federated learning", topics);
        Assert.All(topics, t => Assert.Contains(evidence, e => e.Value.GetProperty("topic").GetString() == t));

        var fromTitle = Assert.Single(evidence, e => e.Value.GetProperty("topic").GetString() == "federated learning");
        Assert.Equal("Title", fromTitle.Value.GetProperty("kind").GetString());
        Assert.Equal("Federated Learning Across Hospital Networks", fromTitle.Value.GetProperty("text").GetString());
        Assert.Equal(["ats:vartanian-cv"], fromTitle.Sources);
        var video = evidence.Where(e => e.Value.GetProperty("topic").GetString() == "video generation").ToList();
        Assert.Equal(["ats:vartanian-cv", "web:vartanian"], video.SelectMany(e => e.Sources).Order(StringComparer.Ordinal));

        var (exit, shown, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "show", cv.CandidateId!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0, exit);
        Assert.Contains("  · federated learning — from paper title “Federated Learning Across Hospital Networks”", shown, StringComparison.Ordinal);
        Assert.Contains("  · video generation — from research interest “Video generation for robotics”", shown, StringComparison.Ordinal);
    }
}
