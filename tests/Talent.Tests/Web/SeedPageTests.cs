using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Talent.Server.Demo;
using Talent.Server.Ingestion;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Web;

/// <summary>The real seed documents through the page in headless Chromium, the way a recruiter would use it.</summary>
public sealed class SeedPageTests
{
    private const string PabTitle = "Real-Time Video Generation with Pyramid Attention Broadcast";

    [SeedChromiumFact]
    public async Task Video_generation_at_ICLR_finds_Xuanlei_Zhao_first_with_PAB_and_both_sources()
    {
        await using var host = await TalentTestHost.StartAsync(listen: true);
        await SubmitSeedsAsync(host);
        await host.WaitForIndexAsync();
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var page = await WatchedPage.OpenAsync(browser, host.Address!); // a listening host has an address

        await page.GotoAsync("/");
        await page.SearchAsync("video generation");
        await page.WaitForResultsAsync();
        await Expect(page.Page.Locator("#summary")).ToContainTextAsync("2 candidates");

        // The venue filter, typed and added from the keyboard.
        await page.Page.Locator("#add-venue").FillAsync("ICLR");
        await page.Page.Locator("#add-venue").PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/\?q=video\+generation&venue=ICLR$"));
        await Expect(page.Page.Locator("#active-filters .chip-venue")).ToContainTextAsync("ICLR");
        await Expect(page.Cards.First.Locator(".candidate-name")).ToHaveTextAsync("Xuanlei Zhao");

        var first = page.Cards.First;
        await Expect(first.Locator(".tag-venue", new() { HasText = "ICLR" })).ToBeVisibleAsync();
        var pab = first.Locator(".paper", new() { HasText = PabTitle });
        await Expect(pab).ToBeVisibleAsync();
        await Expect(pab.Locator(".venue-name")).ToHaveTextAsync("ICLR");
        await Expect(pab.Locator(".tier")).ToHaveTextAsync("A*");
        await Expect(pab.Locator(".year")).ToHaveTextAsync("2025");
        await Expect(pab.Locator(".first-author")).ToBeVisibleAsync();

        await first.Locator(".candidate-name a").ClickAsync();
        await Expect(page.Page.Locator("h1#candidate-name")).ToHaveTextAsync("Xuanlei Zhao");
        // Each research topic says what states it.
        var topic = page.Page.Locator(".topic-list li").Filter(new() { Has = page.Page.GetByText("video generation", new() { Exact = true }) });
        await Expect(topic.Locator(".evidence")).ToContainTextAsync($"paper title “{PabTitle}”");
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.SeedsDirectory, "expected.json"))).RootElement;
        var sources = expected.GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "Xuanlei Zhao")
            .GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList(); // expected.json lists names as strings
        await Expect(page.Page.Locator("#sources .source")).ToHaveCountAsync(sources.Count);
        foreach (var source in sources)
        {
            // Matched on the entry's own id line: merge reasons of other entries may name this source too.
            var own = page.Page.Locator(".source-id", new() { HasText = source });
            await Expect(page.Page.Locator("#sources .source", new() { Has = own })).ToHaveCountAsync(1);
        }

        // PAB appears once, under 2025, with what each source said about it.
        var publication = page.Page.Locator(".year-group", new() { Has = page.Page.Locator(".year-heading", new() { HasText = "2025" }) })
            .Locator(".publication", new() { HasText = PabTitle });
        await Expect(publication).ToHaveCountAsync(1);
        await Expect(publication.Locator(".paper-meta .venue-name")).ToHaveTextAsync("ICLR");

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Back to search" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex(@"/\?q=video\+generation&venue=ICLR$"));
        await Expect(page.Cards.First.Locator(".candidate-name")).ToHaveTextAsync("Xuanlei Zhao");
        page.AssertNoErrors();
    }

    /// <summary>
    /// The pictures in the README: the seeds and the sample profiles, searched for "video generation", every card with
    /// its Shortlist control, and Xuanlei Zhao's page with that control open; neither page shows a field name of the
    /// index. Written to <c>TALENT_SCREENSHOTS</c> when set (the README's command writes <c>docs/</c>), else beside the
    /// test binaries.
    /// </summary>
    [SeedChromiumFact]
    public async Task Screenshots_of_the_search_and_candidate_pages()
    {
        var folder = Environment.GetEnvironmentVariable("TALENT_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var host = await TalentTestHost.StartAsync(listen: true);
        await SubmitSeedsAsync(host);
        foreach (var (name, content) in DemoLoader.Documents())
        {
            await host.SubmitAsync("demo:" + name, DocumentIngestion.ContentTypeForFile(name), content);
        }

        await host.WaitForIndexAsync();
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var page = await WatchedPage.OpenAsync(browser, host.Address!, 1280, 1000); // a listening host has an address

        // The first search of a process warms Lucene's caches; the picture shows a warm one.
        (await host.Client.GetAsync(new Uri("/api/search?q=video+generation", UriKind.Relative))).EnsureSuccessStatusCode();
        (await host.Client.PostAsJsonAsync(new Uri("/api/shortlists", UriKind.Relative), new { name = "Video generation" })).EnsureSuccessStatusCode();
        await page.GotoAsync("/?q=video+generation");
        await page.WaitForResultsAsync();
        await Expect(page.Cards.Locator(".candidate-name", new() { HasText = "Xuanlei Zhao" })).ToHaveCountAsync(1);
        await Expect(page.Cards.Locator(".shortlist-control summary")).ToHaveCountAsync(await page.Cards.CountAsync());
        await AssertNoIndexFieldNamesAsync(page);
        var search = Path.Combine(folder, "screenshot-search.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = search });

        await page.Cards.Locator(".candidate-name a", new() { HasText = "Xuanlei Zhao" }).ClickAsync();
        await Expect(page.Page.Locator("#sources .source")).ToHaveCountAsync(2);
        var control = page.Page.Locator(".shortlist-card .shortlist-control");
        await control.Locator("summary", new() { HasText = "Shortlist" }).ClickAsync();
        await Expect(control.Locator(".shortlist-list option", new() { HasText = "Video generation (0 candidates)" })).ToHaveCountAsync(1);
        await AssertNoIndexFieldNamesAsync(page);
        await page.Page.Mouse.MoveAsync(0, 0);
        var candidate = Path.Combine(folder, "screenshot-candidate.png");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = candidate });

        foreach (var file in new[] { search, candidate })
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.Length > 20_000, $"{file} is only {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }

        page.AssertNoErrors();
    }

    private static async Task AssertNoIndexFieldNamesAsync(WatchedPage page)
    {
        // The names with an underscore: "about" is a field of the index and a word that a document may use.
        var shown = await page.Page.Locator("#view").InnerTextAsync();
        foreach (var field in Recruiting.RecruiterSearchApiTests.IndexFieldNames.Where(f => f.Contains('_', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(field, shown, StringComparison.Ordinal);
        }
    }

    private static async Task SubmitSeedsAsync(TalentTestHost host)
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.SeedsDirectory).Order(StringComparer.Ordinal))
        {
            await host.SubmitFileAsync(path);
        }
    }
}
