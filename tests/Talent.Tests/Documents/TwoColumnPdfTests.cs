using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;
using Talent.Profiles.Extraction;
using Talent.Tests.Web;

namespace Talent.Tests.Documents;

/// <summary>A CV laid out as a sidebar beside a main column (CSS grid), printed by Chromium, read field by field.</summary>
public sealed class TwoColumnPdfTests
{
    private const string Html = """
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { font-family: sans-serif; font-size: 10pt; margin: 0; }
        h1 { font-size: 24pt; margin: 0 0 12pt; }
        h2 { font-size: 13pt; margin: 14pt 0 4pt; }
        .page { display: grid; grid-template-columns: 5.5cm 1fr; column-gap: 1.2cm; padding: 1.5cm; }
        .sidebar p, .main p { margin: 0 0 4pt; }
        </style></head><body><div class="page">
        <aside class="sidebar">
          <h1>Maria Elena Rossi</h1>
          <h2>Contact</h2>
          <p><a href="mailto:m.rossi@example.edu">m.rossi@example.edu</a></p>
          <p><a href="https://mrossi.example.edu">mrossi.example.edu</a></p>
          <p>+39 055 123 4567</p>
          <h2>Skills</h2>
          <p>PyTorch</p><p>JAX</p><p>CUDA</p>
        </aside>
        <main class="main">
          <h2>Education</h2>
          <p><b>Ph.D. in Computer Science</b>, ETH Zurich, 2017 – 2021</p>
          <p><b>M.Sc. in Physics</b>, University of Bologna, 2015 – 2017</p>
          <h2>Experience</h2>
          <p><b>Research Scientist</b>, Google DeepMind, 2021 – present. Works on efficient video generation and long-context attention for multimodal models, with a focus on memory-bounded training.</p>
          <h2>Publications</h2>
          <p>Maria Elena Rossi, Tom Baker. Pyramid Attention for Real-Time Video Generation. ICLR 2024.</p>
          <p>Maria Elena Rossi, Ana Lima, Tom Baker. Memory-Bounded Training of Diffusion Transformers. NeurIPS 2023.</p>
        </main>
        </div></body></html>
        """;

    [ChromiumFact]
    public async Task A_sidebar_cv_printed_by_chromium_reads_every_fact_in_its_field()
    {
        using var folder = new TempDirectory();
        var html = Path.Combine(folder.Path, "cv.html");
        await File.WriteAllTextAsync(html, Html);
        await PrintedDocuments.PrintAsync([html], folder.Path);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder.Path, "cv.pdf"));

        var extractor = new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));
        var result = extractor.Extract(new DocumentInput("cv.pdf", DocumentFormats.PdfType, string.Empty) { Bytes = bytes });

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        var facts = System.Text.Json.JsonSerializer.Serialize(profile, ProfileJson.Options);
        Assert.True(profile.Name == "Maria Elena Rossi", facts);
        Assert.Contains("m.rossi@example.edu", profile.Emails);
        Assert.True(profile.Education.Any(e => e.Institution == "ETH Zurich"), facts);
        Assert.True(profile.Education.Any(e => e.Institution == "University of Bologna"), facts);
        Assert.True(profile.Experience.Any(e => e.Organization == "Google DeepMind" && e.Title == "Research Scientist"), facts);
        Assert.True(profile.Publications.Any(p => p.Venue == "ICLR" && p.Year == 2024 && p.Title.StartsWith("Pyramid Attention", StringComparison.Ordinal)), facts);
        Assert.True(profile.Publications.Any(p => p.Venue == "NeurIPS" && p.Year == 2023), facts);
    }
}
