using Microsoft.Playwright;
using Talent.Server.Ingestion;
using Talent.Tests.Recruiting;
using Talent.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Shortlists;

/// <summary>The page in headless Chromium: a recruiter shortlists two candidates from search results and finds them in the Shortlists view.</summary>
public sealed class ShortlistPageTests
{
    [ChromiumFact]
    public async Task Two_candidates_shortlisted_from_search_results_with_a_tag_are_in_the_shortlists_view()
    {
        await using var host = await TalentTestHost.StartAsync(listen: true);
        foreach (var person in RecruiterCvs.People)
        {
            await host.SubmitAsync("cv:" + person.File, DocumentIngestion.ContentTypeForFile(person.File), person.Content);
        }

        await host.WaitForIndexAsync();
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var page = await WatchedPage.OpenAsync(browser, host.Address!, 1280, 1000); // a listening host has an address
        var jose = RecruiterCvs.People[0];
        var anna = RecruiterCvs.People[1];

        // The first from a search, onto a new list.
        await page.GotoAsync("/?q=" + Uri.EscapeDataString(jose.PlainName));
        await page.WaitForResultsAsync();
        var card = page.Cards.Filter(new() { HasText = jose.Name });
        await card.Locator(".shortlist-control > summary").ClickAsync();
        await Expect(card.Locator(".shortlist-list")).ToHaveValueAsync("new");
        await card.Locator(".shortlist-new").FillAsync("Backend Q3");
        await card.Locator(".shortlist-tags").FillAsync("Backend, phone screen");
        await card.Locator(".shortlist-note").FillAsync("strong on payments");
        await card.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist" }).ClickAsync();
        await Expect(card.Locator(".shortlist-status")).ToHaveTextAsync("Added to Backend Q3 (backend, phone screen).");

        // The second from another search, onto the list now offered first.
        await page.SearchAsync(anna.PlainName);
        await page.WaitForResultsAsync();
        card = page.Cards.Filter(new() { HasText = anna.Name });
        await card.Locator(".shortlist-control > summary").ClickAsync();
        await Expect(card.Locator(".shortlist-list option:checked")).ToHaveTextAsync("Backend Q3 (1 candidate)");
        await card.Locator(".shortlist-tags").FillAsync("backend");
        await card.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist" }).ClickAsync();
        await Expect(card.Locator(".shortlist-status")).ToHaveTextAsync("Added to Backend Q3 (backend).");

        // The Shortlists view: the list, its two candidates with role and tags, and the tag filter.
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Shortlists", Exact = true }).ClickAsync();
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Backend Q3" }).ClickAsync();
        var entries = page.Page.Locator(".shortlist-entry");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Nth(0).Locator(".candidate-name")).ToHaveTextAsync(jose.Name);
        await Expect(entries.Nth(0).Locator(".role")).ToHaveTextAsync($"{jose.Title} at {jose.CurrentEmployer}");
        await Expect(entries.Nth(0).Locator(".tag-shortlist")).ToHaveTextAsync(["backend", "phone screen"]);
        await Expect(entries.Nth(0).Locator(".shortlist-entry-note")).ToHaveTextAsync("strong on payments");
        await Expect(entries.Nth(1).Locator(".candidate-name")).ToHaveTextAsync(anna.Name);
        await page.Page.Locator(".shortlist-tags-filter a", new() { HasText = "phone screen" }).ClickAsync();
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries.Locator(".candidate-name")).ToHaveTextAsync(jose.Name);
        Assert.EndsWith("/shortlists/1?tag=phone%20screen", page.Page.Url, StringComparison.Ordinal);
        page.AssertNoErrors();
    }
}
