using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Talent.Server.Access;
using Talent.Server.Api;
using Talent.Server.Ingestion;
using Talent.Storage;
using Talent.Tests.Recruiting;

namespace Talent.Tests.Shortlists;

/// <summary>Shortlists over HTTP with two of the recruiter CVs loaded: lists, entries as cards, tag filter, export, errors and audit.</summary>
public sealed class ShortlistApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_recruiter_keeps_a_tagged_shortlist_reads_it_as_cards_filters_and_exports_it()
    {
        await using var host = await TalentTestHost.StartAsync();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var person in RecruiterCvs.People.Take(2))
        {
            ids[person.Name] = (await host.SubmitAsync("cv:" + person.File, DocumentIngestion.ContentTypeForFile(person.File), person.Content)).CandidateId!.Value; // accepted
        }

        await host.WaitForIndexAsync();
        var jose = RecruiterCvs.People[0];
        var anna = RecruiterCvs.People[1];

        using var created = await host.Client.PostAsJsonAsync("/api/shortlists", new { name = "Backend Q3" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = (await created.Content.ReadFromJsonAsync<Shortlist>(Json))!;
        Assert.Equal(("Backend Q3", "anonymous (local)", 0), (list.Name, list.Owner, list.Entries));
        Assert.Equal($"/api/shortlists/{list.Id}", created.Headers.Location?.OriginalString);

        using (var put = await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/{ids[jose.Name]}", new { tags = new[] { "Backend", "Lisbon office" }, note = "strong on payments" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        (await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/{ids[anna.Name]}", new { tags = new[] { "ml" } })).EnsureSuccessStatusCode();

        var view = (await host.Client.GetFromJsonAsync<ShortlistView>($"/api/shortlists/{list.Id}", Json))!;
        Assert.Equal(2, view.Entries);
        var card = view.Candidates[0];
        Assert.Equal(
            (ids[jose.Name], jose.Name, jose.Title, jose.CurrentEmployer, $"{jose.City}, {jose.Country}", "backend, lisbon office", "strong on payments"),
            (card.CandidateId, card.Name, card.Title, card.Employer, card.Location, string.Join(", ", card.Tags), card.Note));
        Assert.Equal(anna.Name, view.Candidates[1].Name);
        Assert.Equal(["backend", "lisbon office", "ml"], view.Tags.Select(t => t.Value).Order(StringComparer.Ordinal));

        var ml = (await host.Client.GetFromJsonAsync<ShortlistView>($"/api/shortlists/{list.Id}?tag=ML", Json))!;
        Assert.Equal((anna.Name, "ml"), (Assert.Single(ml.Candidates).Name, ml.Tag));

        var csv = (await host.Client.GetStringAsync(new Uri($"/api/shortlists/{list.Id}/export", UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ShortlistCards.Columns), csv[0]);
        Assert.StartsWith($"{ids[jose.Name]},{jose.Name},{jose.Title},{jose.CurrentEmployer},\"{jose.City}, {jose.Country}\",backend; lisbon office,strong on payments,anonymous (local),", csv[1], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        var lines = (await host.Client.GetStringAsync(new Uri($"/api/shortlists/{list.Id}/export?format=json&tag=ml", UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(anna.Name, JsonDocument.Parse(Assert.Single(lines)).RootElement.GetProperty("name").GetString());

        var memberships = await host.Client.GetFromJsonAsync<JsonElement>($"/api/candidates/{ids[jose.Name]}/shortlists");
        Assert.Equal("Backend Q3", memberships[0].GetProperty("shortlistName").GetString());

        (await host.Client.PatchAsJsonAsync($"/api/shortlists/{list.Id}", new { name = "Backend hires" })).EnsureSuccessStatusCode();
        Assert.Equal("Backend hires", Assert.Single((await host.Client.GetFromJsonAsync<Shortlist[]>("/api/shortlists", Json))!).Name);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/shortlists/{list.Id}/candidates/{ids[anna.Name]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/shortlists/{list.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(new Uri($"/api/shortlists/{list.Id}", UriKind.Relative))).StatusCode);

        await host.Get<AuditTrail>().FlushAsync(CancellationToken.None);
        var actions = (await host.Get<AccessStore>().ReadAuditAsync(50, CancellationToken.None)).Select(a => a.Action).Reverse().ToList();
        Assert.Equal(
            ["shortlist create", "shortlist add", "shortlist add", "shortlist rename", "shortlist remove", "shortlist delete"],
            actions.Where(a => a.StartsWith("shortlist ", StringComparison.Ordinal) && a != "shortlist export"));
        Assert.Contains("shortlist", actions);
        Assert.Contains("shortlist export", actions);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_unknown_lists_and_candidates_are_404()
    {
        await using var host = await TalentTestHost.StartAsync();
        var candidate = (await host.SubmitAsync("cv:one", "text/markdown", "# Ines Carvalho-Berg\n\nines@example.org\n")).CandidateId!.Value; // accepted
        using var created = await host.Client.PostAsJsonAsync("/api/shortlists", new { name = "Data" });
        var list = (await created.Content.ReadFromJsonAsync<Shortlist>(Json))!;

        foreach (var (response, field) in new[]
        {
            (await host.Client.PostAsJsonAsync("/api/shortlists", new { name = "" }), "name"),
            (await host.Client.PostAsJsonAsync("/api/shortlists", new { name = "DATA" }), "name"),
            (await host.Client.PostAsJsonAsync("/api/shortlists", new { name = new string('x', 101) }), "name"),
            (await host.Client.PatchAsJsonAsync($"/api/shortlists/{list.Id}", new { name = "a\u0000b" }), "name"),
            (await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/{candidate}", new { tags = Enumerable.Range(0, 11).Select(i => $"t{i}") }), "tags"),
            (await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/{candidate}", new { note = new string('n', 2001) }), "note"),
            (await host.Client.GetAsync(new Uri($"/api/shortlists/{list.Id}?tag={new string('t', 41)}", UriKind.Relative)), "tag"),
            (await host.Client.GetAsync(new Uri($"/api/shortlists/{list.Id}/export?format=xlsx", UriKind.Relative)), "format"),
        })
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode}");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{field}: {await response.Content.ReadAsStringAsync()}");
                Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
            }
        }

        foreach (var response in new[]
        {
            await host.Client.PutAsJsonAsync($"/api/shortlists/{list.Id}/candidates/999999", new { tags = new[] { "x" } }),
            await host.Client.PutAsJsonAsync($"/api/shortlists/999999/candidates/{candidate}", new { tags = new[] { "x" } }),
            await host.Client.DeleteAsync($"/api/shortlists/{list.Id}/candidates/{candidate}"),
            await host.Client.PatchAsJsonAsync("/api/shortlists/999999", new { name = "Other" }),
            await host.Client.DeleteAsync("/api/shortlists/999999"),
            await host.Client.GetAsync(new Uri("/api/shortlists/999999/export", UriKind.Relative)),
        })
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
                // Problem details, as the other endpoints' 404s (TypedResults.NotFound with a ProblemDetails body).
                Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            }
        }

        // Without a body the candidate goes on the list with no tags and no note.
        using var bare = await host.Client.PutAsync($"/api/shortlists/{list.Id}/candidates/{candidate}", null);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
    }
}
