using System.Net.Http.Json;
using System.Text.Json;
using Talent.Server.Api;
using Talent.Server.Ingestion;
using Talent.Tests.Cli;
using Talent.Tests.Recruiting;

namespace Talent.Tests.Shortlists;

/// <summary><c>talent shortlist</c> beside a running service on its data folder: the same lists, rules and cards as over HTTP.</summary>
public sealed class ShortlistCommandTests
{
    [Fact]
    public async Task The_command_line_keeps_shortlists_the_service_sees_and_refuses_what_the_api_refuses()
    {
        await using var host = await TalentTestHost.StartAsync();
        var jose = RecruiterCvs.People[0];
        var joseId = (await host.SubmitAsync("cv:" + jose.File, DocumentIngestion.ContentTypeForFile(jose.File), jose.Content)).CandidateId!.Value; // accepted
        var other = (await host.SubmitAsync("cv:other", "text/markdown", "# Ines Carvalho-Berg\n\nines@example.org\n")).CandidateId!.Value; // accepted
        await host.WaitForIndexAsync();
        var data = host.DataDirectory;

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "create", "Payments team");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("created shortlist ", stdout, StringComparison.Ordinal);
        (exit, _, stderr) = await TalentProcess.RunAsync(
            "--data", data, "shortlist", "add", "payments TEAM", joseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tag", "Backend", "--tag", "referral", "--note", "met at a meetup");
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "add", "Payments team", "999999");
        Assert.Equal((1, "talent: no candidate with id 999999\n"), (exit, stderr.Replace("\r", "", StringComparison.Ordinal)));

        // The service sees the change at once: the same database.
        var lists = (await host.Client.GetFromJsonAsync<Talent.Storage.Shortlist[]>("/api/shortlists", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var list = Assert.Single(lists);
        Assert.Equal(("Payments team", 1), (list.Name, list.Entries));
        Assert.EndsWith("(command line)", list.Owner, StringComparison.Ordinal);
        (await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/{other}", new { tags = new[] { "backend" } })).EnsureSuccessStatusCode();

        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "show", "Payments team", "--tag", "referral", "--json");
        Assert.True(exit == 0, stderr);
        var view = JsonSerializer.Deserialize<ShortlistView>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var card = Assert.Single(view.Candidates);
        Assert.Equal(
            (joseId, jose.Name, jose.Title, jose.CurrentEmployer, "backend, referral", "met at a meetup"),
            (card.CandidateId, card.Name, card.Title, card.Employer, string.Join(", ", card.Tags), card.Note));

        (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "export", list.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tag", "backend");
        Assert.True(exit == 0, stderr);
        var rows = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ShortlistCards.Columns), rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.Contains(rows, r => r.StartsWith($"{other},Ines Carvalho-Berg,", StringComparison.Ordinal));

        (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "remove", "Payments team", joseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, stderr);
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<JsonElement>($"/api/shortlists/{list.Id}")).GetProperty("entries").GetInt32());
        (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "shortlist", "create", "");
        Assert.Equal((2, "talent: name: give the shortlist a name\n"), (exit, stderr.Replace("\r", "", StringComparison.Ordinal)));

        var audit = await host.Get<Talent.Storage.AccessStore>().ReadAuditAsync(50, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "shortlist add" && a.Client?.StartsWith("cli:", StringComparison.Ordinal) == true && a.CandidateIds.SequenceEqual([joseId]));
        Assert.Contains(audit, a => a.Action == "shortlist export" && a.Client?.StartsWith("cli:", StringComparison.Ordinal) == true);
    }
}
