using System.Net.Http.Json;
using System.Text.Json;
using Talent.Search;
using Talent.Server.Demo;
using Talent.Server.Ingestion;

namespace Talent.Tests.Recruiting;

/// <summary>
/// A recruiter's searches over HTTP with four CVs of four formats and the sample profiles loaded: each person is found
/// by school, employer now and before, city, country, name without accents, e-mail, a project's name and a word of their
/// summary, by parameter and by the query language, and the facets count them.
/// </summary>
public sealed class RecruiterSearchApiTests : IAsyncLifetime
{
    /// <summary>Index field names that must never reach a user.</summary>
    internal static readonly string[] IndexFieldNames =
        ["titles_first", "mentions_", "topics_text", "skills_text", "venue_first", "venue_year", "employers_now", "job_titles", "experience_years", "project_text", "\"about\""];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TalentTestHost host = null!; // set in InitializeAsync before any test runs

    public async Task InitializeAsync()
    {
        host = await TalentTestHost.StartAsync();
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }

        foreach (var person in RecruiterCvs.People)
        {
            var outcome = await host.SubmitAsync("cv:" + person.File, DocumentIngestion.ContentTypeForFile(person.File), person.Content);
            Assert.Equal("accepted", outcome.Outcome);
        }

        await host.WaitForIndexAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Each_person_is_found_by_school_employer_place_plain_name_and_email()
    {
        foreach (var person in RecruiterCvs.People)
        {
            // A school is shared with a sample profile: the person is among those it finds, as many as its facet counts.
            var schoolCount = (await SearchAsync("q=" + Uri.EscapeDataString($"school:\"{person.School}\""))).Facets.Institutions.Single(f => f.Value == person.School).Count;
            foreach (var search in new[] { "school=" + Uri.EscapeDataString(person.School), "q=" + Uri.EscapeDataString($"school:\"{person.School}\"") })
            {
                var response = await SearchAsync(search);
                Assert.Equal(schoolCount, response.Total);
                Assert.Contains(response.Results, r => r.Name == person.Name);
            }

            // Parameters and query-language filters: exactly this person.
            foreach (var search in new[]
            {
                "company=" + Uri.EscapeDataString(person.CurrentEmployer),
                "company=" + Uri.EscapeDataString(person.PastEmployer),
                "q=" + Uri.EscapeDataString($"company:\"{person.PastEmployer}\""),
                "current_company=" + Uri.EscapeDataString(person.CurrentEmployer),
                "location=" + Uri.EscapeDataString(person.City),
                "q=" + Uri.EscapeDataString(person.Email),
                "q=" + Uri.EscapeDataString(person.Email.ToUpperInvariant()),
            })
            {
                var response = await SearchAsync(search);
                Assert.True(response.Total == 1, $"{search}: {response.Total} results ({string.Join(", ", response.Results.Select(r => r.DisplayName))})");
                Assert.Equal(person.Name, response.Results[0].Name);
            }

            // A country is shared with a sample profile (San Francisco, CA is in the United States too).
            var inCountry = await SearchAsync("q=" + Uri.EscapeDataString($"location:\"{person.Country}\""));
            Assert.Contains(inCountry.Results, r => r.Name == person.Name);

            // A past employer is not a current one.
            Assert.Equal(0, (await SearchAsync("current_company=" + Uri.EscapeDataString(person.PastEmployer))).Total);

            // Free text: the person first.
            foreach (var text in new[] { person.School, person.City, person.PlainName, person.PlainName.ToUpperInvariant(), person.PastEmployer })
            {
                var response = await SearchAsync("q=" + Uri.EscapeDataString(text));
                Assert.True(response.Results.Count > 0 && response.Results[0].Name == person.Name, $"q={text}: {string.Join(", ", response.Results.Select(r => r.DisplayName))}");
            }
        }
    }

