using System.Diagnostics;
using Microsoft.Playwright;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using Talent.Tests.Web;

namespace Talent.Tests.Documents;

/// <summary>
/// Renders documents as a recruiter receives them, with the repository's script (tests/tools/render-documents.sh):
/// pandoc writes each as HTML and DOCX, and one headless Chromium prints every HTML page to PDF (the script's own
/// per-document Chromium runs are slower to start than one browser with many pages).
/// </summary>
internal static class PrintedDocuments
{
    public static string Script => Path.Combine(TestPaths.RepositoryRoot, "tests", "tools", "render-documents.sh");

    public static bool HasPandoc => Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(d => File.Exists(Path.Combine(d, "pandoc"))) == true;

    /// <summary>Renders every document of <paramref name="source"/> into <paramref name="output"/>/pdf and /docx.</summary>
    public static async Task RenderAsync(string source, string output)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Script, source, output, Math.Max(2, Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CHROMIUM"] = "none";
        using (var process = Process.Start(info)!) // Process.Start returns a process for a file name
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr);
        }

        await PrintAsync(Directory.GetFiles(Path.Combine(output, "html"), "*.html"), Path.Combine(output, "pdf"));
    }

    /// <summary>A page printed to PDF by Chromium, then extracted as an uploaded PDF with the repository's catalogs.</summary>
    public static async Task<ExtractionResult> PrintAndExtractAsync(string page)
    {
        using var folder = new TempDirectory();
        var html = Path.Combine(folder.Path, "cv.html");
        await File.WriteAllTextAsync(html, page);
        await PrintAsync([html], folder.Path);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder.Path, "cv.pdf"));

        var extractor = new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));
        return extractor.Extract(new DocumentInput("cv.pdf", DocumentFormats.PdfType, string.Empty) { Bytes = bytes });
    }

    /// <summary>Prints HTML files to PDF (A4, as Chromium's --print-to-pdf does), nothing fetched from the network.</summary>
    public static async Task PrintAsync(IReadOnlyList<string> htmlFiles, string pdfFolder)
    {
        Directory.CreateDirectory(pdfFolder);
        var (playwright, browser) = await WebBrowser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync();
            await context.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            await Parallel.ForEachAsync(htmlFiles, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (html, _) =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(html).AbsoluteUri);
                await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(pdfFolder, Path.GetFileNameWithoutExtension(html) + ".pdf"), Format = "A4", PrintBackground = true });
                await page.CloseAsync();
            });
            await context.CloseAsync();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
