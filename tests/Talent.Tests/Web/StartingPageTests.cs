using Talent.Server.Demo;
using Talent.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Web;

/// <summary>The page opened while <c>serve --demo</c> is still loading its samples, in headless Chromium.</summary>
public sealed class StartingPageTests
{
    [ChromiumFact]
    public async Task A_search_answered_while_the_demo_loads_says_so_and_fills_in_by_itself_once_it_has_loaded()
    {
        var gate = new DemoGate(letThrough: 2);
        await using var host = await gate.StartDemoHostAsync(listen: true);
        try
        {
            var (playwright, browser) = await WebBrowser.LaunchAsync();
            using var _ = playwright;
            await using var __ = browser;
            await using var page = await WatchedPage.OpenAsync(browser, host.Address!); // a listening host has an address
            var samples = DemoLoader.Documents().Count;
            await gate.WaitUntilHoldingAsync();
            await page.GotoAsync("/");
            await Expect(page.Page.Locator("#summary .starting")).ToContainTextAsync($"Talent is still starting (demo profiles still loading: 2 of {samples} stored)");
            await Expect(page.Cards).ToHaveCountAsync(2);

            gate.Release();
            // Nobody searches again: the page asks until the answer is complete, and then says nothing more.
            await Expect(page.Page.Locator("#summary")).ToContainTextAsync($"{samples} candidates");
            await Expect(page.Page.Locator("#summary .starting")).ToHaveCountAsync(0);
            await Expect(page.Cards).ToHaveCountAsync(samples);
            page.AssertNoErrors();
        }
        finally
        {
            // A held document keeps the bus from stopping: the gate opens whatever happened above.
            gate.Release();
        }
    }
}
