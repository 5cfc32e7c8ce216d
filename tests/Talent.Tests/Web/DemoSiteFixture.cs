using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talent.Search;
using Talent.Server.Demo;
using Talent.Server.Ingestion;

namespace Talent.Tests.Web;

/// <summary>
/// The real service on a loopback port with the team's own sample profiles (src/Talent.Server/Demo) and
/// one rejected document and one stored as partial, plus a headless Chromium: shared by the browser tests of one class.
/// </summary>
public sealed class DemoSiteFixture : IAsyncLifetime
{
    public const string RejectedSourceId = "ats:broken-upload";

    /// <summary>Readable prose that states none of the profile facts: stored as partial.</summary>
    public const string PartialSourceId = "ats:prose-only";

    private IPlaywright? playwright;
    private IBrowser? browser;

    internal TalentTestHost Host { get; private set; } = null!; // set in InitializeAsync before any test runs

    public async Task InitializeAsync()
    {
        Host = await TalentTestHost.StartAsync(listen: true);
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await Host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }

        var rejected = await Host.SubmitAsync(RejectedSourceId, "application/x-unknown", "%PDF-1.7 binary upload");
        Assert.Equal("rejected", rejected.Outcome);
        var partial = await Host.SubmitAsync(PartialSourceId, "text/plain",
            "Saturday mornings are for the market stall, stacking crates of apples and pears before the first customers arrive with their baskets.\n"
            + "By noon the stall is empty, the awning is folded away, and the van smells of cider and cardboard all the way home.\n");
        Assert.Equal("accepted", partial.Outcome);
        await Host.WaitForIndexAsync();
        if (WebBrowser.HasChromium)
        {
            (playwright, browser) = await WebBrowser.LaunchAsync();
        }
    }

    /// <summary>The service's answer to <c>GET /api/search?QUERY</c>, for comparing the page with it.</summary>
    internal async Task<SearchResponse> ApiSearchAsync(string query)
    {
        var response = await Host.Client.GetFromJsonAsync<SearchResponse>("/api/search?" + query, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(response);
        return response;
    }

    /// <summary>A fresh browser context (own storage) on the service; fails with the reason when Chromium is missing.</summary>
    internal async Task<WatchedPage> OpenAsync(int width = 1280, int height = 900)
    {
        if (browser is null)
        {
            (playwright, browser) = await WebBrowser.LaunchAsync();
        }

        return await WatchedPage.OpenAsync(browser, Host.Address!, width, height); // a listening host has an address
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
