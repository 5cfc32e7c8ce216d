using System.Net.Http.Json;
using System.Text.Json;
using Talent.Server.Access;
using Talent.Server.Demo;
using Talent.Server.Ingestion;

namespace Talent.Tests.Cli;

/// <summary>Reads of personal data through the command line are audited like HTTP reads, one entry (and one line) each.</summary>
public sealed class AuditCommandTests
{
    private const string ThreeLines = "Research engineer for video generation\nDiffusion models, long video\r\nPyTorch\u0007and distributed training";

    /// <summary>The three lines as an entry keeps them: one line, each break a marked space (written by hand).</summary>
    private const string OneLine = "Research engineer for video generation ⏎ Diffusion models, long video ⏎ PyTorch ⏎ and distributed training";

    [Fact]
    public async Task Admin_audit_lists_command_line_and_http_reads_alike_and_a_three_line_match_text_is_one_entry()
    {
        await using var host = await TalentTestHost.StartAsync();
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }

        await host.WaitForIndexAsync();
        (await host.Client.GetAsync(new Uri("/api/search?q=video", UriKind.Relative))).EnsureSuccessStatusCode();
        (await host.Client.PostAsJsonAsync("/api/match", new { text = ThreeLines })).EnsureSuccessStatusCode();
        await host.Get<AuditTrail>().FlushAsync(CancellationToken.None);

        // The same reads through the command line, beside the running host, on its data folder.
        var data = host.DataDirectory;
        var job = Path.Combine(data, "job.txt");
        await File.WriteAllTextAsync(job, ThreeLines);
        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "search", "video", "--json");
        Assert.True(exit == 0, stderr);
        var first = JsonDocument.Parse(stdout).RootElement.GetProperty("results")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var read in new[] { new[] { "match", "--text", job }, ["show", first], ["similar", first] })
        {
            (exit, _, stderr) = await TalentProcess.RunAsync(["--data", data, .. read]);
            Assert.True(exit == 0, stderr);
        }

        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "audit", "--json");
        Assert.True(exit == 0, stderr);
        var entries = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(e => (Cli: e.TryGetProperty("client", out var c) && c.GetString()?.StartsWith(AuditTrail.CommandLineClient, StringComparison.Ordinal) == true, Action: e.GetProperty("action").GetString(), Detail: e.TryGetProperty("detail", out var d) ? d.GetString() : null))
            .ToList();
        Assert.Equal(
            ["http search", "http match", "cli search", "cli match", "cli candidate", "cli similar"],
            entries.AsEnumerable().Reverse().Select(e => (e.Cli ? "cli " : "http ") + e.Action));
        Assert.Equal(OneLine, entries.Single(e => e.Cli && e.Action == "match").Detail);
        Assert.Equal(OneLine, entries.Single(e => !e.Cli && e.Action == "match").Detail);

        // The readable listing: one line per entry, then the count.
        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "audit");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(entries.Count + 1, lines.Length);
        Assert.Equal($"{entries.Count} entries", lines[^1].TrimEnd());
        Assert.Equal(2, lines.Count(l => l.Contains(" match " + OneLine, StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.Contains("command line (user ", StringComparison.Ordinal)));
    }
}
