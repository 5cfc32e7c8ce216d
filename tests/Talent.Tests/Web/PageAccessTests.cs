using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Talent.Storage;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Web;

/// <summary>
/// The web page in headless Chromium where access matters: the admin's view of refused and partial documents, an API key
/// asked for, stored and sent with every request, and access control's refusals explained.
/// </summary>
public sealed class PageAccessTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [ChromiumFact]
    public async Task Admin_view_lists_rejected_documents_with_their_reasons()
    {
        var rejected = await site.Host.Get<CandidateStore>().ListRejectedAsync(10, CancellationToken.None);
        var document = Assert.Single(rejected, r => r.SourceId == DemoSiteFixture.RejectedSourceId);

        await using var page = await site.OpenAsync();
        await page.GotoAsync("/");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Rejected documents" }).ClickAsync();

        var row = page.Page.Locator("table.rejected tbody tr", new() { HasText = DemoSiteFixture.RejectedSourceId });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".reason")).ToHaveTextAsync(document.Reason);
        await Expect(row).ToContainTextAsync("application/x-unknown");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/admin/rejected$"));

        // Documents stored as partial are listed below, each with its reason and a link to its candidate.
        var partial = Assert.Single(await site.Host.Get<CandidateStore>().ListPartialAsync(10, CancellationToken.None));
        Assert.Equal(DemoSiteFixture.PartialSourceId, partial.SourceId);
        var section = page.Page.GetByRole(AriaRole.Region, new() { Name = "Stored as partial" });
        var partialRow = section.Locator("tbody tr", new() { HasText = DemoSiteFixture.PartialSourceId });
        await Expect(partialRow).ToHaveCountAsync(1);
        await Expect(partialRow.Locator(".reason")).ToHaveTextAsync(partial.Reason);
        await Expect(section.Locator("tbody tr", new() { HasText = DemoSiteFixture.RejectedSourceId })).ToHaveCountAsync(0);
        await partialRow.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex($"/candidates/{partial.CandidateId}$"));
        await Expect(page.Page.Locator("#candidate")).ToContainTextAsync("market stall");
        await Expect(page.Page.Locator("#sources .partial-reason")).ToHaveTextAsync("Stored as partial: " + partial.Reason);
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task A_401_asks_for_an_api_key_stores_it_and_retries_with_it()
    {
        var (_, secret) = await site.Host.Get<Talent.Storage.AccessStore>().CreateKeyAsync("recruiter", "page test", CancellationToken.None);
        await using var page = await site.OpenAsync();
        page.ExpectedErrors.Add("status of 401");
        page.ExpectedErrors.Add("status of 403"); // with the new key the page asks whether it may add documents; a recruiter's may not
        var keys = new List<string?>();
        await page.Page.RouteAsync("**/api/search?**", async route =>
        {
            var key = route.Request.Headers.GetValueOrDefault("x-api-key");
            lock (keys)
            {
                keys.Add(key);
            }

            if (key == secret)
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 401, ContentType = "application/problem+json", Body = """{"title":"Unauthorized","status":401}""" });
            }
        });

        await page.GotoAsync("/?q=diffusion");
        await Expect(page.Page.Locator("#key-panel")).ToBeVisibleAsync();
        await Expect(page.Page.GetByLabel("API key", new() { Exact = true })).ToBeFocusedAsync();
        await page.Page.GetByLabel("API key", new() { Exact = true }).FillAsync(secret);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save and retry" }).ClickAsync();

        await Expect(page.Page.Locator("#key-panel")).ToBeHiddenAsync();
        await Expect(page.Cards.First).ToBeVisibleAsync();
        Assert.Equal(secret, await page.Page.EvaluateAsync<string>("localStorage.getItem('talent.apiKey')"));
        lock (keys)
        {
            Assert.Null(keys[0]);
            Assert.Equal(secret, keys[^1]);
        }

        page.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(403, null, "This key may not search candidates")]
    [InlineData(429, "7", "Too many requests, retry in 7 s.")]
    public async Task Refusals_from_access_control_are_explained_on_the_page(int status, string? retryAfter, string message)
    {
        await using var page = await site.OpenAsync();
        page.ExpectedErrors.Add($"status of {status}");
        await page.Page.RouteAsync("**/api/search?**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = status,
            Headers = retryAfter is null ? [] : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
            ContentType = "application/problem+json",
            Body = "{}",
        }));

        await page.GotoAsync("/?q=diffusion");
        await Expect(page.Page.Locator("#notice")).ToContainTextAsync(message);
        await Expect(page.Page.Locator("#search-error")).ToContainTextAsync(message);
        await Expect(page.Page.Locator("#key-panel")).ToBeHiddenAsync();
        page.AssertNoErrors();
    }

    [ChromiumFact]
    public async Task Every_request_from_the_page_carries_the_stored_api_key()
    {
        // The service checks a key it is sent: the page stores a real admin key (the rejected view needs admin).
        var (_, secret) = await site.Host.Get<Talent.Storage.AccessStore>().CreateKeyAsync("admin", "page test", CancellationToken.None);
        await using var page = await site.OpenAsync();
        var missing = new List<string>();
        page.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/", StringComparison.Ordinal) && request.Headers.GetValueOrDefault("x-api-key") != secret)
            {
                lock (missing)
                {
                    missing.Add(request.Url);
                }
            }
        };
        await page.GotoAsync("/");
        await page.WaitForResultsAsync();
        await page.Page.EvaluateAsync("key => localStorage.setItem('talent.apiKey', key)", secret);
        lock (missing)
        {
            // Before a key is stored, requests go without one.
            missing.Clear();
        }

        var candidateId = (await site.ApiSearchAsync("q=learning")).Results[0].Id;
        await page.GotoAsync("/?q=learning");
        await page.WaitForResultsAsync();
        await page.Page.Locator("#add-venue").PressSequentiallyAsync("IC");
        await Expect(page.Page.Locator("#venue-suggestions option").First).ToBeAttachedAsync();
        await page.GotoAsync($"/candidates/{candidateId}");
        await Expect(page.Page.Locator("#sources")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/rejected");
        await Expect(page.Page.Locator("table.rejected")).ToBeVisibleAsync();
        lock (missing)
        {
            Assert.Empty(missing);
        }

        page.AssertNoErrors();
    }
}
