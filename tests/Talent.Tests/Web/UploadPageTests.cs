using System.Text;
using Microsoft.Playwright;
using Talent.Storage;
using Talent.Tests.Documents;
using static Microsoft.Playwright.Assertions;

namespace Talent.Tests.Web;

/// <summary>"Add CVs" on the page in headless Chromium: files picked and dropped, each shown with its outcome, then found by search.</summary>
public sealed class UploadPageTests
{
    /// <summary>Small enough that a test file can be over it without a 5 MB buffer.</summary>
    private const int MaxDocumentBytes = 256 * 1024;

    [ChromiumFact]
    public async Task An_admin_adds_CVs_and_sees_each_outcome_and_a_recruiter_sees_no_control()
    {
        await using var host = await TalentTestHost.StartAsync(
            new(StringComparer.Ordinal)
            {
                ["Talent:Access:AllowAnonymousOnLoopback"] = "false",
                ["Talent:Ingestion:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            listen: true);
        var keys = host.Get<AccessStore>();
        var admin = (await keys.CreateKeyAsync("admin", "operator", CancellationToken.None)).Secret;
        var recruiter = (await keys.CreateKeyAsync("recruiter", "recruiting team", CancellationToken.None)).Secret;
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        await using (var page = await OpenWithKeyAsync(browser, host, admin))
        {
            var posts = 0;
            page.Page.Request += (_, request) =>
            {
                if (request.Method == "POST" && request.Url.EndsWith("/api/documents", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref posts);
                }
            };
            await page.GotoAsync("/");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Add CVs" }).ClickAsync();
            await Expect(page.Page.Locator("#upload-panel")).ToBeVisibleAsync();
            await Expect(page.Page.Locator("#upload-limits")).ToContainTextAsync("up to 0.25 MB");
            Assert.Contains(".docx", await page.Page.Locator("#upload-files").GetAttributeAsync("accept") ?? "", StringComparison.Ordinal);

            var grace = BinaryDocumentIngestionTests.Pdf("Grace Hopper", "grace.hopper@example.org");
            await page.Page.Locator("#upload-files").SetInputFilesAsync(
            [
                File("hopper.pdf", "application/pdf", grace),
                File("hamilton.pdf", "application/pdf", BinaryDocumentIngestionTests.Pdf("Margaret Hamilton", "margaret.hamilton@example.org")),
                File("turing.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", BinaryDocumentIngestionTests.Docx("Alan Turing", "alan.turing@example.org")),
                File("lovelace.md", "text/markdown", Encoding.UTF8.GetBytes("# Ada Lovelace\n\nada.lovelace@example.org\n\n## Education\n\nMathematics, University of London, 1840 - 1843\n")),
                File("scan.pdf", "application/pdf", BinaryDocumentIngestionTests.Scan()),
                File("huge.pdf", "application/pdf", [.. "%PDF-1.7\n"u8, .. new byte[300 * 1024]]),
            ]);

            await Expect(page.Page.Locator("#upload-progress")).ToHaveTextAsync("6 of 6 sent: 4 new, 2 rejected. Done.");
            await Expect(Line(page, "hopper.pdf")).ToHaveTextAsync("new candidate Grace Hopper");
            await Expect(Line(page, "hamilton.pdf")).ToHaveTextAsync("new candidate Margaret Hamilton");
            await Expect(Line(page, "turing.docx")).ToHaveTextAsync("new candidate Alan Turing");
            await Expect(Line(page, "lovelace.md")).ToHaveTextAsync("new candidate Ada Lovelace");
            await Expect(Line(page, "scan.pdf")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^rejected: PDF has no text layer"));
            await Expect(Line(page, "huge.pdf")).ToHaveTextAsync("rejected: document is 0.29 MB, over the 0.25 MB limit (not sent)");
            Assert.Equal(5, posts);
            if (Environment.GetEnvironmentVariable("TALENT_SCREENSHOTS") is { Length: > 0 } folder)
            {
                await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetFullPath(folder), "screenshot-upload.png") });
            }

            // Dropped on the page: the same file again, another document of Grace Hopper, and a binary Word file.
            await DropAsync(page.Page,
            [
                ("hopper.pdf", "application/pdf", grace),
                ("grace.md", "text/markdown", Encoding.UTF8.GetBytes("# Grace Hopper\n\nContact: grace.hopper@example.org\n\nI wrote the first compiler.\n")),
                ("old.doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
            ]);
            await Expect(page.Page.Locator("#upload-progress")).ToHaveTextAsync("3 of 3 sent: 1 merged, 1 unchanged, 1 rejected. Done.");
            await Expect(Line(page, "hopper.pdf")).ToHaveTextAsync("unchanged: already stored");
            await Expect(Line(page, "grace.md")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^merged into Grace Hopper — shared e-mail"));
            await Expect(Line(page, "old.doc")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^rejected: binary Word document \(\.doc\) is not read"));

            await host.WaitForIndexAsync();
            foreach (var (query, name) in new[] { ("Hopper", "Grace Hopper"), ("Hamilton", "Margaret Hamilton"), ("Turing", "Alan Turing"), ("Lovelace", "Ada Lovelace") })
            {
                await page.SearchAsync(query);
                await page.WaitForResultsAsync();
                await Expect(page.Cards.Locator(".candidate-name")).ToHaveTextAsync([name]);
            }

            // An admin may correct who is who on a candidate's page.
            await page.Cards.First.Locator(".candidate-name a").ClickAsync();
            await Expect(page.Page.Locator("#identity:not([aria-busy])")).ToBeVisibleAsync();
            await Expect(page.Page.Locator("#identity .identity-admin")).ToHaveCountAsync(1);
            page.AssertNoErrors();
        }

        await using (var page = await OpenWithKeyAsync(browser, host, recruiter))
        {
            await page.GotoAsync("/?q=Turing");
            await page.WaitForResultsAsync();
            await Expect(page.Cards.Locator(".candidate-name")).ToHaveTextAsync(["Alan Turing"]);
            await Expect(page.Page.Locator("#upload-open")).ToBeHiddenAsync();
            await Expect(page.Page.Locator("#upload-panel")).ToBeHiddenAsync();

            // The candidate's identity links, without the corrections a recruiter's key may not make.
            await page.Cards.First.Locator(".candidate-name a").ClickAsync();
            await Expect(page.Page.Locator("#identity:not([aria-busy])")).ToContainTextAsync("One source");
            await Expect(page.Page.Locator("#identity .identity-admin")).ToHaveCountAsync(0);
            page.AssertNoErrors();
        }
    }

    private static async Task<WatchedPage> OpenWithKeyAsync(IBrowser browser, TalentTestHost host, string key)
    {
        var page = await WatchedPage.OpenAsync(browser, host.Address!); // a listening host has an address
        await page.Page.Context.AddInitScriptAsync($"localStorage.setItem('talent.apiKey', '{key}');");
        return page;
    }

    private static FilePayload File(string name, string type, byte[] bytes) => new() { Name = name, MimeType = type, Buffer = bytes };

    private static ILocator Line(WatchedPage page, string file) =>
        page.Page.Locator(".upload-file", new() { Has = page.Page.Locator(".upload-name", new() { HasText = file }) }).Locator(".upload-outcome");

    /// <summary>Drops files on the drop zone as a person dragging them from a file manager does (a drop event carrying them).</summary>
    private static async Task DropAsync(IPage page, (string Name, string Type, byte[] Bytes)[] files)
    {
        var transfer = await page.EvaluateHandleAsync(
            """
            files => {
              const transfer = new DataTransfer();
              for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.data), c => c.charCodeAt(0))], f.name, { type: f.type }));
              return transfer;
            }
            """,
            files.Select(f => new { name = f.Name, type = f.Type, data = Convert.ToBase64String(f.Bytes) }).ToArray());
        await page.Locator("#upload-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
    }
}
