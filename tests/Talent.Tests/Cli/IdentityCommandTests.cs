using System.Text.Json;

namespace Talent.Tests.Cli;

/// <summary><c>talent admin merge</c> and <c>talent admin split</c> as a user runs them, on a data folder filled by <c>talent ingest</c>.</summary>
public sealed class IdentityCommandTests
{
    [Fact]
    public async Task A_merge_the_keys_argue_against_is_made_and_says_so_on_one_warning_line()
    {
        using var temp = new TempDirectory();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "ana-1.md"), "# Ana Lima\n\n[ORCID](https://orcid.org/0000-0002-1825-0097)\n\n## Publications\n\n- **Sparse Attention Kernels**  \n  Ana Lima, Ada Other **NeurIPS 2023**\n");
        await File.WriteAllTextAsync(Path.Combine(inbox, "ana-2.md"), "# Ana Lima\n\n[ORCID](https://orcid.org/0000-0001-5109-3700)\n\n## Publications\n\n- **Graph Partitioning at Scale**  \n  Ana Lima, Bo Chen **OSDI 2022**\n");
        var data = Path.Combine(temp.Path, "data");
        await RunAsync(data, "ingest", inbox);

        var (exit, output, error) = await TalentProcess.RunAsync("--data", data, "admin", "merge", "1", "2");

        Assert.Equal(0, exit);
        Assert.Equal("merged into candidate(s) 1", output.Trim());
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.EndsWith("different ORCIDs; merged as decided", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_and_split_on_the_command_line_change_who_is_who_hold_across_reingestion_and_are_audited_and_bad_ones_end_in_one_line()
    {
        using var temp = new TempDirectory();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        // Two documents the rules keep apart (other names, other addresses) that a person knows are one researcher's.
        await File.WriteAllTextAsync(Path.Combine(inbox, "ana-cv.md"), "# Ana Lima\n\nana@example.org\n\n## Publications\n\n- **Sparse Attention Kernels**  \n  Ana Lima, Ada Other **NeurIPS 2023**\n");
        await File.WriteAllTextAsync(Path.Combine(inbox, "lima-page.md"), "# Ana Lima-Santos\n\nlima@lab.example.net\n\n## Publications\n\n- **Graph Partitioning at Scale**  \n  Ana Lima-Santos, Bo Chen **OSDI 2022**\n");
        var data = Path.Combine(temp.Path, "data");
        await RunAsync(data, "ingest", inbox);
        var page = "file://" + Path.Combine(inbox, "lima-page.md");
        await AssertRefusedAsync(data);

        Assert.Equal("merged into candidate(s) 1", (await RunAsync(data, "admin", "merge", "1", "2")).Trim());
        Assert.Equal(2, (await SourcesAsync(data, 1)).Count);
        Assert.Equal(1, (await TalentProcess.RunAsync("--data", data, "show", "2", "--json")).ExitCode); // no candidate 2 any more

        Assert.Equal("split into candidate(s) 1, 3", (await RunAsync(data, "admin", "split", "1", "--source", page)).Trim());
        // The page left: show says a person kept it apart, and that the merge before was replaced by that decision.
        var shown = await RunAsync(data, "show", "1");
        Assert.Contains("decisions with other candidates' sources (2):", shown, StringComparison.Ordinal);
        Assert.Contains("a person decided: not the same person", shown, StringComparison.Ordinal);
        Assert.Contains("a person decided: same person (decided by", shown, StringComparison.Ordinal);
        Assert.Contains("— replaced by a later decision", shown, StringComparison.Ordinal);
        await RunAsync(data, "ingest", inbox); // the same documents again: the decisions still hold
        Assert.Equal([page], await SourcesAsync(data, 3));
        Assert.DoesNotContain(page, await SourcesAsync(data, 1));

        var audit = await RunAsync(data, "admin", "audit");
        Assert.Contains("identity merge of candidate(s) 1, 2 by ", audit, StringComparison.Ordinal);
        Assert.Contains("identity split of candidate(s) 1 by ", audit, StringComparison.Ordinal);
    }

    /// <summary>Decisions that cannot be taken: the exit code and the one line that says why.</summary>
    private static readonly (int Exit, string Expected, string[] Args)[] Refused =
    [
        (1, "no candidate with id 999", ["admin", "merge", "1", "999"]),
        (1, "give two different candidates", ["admin", "merge", "1", "1"]),
        (1, "is not a source of candidate 1", ["admin", "split", "1", "--source", "file:///elsewhere.md"]),
        (2, "abc", ["admin", "merge", "1", "abc"]),
    ];

    private static async Task AssertRefusedAsync(string data)
    {
        foreach (var (exit, expected, args) in Refused)
        {
            var (code, _, stderr) = await TalentProcess.RunAsync(["--data", data, .. args]);
            Assert.True(exit == code, $"talent {string.Join(' ', args)}: exit {code}");
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    private static async Task<string> RunAsync(string data, params string[] args)
    {
        var (exit, stdout, stderr) = await TalentProcess.RunAsync(["--data", data, .. args]);
        Assert.True(exit == 0, $"talent {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    private static async Task<List<string>> SourcesAsync(string data, long candidate)
    {
        using var shown = JsonDocument.Parse(await RunAsync(data, "show", candidate.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"));
        return [.. shown.RootElement.GetProperty("profile").GetProperty("sourceIds").EnumerateArray().Select(s => s.GetString() ?? string.Empty)];
    }
}