    [Fact]
    public async Task Cards_show_title_employer_location_and_plain_evidence()
    {
        foreach (var person in RecruiterCvs.People)
        {
            var response = await SearchAsync("q=" + Uri.EscapeDataString(person.PlainName) + "&company=" + Uri.EscapeDataString(person.PastEmployer));
            var hit = Assert.Single(response.Results);
            Assert.Equal(person.Title, hit.Title);
            Assert.Equal(person.CurrentEmployer, hit.Employer);
            Assert.Equal($"{person.City}, {person.Country}", hit.Location);
            Assert.Equal("Strong", hit.FitLabel);
            Assert.Contains($"previously at {person.PastEmployer}", hit.Highlights);
        }

        var skills = await SearchAsync("q=Kubernetes%20Terraform&skill=Go");
        var nunez = skills.Results.Single(r => r.Name == "Renée Núñez");
        Assert.Contains(nunez.Skills, s => s is { Name: "Kubernetes", Matched: true });
        Assert.Contains(nunez.Highlights, h => h.StartsWith("has ", StringComparison.Ordinal) && h.Contains("Terraform", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Facets_count_schools_employers_cities_countries_and_degrees_and_filter_what_they_count()
    {
        var all = await SearchAsync("size=100");
        foreach (var person in RecruiterCvs.People)
        {
            // The facets of a search for the person (the browse facets list the ten most frequent values of each).
            all = await SearchAsync("q=" + Uri.EscapeDataString(person.Email));
            var facets = JsonSerializer.Serialize(all.Facets, Json);
            Assert.True(all.Facets.Employers.Any(f => f.Value == person.CurrentEmployer && f.Count == 1), facets);
            Assert.True(all.Facets.Employers.Any(f => f.Value == person.PastEmployer && f.Count == 1), facets);
            Assert.True(all.Facets.CurrentEmployers.Any(f => f.Value == person.CurrentEmployer && f.Count == 1), facets);
            Assert.True(all.Facets.Cities.Any(f => f.Value == person.City), facets);
            Assert.True(all.Facets.Countries.Any(f => f.Value == person.Country), facets);
            Assert.True(all.Facets.Institutions.Any(f => f.Value == person.School), facets);
        }

        all = await SearchAsync("size=100");
        var masters = all.Facets.Degrees.Single(f => f.Value == "Master's");
        var filtered = await SearchAsync("degree=" + Uri.EscapeDataString("Master's"));
        Assert.Equal(masters.Count, filtered.Total);
        var germany = await SearchAsync("location=Germany");
        Assert.Equal(all.Facets.Countries.Single(f => f.Value == "Germany").Count, germany.Total);
    }

    [Fact]
    public async Task Each_person_is_found_by_a_project_name_and_a_word_of_their_summary_and_told_why()
    {
        foreach (var person in RecruiterCvs.People)
        {
            var byProject = await SearchAsync("q=" + Uri.EscapeDataString(person.Project));
            Assert.True(byProject.Results.Count > 0 && byProject.Results[0].Name == person.Name, $"q={person.Project}: {string.Join(", ", byProject.Results.Select(r => r.DisplayName))}");
            Assert.Contains("project: " + person.Project, byProject.Results[0].Highlights);

            var byQueryLanguage = await SearchAsync("q=" + Uri.EscapeDataString($"project:\"{person.Project}\""));
            Assert.Equal(person.Name, Assert.Single(byQueryLanguage.Results).Name);

            var bySummary = await SearchAsync("q=" + Uri.EscapeDataString(person.SummaryWord));
            var hit = Assert.Single(bySummary.Results);
            Assert.Equal(person.Name, hit.Name);
            Assert.Contains("summary mentions " + person.SummaryWord, hit.Highlights);
        }
    }

    [Theory]
    [InlineData("q=video%20generation%20Stanford")]
    [InlineData("q=Tidewater%20chargebacks")]
    [InlineData("q=project:Stormglass%20OR%20drills")]
    public async Task No_index_field_name_reaches_the_answer_even_when_explaining(string query)
    {
        var text = await host.Client.GetStringAsync(new Uri("/api/search?" + query, UriKind.Relative));
        foreach (var field in IndexFieldNames)
        {
            Assert.DoesNotContain(field, text, StringComparison.Ordinal);
        }
    }

    private async Task<SearchResponse> SearchAsync(string query)
    {
        var response = await host.Client.GetFromJsonAsync<SearchResponse>("/api/search?" + query, Json);
        Assert.NotNull(response);
        return response;
    }
}
