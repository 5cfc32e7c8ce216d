using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Tests.Cli;

namespace Talent.Tests.Api;

/// <summary><c>GET /api/rejected</c>: the list <c>talent admin rejected --json</c> prints, over HTTP.</summary>
public sealed class RejectedApiTests
{
    [Fact]
    public async Task Rejected_documents_are_listed_in_the_same_shape_as_the_cli()
    {
        await using var host = await TalentTestHost.StartAsync();
        var rejected = await host.SubmitAsync("ats:empty", "text/markdown", "   ");
        var accepted = await host.SubmitAsync("ats:good", "text/markdown", "# Rosalind Achterberg\n\nrosalind@example.org\n\n## SELECTED PUBLICATIONS\n\n- **Masked Video Tokens**  \nRosalind Achterberg, Ada Other **NeurIPS 2023**\n");
        Assert.Equal("rejected", rejected.Outcome);
        Assert.Equal("accepted", accepted.Outcome);

        var api = await host.Client.GetFromJsonAsync<JsonElement>("/api/rejected");
        var (exit, stdout, _) = await TalentProcess.RunAsync("--data", host.DataDirectory, "admin", "rejected", "--json");

        Assert.Equal(0, exit);
        var cli = JsonDocument.Parse(stdout).RootElement;
        var item = Assert.Single(api.EnumerateArray());
        Assert.Equal("ats:empty", item.GetProperty("sourceId").GetString());
        Assert.Equal(rejected.Reason, item.GetProperty("reason").GetString());
        var cliItem = Assert.Single(cli.EnumerateArray());
        Assert.Equal(
            cliItem.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).Order(StringComparer.Ordinal),
            item.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    public async Task Absurd_limits_are_a_400_naming_the_field(string query)
    {
        await using var host = await TalentTestHost.StartAsync();
        using var response = await host.Client.GetAsync("/api/rejected?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
