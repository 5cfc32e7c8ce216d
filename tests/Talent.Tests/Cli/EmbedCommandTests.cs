using System.Text.Json;
using Talent.Server.Demo;

namespace Talent.Tests.Cli;

/// <summary><c>talent admin embed</c>: the sentence vectors of a data folder filled by <c>talent ingest</c>, with no worker running.</summary>
public sealed class EmbedCommandTests
{
    [Fact]
    public async Task Embed_computes_every_candidates_vectors_once_and_match_then_ranks_with_meaning()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        var candidates = DemoLoader.Documents().Count;
        var enabled = new Dictionary<string, string> { ["Talent__Embeddings__Enabled"] = "true" };

        var (_, before, _) = await TalentProcess.RunWithAsync(enabled, "--data", data, "match", "--text", await DescriptionAsync(temp), "--json");
        Assert.All(Rankers(before), ranker => Assert.Equal("lexical: this candidate's vectors are not computed yet", ranker));

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "embed", "--threads", "1");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"embedded {candidates} candidates", stdout, StringComparison.Ordinal);
        Assert.Contains("Talent:Embeddings:Enabled", stdout, StringComparison.Ordinal); // vectors are off here: says how to use them
        Assert.Contains($"embed: {candidates}/{candidates} candidates", stderr, StringComparison.Ordinal); // plain progress lines when not a terminal

        var vectors = (await StatusCommandTests.StatusAsync(data, enabled)).GetProperty("vectors");
        Assert.True(vectors.GetProperty("enabled").GetBoolean());
        Assert.Equal(candidates, vectors.GetProperty("embedded").GetInt64());
        Assert.Equal(0, vectors.GetProperty("waiting").GetInt64());

        var (_, again, _) = await TalentProcess.RunWithAsync(enabled, "--data", data, "admin", "embed");
        Assert.Contains("embedded 0 candidates (0 new texts)", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Talent:Embeddings:Enabled", again, StringComparison.Ordinal);

        var (_, after, _) = await TalentProcess.RunWithAsync(enabled, "--data", data, "match", "--text", await DescriptionAsync(temp), "--json");
        var rankers = Rankers(after);
        Assert.NotEmpty(rankers);
        Assert.All(rankers, ranker => Assert.Equal("hybrid", ranker));
    }

    [Fact]
    public async Task Ingest_with_vectors_on_computes_the_stored_candidates_vectors_after_the_documents()
    {
        using var temp = new TempDirectory();
        var enabled = new Dictionary<string, string> { ["Talent__Embeddings__Enabled"] = "true" };
        var candidates = DemoLoader.Documents().Count;
        var (data, stdout, stderr) = await TalentProcess.IngestDemoWithAsync(temp, enabled);

        Assert.Contains($"accepted {candidates}", stdout, StringComparison.Ordinal);
        Assert.Contains($"embedded {candidates} candidates", stdout, StringComparison.Ordinal);
        Assert.Contains($"embed: {candidates}/{candidates} candidates", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wait for sentence vectors", stderr, StringComparison.Ordinal);
        var vectors = (await StatusCommandTests.StatusAsync(data, enabled)).GetProperty("vectors");
        Assert.Equal(candidates, vectors.GetProperty("embedded").GetInt64());
        Assert.Equal(0, vectors.GetProperty("waiting").GetInt64());

        var (_, after, _) = await TalentProcess.RunWithAsync(enabled, "--data", data, "match", "--text", await DescriptionAsync(temp), "--top", "100", "--json");
        Assert.All(Rankers(after), ranker => Assert.Equal("hybrid", ranker));

        // The same documents again: nothing waits, nothing is said about vectors.
        var (again, againOut, againErr) = await TalentProcess.RunWithAsync(enabled, "--data", data, "ingest", Path.Combine(temp.Path, "inbox"));
        Assert.True(again == 0, againErr);
        Assert.Contains($"unchanged {candidates}", againOut, StringComparison.Ordinal);
        Assert.DoesNotContain("embed", againOut + againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_no_embed_says_who_waits_for_vectors_and_embed_then_computes_every_one()
    {
        using var temp = new TempDirectory();
        var enabled = new Dictionary<string, string> { ["Talent__Embeddings__Enabled"] = "true" };
        var (data, stdout, stderr) = await TalentProcess.IngestDemoWithAsync(temp, enabled, "--no-embed");
        Assert.DoesNotContain("embedded", stdout, StringComparison.Ordinal);

        // The worker inside `talent ingest` stops with it, giving back the batch it held: whatever it did not finish,
        // and only that, is left for `talent admin embed`.
        var (embedExit, embedOut, embedErr) = await TalentProcess.RunWithAsync(enabled, "--data", data, "admin", "embed", "--threads", "1");
        Assert.True(embedExit == 0, embedErr);
        var embedded = int.Parse(embedOut.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (embedded > 0)
        {
            Assert.Contains($"{embedded} candidates wait for sentence vectors", stderr, StringComparison.Ordinal);
            Assert.Contains("talent admin embed", stderr, StringComparison.Ordinal);
        }

        var (_, after, _) = await TalentProcess.RunWithAsync(enabled, "--data", data, "match", "--text", await DescriptionAsync(temp), "--top", "100", "--json");
        Assert.All(Rankers(after), ranker => Assert.Equal("hybrid", ranker));
    }

    [Fact]
    public async Task Embed_refuses_a_thread_count_out_of_range_in_one_line()
    {
        using var temp = new TempDirectory();
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", temp.Path, "admin", "embed", "--threads", "0");
        Assert.Equal(2, exit);
        Assert.Equal("talent: --threads must be between 1 and 64.", stderr.Trim());
    }

    private static async Task<string> DescriptionAsync(TempDirectory temp)
    {
        var path = Path.Combine(temp.Path, "description.txt");
        await File.WriteAllTextAsync(path, "Research on video generation and diffusion models for computer vision");
        return path;
    }

    private static List<string> Rankers(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("signals").GetProperty("ranker").GetString() ?? "")];
}
