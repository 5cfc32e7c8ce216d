using Microsoft.Playwright;

namespace Talent.Tests.Web;

/// <summary>
/// Debian's headless Chromium driven by Playwright's bundled node driver. Playwright's own browser
/// download is never used: the executable path is set.
/// </summary>
internal static class WebBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool HasChromium => File.Exists(ChromiumPath);

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why browser tests skip here, or null when they run (always with <c>CI</c> set: a missing browser then fails them).</summary>
    public static string? SkipReason => HasChromium || InCi
        ? null
        : $"Chromium not found at {ChromiumPath} (apt-get install chromium); with CI set these tests fail instead";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!HasChromium)
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's chromium (.ci/run does) to run the browser tests.");
        }

        // A loaded two-core machine is slow to lay out the first page; the default 5 s is too tight.
        Assertions.SetDefaultExpectTimeout((float)TestWait.Limit.TotalMilliseconds);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = WebBrowser.SkipReason;
}

internal sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = WebBrowser.SkipReason;
}

/// <summary>A browser test over the real seeds in <c>../shared</c>: skips when either the seeds or (outside CI) Chromium are missing.</summary>
internal sealed class SeedChromiumFactAttribute : FactAttribute
{
    public SeedChromiumFactAttribute() =>
        Skip = TestPaths.HasSeeds
            ? WebBrowser.SkipReason
            : $"acceptance data not found at {TestPaths.SeedsDirectory} (../shared beside the checkout)";
}

/// <summary>
/// A page that records script errors and console errors (a Content-Security-Policy violation is one),
/// so every test can finish by asserting the page ran cleanly.
/// </summary>
internal sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private WatchedPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        this.context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.PageError += (_, error) => Record("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record("console error: " + message.Text);
            }
        };
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>Responses the test expects to fail (a 400 for bad input) log a console error in Chromium; the test names them.</summary>
    public List<string> ExpectedErrors { get; } = [];

    public static async Task<WatchedPage> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout((float)TestWait.Limit.TotalMilliseconds);
        return new WatchedPage(context, await context.NewPageAsync(), baseAddress);
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{path}: HTTP {response.Status}");
    }

    /// <summary>Types into the search box and submits with Enter, as a person does.</summary>
    public async Task SearchAsync(string text)
    {
        await Page.Locator("#q").FillAsync(text);
        await Page.Locator("#q").PressAsync("Enter");
    }

    public ILocator Cards => Page.Locator("#results > li.result");

    public async Task<IReadOnlyList<string>> CardNamesAsync() =>
        await Page.Locator("#results > li.result .candidate-name").AllInnerTextsAsync();

    /// <summary>Waits until the results for the current URL are on the page (summary no longer says "Searching…").</summary>
    public async Task WaitForResultsAsync() =>
        await Assertions.Expect(Page.Locator("#summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("candidate|No candidates|No results"));

    public void AssertNoErrors()
    {
        lock (errors)
        {
            var unexpected = errors.Where(e => !ExpectedErrors.Exists(x => e.Contains(x, StringComparison.Ordinal))).ToList();
            Assert.True(unexpected.Count == 0, "The page reported errors:\n" + string.Join('\n', unexpected));
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private void Record(string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }
}
