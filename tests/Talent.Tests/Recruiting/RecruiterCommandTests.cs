using System.Text.Json;
using Talent.Server.Api;
using Talent.Tests.Cli;

namespace Talent.Tests.Recruiting;

/// <summary>
/// <c>talent search</c> with the recruiter filters and export, as a separate process over the four CVs: each person found by
/// school, employer, place, plain name, e-mail, a project's name and a word of their summary, and shown with their projects.
/// </summary>
public sealed class RecruiterCommandTests
{
    [Fact]
    public async Task The_cli_finds_each_person_by_school_employer_place_plain_name_email_project_and_summary_and_exports_csv()
    {
        using var temp = new TempDirectory();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "cvs")).FullName;
        RecruiterCvs.WriteTo(inbox);
        var data = Path.Combine(temp.Path, "data");
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", inbox);
        Assert.True(exit == 0, stderr);

        foreach (var person in RecruiterCvs.People)
        {
            // Plain spelling, school, past employer and city at once: only this person meets them all.
            (exit, var stdout, stderr) = await TalentProcess.RunAsync(
                "--data", data, "search", person.PlainName, "--school", person.School, "--company", person.PastEmployer, "--location", person.City, "--json");
            Assert.True(exit == 0, stderr);
            var response = JsonDocument.Parse(stdout).RootElement;
            var hit = Assert.Single(response.GetProperty("results").EnumerateArray());
            Assert.Equal(person.Name, hit.GetProperty("name").GetString());
            Assert.Equal(person.CurrentEmployer, hit.GetProperty("employer").GetString());
            Assert.Contains(response.GetProperty("facets").GetProperty("countries").EnumerateArray(), f => f.GetProperty("value").GetString() == person.Country);
        }

        foreach (var person in RecruiterCvs.People)
        {
            // A project's name and a word of the summary find the person, and the explanation names them in plain words.
            (exit, var stdout, stderr) = await TalentProcess.RunAsync("--data", data, "search", person.Project, "--explain", "--json");
            Assert.True(exit == 0, stderr);
            var first = JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray().First();
            Assert.Equal(person.Name, first.GetProperty("name").GetString());
            Assert.Contains("project: " + person.Project, first.GetProperty("highlights").EnumerateArray().Select(h => h.GetString()));
            Assert.Contains("project names", first.GetProperty("signals").EnumerateObject().Select(p => p.Name));
            Assert.All(RecruiterSearchApiTests.IndexFieldNames, field => Assert.DoesNotContain(field, stdout, StringComparison.Ordinal));

            (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "search", person.SummaryWord);
            Assert.True(exit == 0, stderr);
            Assert.Contains("1 candidate", stdout, StringComparison.Ordinal);
            Assert.Contains(person.Name, stdout, StringComparison.Ordinal);
            Assert.Contains("summary mentions " + person.SummaryWord, stdout, StringComparison.Ordinal);

            // talent show lists the project under the candidate.
            var id = first.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "show", id);
            Assert.True(exit == 0, stderr);
            Assert.Contains("projects (1):", stdout, StringComparison.Ordinal);
            Assert.Contains("  · " + person.Project, stdout, StringComparison.Ordinal);
            Assert.Contains("summary: ", stdout, StringComparison.Ordinal);
        }

        (exit, var found, stderr) = await TalentProcess.RunAsync("--data", data, "search", RecruiterCvs.People[1].Email);
        Assert.True(exit == 0, stderr);
        Assert.Contains("1 candidate", found, StringComparison.Ordinal);
        Assert.Contains($"{RecruiterCvs.People[1].Title} at {RecruiterCvs.People[1].CurrentEmployer} · {RecruiterCvs.People[1].City}, {RecruiterCvs.People[1].Country}", found, StringComparison.Ordinal);

        (exit, var csv, stderr) = await TalentProcess.RunAsync("--data", data, "search", "company:Google OR company:SAP OR company:Criteo OR company:Amazon", "--format", "csv", "--top", "50");
        Assert.True(exit == 0, stderr);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', SearchExport.Columns), lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.All(RecruiterCvs.People, p => Assert.Contains(lines, l => l.Contains(p.Name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_json_resume_country_code_is_the_country_the_location_filter_finds()
    {
        // JSON Resume's countryCode is ISO 3166-1 alpha-2: "DE" is Germany (not Delaware), "CA" Canada (not California).
        (string Name, string Code, string City, string? Region, string Country)[] people =
        [
            ("Kim Weller", "DE", "Berlin", null, "Germany"),
            ("Lou Marchand", "FR", "Paris", null, "France"),
            ("Ada Pryce", "GB", "London", null, "United Kingdom"),
            ("Sam Okafor", "CA", "Toronto", null, "Canada"),
            ("Joe Brandt", "US", "Austin", "TX", "United States"),
        ];
        using var temp = new TempDirectory();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "cvs")).FullName;
        foreach (var (name, code, city, region, _) in people)
        {
            var place = new Dictionary<string, string> { ["city"] = city, ["countryCode"] = code };
            if (region is not null)
            {
                place["region"] = region;
            }

            var resume = new { basics = new { name, label = "Data Engineer", location = place }, work = new[] { new { name = "Acme", position = "Data Engineer", startDate = "2020-01" } } };
            await File.WriteAllTextAsync(Path.Combine(inbox, code + ".json"), JsonSerializer.Serialize(resume));
        }

        var data = Path.Combine(temp.Path, "data");
        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", data, "ingest", inbox);
        Assert.True(exit == 0, stderr);

        foreach (var (name, _, city, _, country) in people)
        {
            (exit, var stdout, stderr) = await TalentProcess.RunAsync("--data", data, "search", "--location", country, "--json");
            Assert.True(exit == 0, stderr);
            var hit = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray());
            Assert.Equal(name, hit.GetProperty("name").GetString());
            Assert.Equal($"{city}, {country}", hit.GetProperty("location").GetString());
        }
    }
}
