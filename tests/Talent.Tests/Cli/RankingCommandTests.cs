using System.Diagnostics;
using System.Text.Json;
using Talent.Tests.Evaluation;
using Xunit.Abstractions;

namespace Talent.Tests.Cli;

/// <summary><c>talent match</c>, <c>similar</c>, <c>eval goldstandard</c> and ranking configuration as separate processes.</summary>
public sealed class RankingCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Match_and_similar_rank_the_ingested_candidates_and_refuse_bad_usage_in_one_line()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        var job = Path.Combine(temp.Path, "job.txt");
        await File.WriteAllTextAsync(job, "Research engineer for video generation: diffusion models, long video, PyTorch, distributed training.");

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "match", "--text", job, "--top", "3", "--json");
        Assert.True(exit == 0, stderr);
        var results = JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 3);
        var fits = results.Select(r => r.GetProperty("fit").GetDouble()).ToList();
        Assert.All(fits, f => Assert.InRange(f, 0, 1));
        var orders = results.Select(r => r.GetProperty("signals").GetProperty("order").GetDouble()).ToList();
        Assert.Equal(orders.OrderDescending(), orders);
        Assert.NotEmpty(results[0].GetProperty("evidence").EnumerateArray());

        var first = results[0].GetProperty("id").GetInt64();
        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "similar", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(exit == 0, stderr);
        var similar = JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(similar);
        Assert.DoesNotContain(first, similar);

        (exit, stdout, _) = await TalentProcess.RunAsync("--data", data, "match", "--text", job);
        Assert.Equal(0, exit);
        Assert.Contains("fit", stdout, StringComparison.OrdinalIgnoreCase);

        // The text form says which required skills each candidate has and which are missing, on lines of their own.
        var ad = Path.Combine(temp.Path, "ad.txt");
        await File.WriteAllTextAsync(ad, "Research engineer, video generation.\nRequired skills: PyTorch, Go, Kafka");
        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "match", "--text", ad, "--top", "3");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        var missing = lines.Where(l => l.StartsWith("   skills missing: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines.Count(l => l.StartsWith("   skills present: ", StringComparison.Ordinal)), missing.Count);
        Assert.NotEmpty(missing);
        Assert.All(missing, l => Assert.Contains("Apache Kafka", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("   matched ", StringComparison.Ordinal));

        await AssertOneLineErrorAsync(2, "no such file", "--data", data, "match", "--text", Path.Combine(temp.Path, "missing.txt"));
        await AssertOneLineErrorAsync(2, "--top must be between 1 and 1000, not 0.", "--data", data, "similar", "1", "--top", "0");
        await AssertOneLineErrorAsync(2, "--top must be between 1 and 1000, not 1001.", "--data", data, "match", "--text", job, "--top", "1001");
        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "match", "--text", job, "--top", "1000", "--json");
        Assert.True(exit == 0, stderr);
        Assert.NotEmpty(JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray());
        await AssertOneLineErrorAsync(1, "No candidate with id 987654", "--data", data, "similar", "987654");
        await AssertOneLineErrorAsync(2, "not a reviewer-expertise gold standard folder", "eval", "goldstandard", "--dataset", temp.Path);
    }

    [Fact]
    public async Task A_ranking_weight_out_of_range_is_one_line_naming_the_setting()
    {
        using var temp = new TempDirectory();
        var info = TalentProcess.StartInfo("--data", Path.Combine(temp.Path, "data"), "search", "video");
        info.Environment["Talent__Search__VenueTierWeights__A*"] = "-1";
        using var process = Process.Start(info)!; // Process.Start returns a process for a file name
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("talent: bad configuration: Talent:Search: VenueTierWeights:A* must be a number of at least 0, not -1", line.TrimEnd());
    }

    [GoldStandardFact]
    public async Task Eval_goldstandard_prints_talent_next_to_the_baselines_and_the_published_references()
    {
        // A long acceptance run: it reports its time instead of racing a timeout.
        var clock = Stopwatch.StartNew();
        // Words only: the sentence-vector run over every paper is measured by docs/ranking.md's command, not on every test run.
        var (exit, stdout, stderr) = await TalentProcess.RunAsync("eval", "goldstandard", "--dataset", TestPaths.GoldStandardDirectory, "--version", "1", "--lexical-only");
        output.WriteLine($"talent eval goldstandard took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n').Select(l => l.Trim()).ToList();
        double Loss(string system) => double.Parse(
            rows.Single(r => r.StartsWith(system + "  ", StringComparison.Ordinal))[system.Length..].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture);

        const string words = "Talent match, words only (tf-idf)";
        Assert.InRange(Loss(words), 0, 0.26);
        Assert.True(Loss(words) < Loss("reference tpms_d_20_1_ta"), stdout);
        Assert.Equal(0.2591, Loss("reference specter_mfr_d_20_1_ta"), 3);
    }


    [Fact]
    public async Task Eval_experts_finds_the_author_of_each_paper_outside_the_profiles_and_prints_the_baselines_beside_talent()
    {
        using var temp = new TempDirectory();
        var dataset = SmallGoldStandard.WriteTo(temp.Path);

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("eval", "experts", "--dataset", dataset, "--lexical-only");

        Assert.True(exit == 0, stderr);
        // Both sets of candidates by default: the 20-paper profiles, then half of each whole record (a paper whose id ends
        // in an even character is a query for everyone: p2, p4, p6, r2 and r4 here; 103 keeps p5 alone).
        var reports = stdout.Split("expert finding on the reviewer-expertise researchers: ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, reports.Length);
        Assert.StartsWith("3 researchers (20-paper profiles, version 1), 4 of their other papers as queries, 1.00 authors each", reports[0], StringComparison.Ordinal);
        Assert.StartsWith("3 researchers (half of each one's whole record, at most 10 queries from the other half of each), 5 of their other papers as queries, 1.00 authors each", reports[1], StringComparison.Ordinal);
        foreach (var report in reports)
        {
            var rows = report.Split('\n').Select(l => l.Trim()).ToList();
            string[] Row(string system) => rows.Single(r => r.StartsWith(system + "  ", StringComparison.Ordinal))[system.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Each paper is on one researcher's subject: words alone put its author first (MAP, MRR and P@1 all 1).
            Assert.Equal(["1.000", "1.000", "1.000"], Row("Talent match, words only (tf-idf)"));
            Assert.Equal(3, Row("BM25 paper voting (sum over the 100 best papers)").Length);
            // The title alone, as a short query to search and to BM25: each paper's author is found among the three.
            Assert.All(Row("Talent search, the title as query").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), v => Assert.InRange(v, 0.5, 1));
            Assert.Equal(3, Row("plain BM25, the title as query").Length);
            Assert.DoesNotContain(rows, r => r.StartsWith("Talent match (hybrid)", StringComparison.Ordinal)); // no vectors, no hybrid row
        }

        (exit, stdout, stderr) = await TalentProcess.RunAsync("eval", "experts", "--dataset", dataset, "--lexical-only", "--profiles", "whole");
        Assert.True(exit == 0, stderr);
        Assert.Single(stdout.Split("expert finding on", StringSplitOptions.None).Skip(1));
        Assert.Contains("(half of each one's whole record", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await TalentProcess.RunAsync("eval", "experts", "--dataset", dataset, "--queries", "0");
        Assert.Equal(2, exit);
        Assert.Equal("talent: --queries must be at least 1.", stderr.Trim());
    }

    [Fact]
    public async Task Eval_goldstandard_scores_out_holds_every_researcher_times_every_reference_paper_for_each_version_run()
    {
        using var temp = new TempDirectory();
        var dataset = SmallGoldStandard.WriteTo(temp.Path);
        var scores = Path.Combine(temp.Path, "scores.json");

        // One version, not version 1: one file, every researcher with a profile × every paper the reference predictions score.
        var (exit, _, stderr) = await TalentProcess.RunAsync("eval", "goldstandard", "--dataset", dataset, "--version", "2", "--lexical-only", "--scores-out", scores);
        Assert.True(exit == 0, stderr);
        AssertEveryPair(scores);
        Assert.Contains($"{scores}: Talent match (hybrid), words only: no sentence vectors, profile version 2, 3 researchers, 12 pairs", stderr, StringComparison.Ordinal);

        // Several versions: one file per version, named after it.
        (exit, _, stderr) = await TalentProcess.RunAsync("eval", "goldstandard", "--dataset", dataset, "--version", "1", "--version", "2", "--lexical-only", "--scores-out", scores);
        Assert.True(exit == 0, stderr);
        AssertEveryPair(Path.Combine(temp.Path, "scores.v1.json"));
        AssertEveryPair(Path.Combine(temp.Path, "scores.v2.json"));
    }

    private static void AssertEveryPair(string file)
    {
        var scores = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(File.ReadAllText(file))!; // a JSON object
        Assert.Equal(SmallGoldStandard.Participants, scores.Keys.Order());
        Assert.All(scores.Values, byPaper => Assert.Equal(SmallGoldStandard.ReferencePapers, byPaper.Keys.Order()));
        Assert.All(scores.Values.SelectMany(p => p.Values), fit => Assert.InRange(fit, 0, 1));
        Assert.True(scores["101"]["r1"] > scores["101"]["r2"], "a paper on the researcher's own subject fits better");
    }

    private static async Task AssertOneLineErrorAsync(int expectedExit, string expected, params string[] args)
    {
        var (exit, _, stderr) = await TalentProcess.RunAsync(args);
        Assert.Equal(expectedExit, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("talent: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
