using System.Net.Http.Json;
using System.Text.Json;
using Talent.Search;
using Talent.Storage;

namespace Talent.Tests.EndToEnd;

/// <summary>
/// The five real seed documents go through the bus, the worker, SQLite and the index; every query in
/// <c>expected.json</c> must answer as stated over HTTP.
/// </summary>
public sealed class SeedAcceptanceTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SeedFact]
    public async Task Seeds_merge_into_the_expected_people_and_every_expected_query_answers()
    {
        await using var host = await TalentTestHost.StartAsync();
        var outcomes = await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();

        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.SeedsDirectory, "expected.json"))).RootElement;
        Assert.Equal("rejected", outcomes["expected.json"].Outcome);
        Assert.False(string.IsNullOrWhiteSpace(outcomes["expected.json"].Reason));

        // Candidates group the sources as expected.json says.
        foreach (var candidate in expected.GetProperty("candidates").EnumerateArray())
        {
            var sources = candidate.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList();
            var ids = sources.Select(s => outcomes[s].CandidateId).Distinct().ToList();
            Assert.Single(ids);
            var details = await host.Get<CandidateStore>().GetCandidateAsync(ids[0]!.Value, CancellationToken.None);
            Assert.NotNull(details);
            Assert.Equal(candidate.GetProperty("name").GetString(), details.Profile.Name);
            Assert.Equal(sources.Select(s => "file:" + s).Order(StringComparer.Ordinal), details.Sources.Select(s => s.SourceId).Order(StringComparer.Ordinal));
        }

        Assert.Equal(expected.GetProperty("candidates").GetArrayLength(), await host.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));

        foreach (var query in expected.GetProperty("queries").EnumerateArray())
        {
            var url = "/api/search?" + string.Join('&', query.EnumerateObject()
                .Where(p => p.Name is "q" or "skill" or "topic" or "venue")
                .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value.GetString()!)}"));
            var response = await host.Client.GetFromJsonAsync<SearchResponse>(url, Json);
            Assert.NotNull(response);
            var names = response.Results.Select(r => r.Name).ToList();
            if (query.TryGetProperty("first", out var first))
            {
                Assert.True(names.Count > 0 && names[0] == first.GetString(), $"{url}: expected {first.GetString()} first, got [{string.Join(", ", names)}]");
            }

            if (query.TryGetProperty("relevant", out var relevant))
            {
                foreach (var name in relevant.EnumerateArray().Select(n => n.GetString()))
                {
                    Assert.Contains(name, names);
                }
            }

            Assert.All(response.Results, r => Assert.NotEmpty(r.Evidence));
        }
    }

    [SeedFact]
    public async Task A_namesake_with_other_mail_papers_and_institution_stays_a_third_candidate()
    {
        await using var host = await TalentTestHost.StartAsync();
        var seeds = await SubmitSeedsAsync(host);
        const string namesake = """
            # Zangwei Zheng

            zangwei.zheng@tum.example.de · Munich

            ## Education

            **Technical University of Munich** — Ph.D. in Informatics, Oct 2019 – Sep 2024

            ## Publications

            1. **Formal Verification of Railway Interlocking Tables** Zangwei Zheng, Lena Vogel **CAV 2023**
            2. **Bounded Model Checking for PLC Programs** Lena Vogel, Zangwei Zheng **TACAS 2022**

            ## Skills

            - Languages: OCaml, C
            """;
        var outcome = await host.SubmitAsync("file:namesake.md", "text/markdown", namesake);
        await host.WaitForIndexAsync();

        Assert.Equal(StoreOutcome.Accepted, outcome.Outcome);
        Assert.DoesNotContain(outcome.CandidateId, seeds.Values.Select(o => o.CandidateId));
        Assert.Equal(3, await host.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
        var search = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=%22Zangwei%20Zheng%22", Json);
        Assert.Equal(2, search!.Results.Count(r => r.Name == "Zangwei Zheng"));
    }

    [SeedFact]
    public async Task Ingesting_the_seeds_again_changes_nothing()
    {
        await using var host = await TalentTestHost.StartAsync();
        var first = await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();
        var sequence = await host.Get<CandidateStore>().LastSequenceAsync(CancellationToken.None);

        var second = await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();

        foreach (var (name, outcome) in second.Where(o => o.Key != "expected.json"))
        {
            Assert.Equal("unchanged", outcome.Outcome);
            Assert.Equal(first[name].CandidateId, (await host.Get<CandidateStore>().GetCandidateAsync(first[name].CandidateId!.Value, CancellationToken.None))?.Id);
        }

        Assert.Equal(sequence, await host.Get<CandidateStore>().LastSequenceAsync(CancellationToken.None));
        Assert.Equal(2, await host.Get<CandidateStore>().CountCandidatesAsync(CancellationToken.None));
    }

    [SeedFact]
    public async Task Video_generation_returns_both_people_with_evidence_and_ICLR_ranks_Xuanlei_Zhao_first()
    {
        await using var host = await TalentTestHost.StartAsync();
        await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();

        var video = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=video%20generation", Json);
        Assert.NotNull(video);
        Assert.Equal(["Xuanlei Zhao", "Zangwei Zheng"], video.Results.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(video.Results, r => Assert.Contains(r.Evidence, e => e.Title.Contains("Video", StringComparison.OrdinalIgnoreCase)));

        var iclr = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?venue=ICLR", Json);
        Assert.NotNull(iclr);
        Assert.Equal("Xuanlei Zhao", iclr.Results[0].Name);
        Assert.Contains(iclr.Results[0].Matches.Venues, v => v.Venue == "ICLR" && v.Count >= 2);
    }

    [SeedFact]
    public async Task Each_expected_answer_is_explained_by_the_evidence_that_made_it()
    {
        await using var host = await TalentTestHost.StartAsync();
        await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();

        // For every query of expected.json: who comes first, and the paper of theirs that must be named as evidence.
        (string Url, string Person, string Paper)[] cases =
        [
            ("q=video%20generation", "Xuanlei Zhao", "Real-Time Video Generation with Pyramid Attention Broadcast"),
            ("q=video%20generation", "Zangwei Zheng", "Open-Sora"),
            ("q=large%20batch%20training", "Zangwei Zheng", "MERIT: Maximum-normalized Element-wise Ratio for Language Model Large-batch Training"),
            ("q=sequence%20parallelism", "Xuanlei Zhao", "DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers"),
            ("q=CTR%20prediction", "Zangwei Zheng", "CowClip: Reducing CTR Prediction Model Training Time"),
            ("q=activation%20memory%20compiler", "Xuanlei Zhao", "AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference"),
            ("venue=ICLR", "Xuanlei Zhao", "AutoChunk"),
            ("venue=NeurIPS", "Zangwei Zheng", "Response Length Perception and Sequence Scheduling"),
        ];
        foreach (var (url, person, paper) in cases)
        {
            var response = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?" + url, Json);
            Assert.NotNull(response);
            var hit = Assert.Single(response.Results, r => r.Name == person);
            Assert.True(
                hit.Evidence.Any(e => e.Title.StartsWith(paper, StringComparison.Ordinal)),
                $"{url}: {person}'s evidence should name \"{paper}\", got [{string.Join(" | ", hit.Evidence.Select(e => e.Title))}]");
        }

        // The strongest evidence comes first: the DSP paper heads Xuanlei Zhao's answer to "sequence parallelism",
        // the venue filter shows only papers at that venue, and the skill filter names the skill.
        var sequence = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?q=sequence%20parallelism", Json);
        Assert.StartsWith("DSP: Dynamic Sequence Parallelism", sequence!.Results[0].Evidence[0].Title, StringComparison.Ordinal);
        Assert.Contains("sequence parallelism", sequence.Results[0].Matches.Topics);
        var iclr = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?venue=ICLR", Json);
        Assert.All(iclr!.Results[0].Evidence, e => Assert.Equal("ICLR", e.Venue));
        var pytorch = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?skill=PyTorch", Json);
        Assert.Contains("PyTorch", pytorch!.Results[0].Matches.Skills);
    }

    private static async Task<Dictionary<string, Contracts.ProfileDocumentProcessed>> SubmitSeedsAsync(TalentTestHost host)
    {
        var outcomes = new Dictionary<string, Contracts.ProfileDocumentProcessed>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(TestPaths.SeedsDirectory).Order(StringComparer.Ordinal))
        {
            outcomes[Path.GetFileName(path)] = await host.SubmitFileAsync(path);
        }

        return outcomes;
    }
}
