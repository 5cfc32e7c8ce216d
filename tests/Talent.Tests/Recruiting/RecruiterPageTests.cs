using Microsoft.Playwright;
using Talent.Server.Demo;
using Talent.Server.Ingestion;
using Talent.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Recruiting;

/// <summary>
/// The web page in headless Chromium over the four CVs and the sample profiles: a recruiter finds each person by
/// school, employer, place, plain name and e-mail, narrows with the facets, reads who they are from the card, and finds
/// each by a project's name and reads the project and their summary on their page.
/// </summary>
public sealed class RecruiterPageTests
{
    [ChromiumFact]
    public async Task A_recruiter_finds_each_person_and_reads_role_place_and_evidence_on_the_card()
    {
        await using var host = await TalentTestHost.StartAsync(listen: true);
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }

        foreach (var person in RecruiterCvs.People)
        {
            await host.SubmitAsync("cv:" + person.File, DocumentIngestion.ContentTypeForFile(person.File), person.Content);
        }

        await host.WaitForIndexAsync();
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var page = await WatchedPage.OpenAsync(browser, host.Address!, 1280, 1000); // a listening host has an address
        await page.GotoAsync("/");

        foreach (var person in RecruiterCvs.People)
        {
            foreach (var text in new[] { person.PlainName, person.Email, $"company:\"{person.PastEmployer}\"", $"location:\"{person.City}\"" })
            {
                await page.SearchAsync(text);
                await page.WaitForResultsAsync();
                var card = page.Cards.First;
                await Expect(card.Locator(".candidate-name")).ToHaveTextAsync(person.Name);
                await Expect(card.Locator(".role")).ToHaveTextAsync($"{person.Title} at {person.CurrentEmployer}");
                await Expect(card.Locator(".location")).ToHaveTextAsync($"{person.City}, {person.Country}");
                await Expect(card.Locator(".fit")).ToContainTextAsync("Strong match");
            }

            // The school box, then the employer facet narrows to the person.
            await page.SearchAsync("");
            await page.Page.Locator("#add-school").FillAsync(person.School);
            await page.Page.Locator("#add-school").PressAsync("Enter");
            await page.WaitForResultsAsync();
            await Expect(page.Page.Locator("#active-filters .chip-school")).ToContainTextAsync(person.School);
            await Expect(page.Cards.Locator(".candidate-name", new() { HasText = person.Name })).ToHaveCountAsync(1);
            var facet = page.Page.Locator(".facet", new() { Has = page.Page.GetByRole(AriaRole.Heading, new() { Name = "Employers", Exact = true }) })
                .Locator(".facet-value", new() { HasText = person.PastEmployer });
            await Expect(facet.Locator(".count")).ToHaveTextAsync("1");
            await facet.ClickAsync();
            await Expect(page.Page.Locator("#summary")).ToContainTextAsync("1 candidate");
            var only = page.Cards.First;
            await Expect(only.Locator(".candidate-name")).ToHaveTextAsync(person.Name);
            await Expect(only.Locator(".highlights")).ToContainTextAsync($"studied at {person.School}");
            await Expect(only.Locator(".highlights")).ToContainTextAsync($"previously at {person.PastEmployer}");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
            await page.WaitForResultsAsync();
        }

        // Skills asked for are marked on the card, and the text says what the person has and lacks.
        await page.GotoAsync("/?q=Kubernetes%20Terraform");
        await page.WaitForResultsAsync();
        var nunez = page.Cards.Filter(new() { HasText = "Renée Núñez" });
        await Expect(nunez.Locator(".tag-skill.matched", new() { HasText = "Kubernetes" })).ToHaveCountAsync(1);
        await Expect(nunez.Locator(".highlights")).ToContainTextAsync("has ");

        var shown = await page.Page.Locator("#view").InnerTextAsync();
        foreach (var field in RecruiterSearchApiTests.IndexFieldNames)
        {
            Assert.DoesNotContain(field.Trim('"'), shown, StringComparison.Ordinal);
        }

        // A project's name finds the person, the card says so, and their page shows the project and their summary.
        foreach (var person in RecruiterCvs.People)
        {
            await page.GotoAsync("/?q=" + Uri.EscapeDataString(person.Project));
            await page.WaitForResultsAsync();
            var first = page.Cards.First;
            await Expect(first.Locator(".highlights")).ToContainTextAsync("project: " + person.Project);
            await first.Locator(".candidate-name a").ClickAsync();
            await Expect(page.Page.Locator("h1#candidate-name")).ToHaveTextAsync(person.Name);
            await Expect(page.Page.Locator("section[aria-labelledby=h-projects]")).ToContainTextAsync(person.Project);
            await Expect(page.Page.Locator(".about-text")).ToContainTextAsync(person.SummaryWord);
        }

        if (Environment.GetEnvironmentVariable("TALENT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.GotoAsync("/?q=Stanford%20OR%20Munich%20OR%20Lisbon%20OR%20Polytechnique");
            await page.WaitForResultsAsync();
            await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetFullPath(folder), "screenshot-recruiter.png") });
        }

        page.AssertNoErrors();
    }
}
