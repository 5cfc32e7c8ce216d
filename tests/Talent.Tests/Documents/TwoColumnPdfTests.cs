using Talent.Profiles;
using Talent.Tests.Web;

namespace Talent.Tests.Documents;

/// <summary>
/// A CV laid out as a sidebar beside a main column (CSS grid), printed by Chromium, read field by field; and a profile
/// exported as a professional network lays it out: the sidebar (contact, top skills, languages) read before the name.
/// </summary>
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

    private const string ExportedProfile = """
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { font-family: sans-serif; margin: 0; }
        .side { position: absolute; left: 0; top: 0; width: 30%; padding: 20px; }
        .main { margin-left: 34%; padding: 20px; }
        h1 { font-size: 26pt; margin: 0; } h2 { font-size: 14pt; margin: 14pt 0 4pt; } p { margin: 2pt 0; font-size: 10pt; } .t { font-size: 12pt; }
        </style></head><body>
        <div class="side">
          <h2>Contact</h2><p>ada.lovelace@example.com</p><p>www.linkedin.com/in/adalovelace (LinkedIn)</p><p>github.com/ada (Personal)</p>
          <h2>Top Skills</h2><p>PyTorch</p><p>Distributed Systems</p><p>Kubernetes</p>
          <h2>Languages</h2><p>English (Native or Bilingual)</p><p>French (Professional Working)</p>
        </div>
        <div class="main">
          <h1>Ada Lovelace</h1><p class="t">Senior Machine Learning Engineer at Google</p><p>London, England, United Kingdom</p>
          <h2>Summary</h2><p>I build large-scale machine learning systems for video generation and recommendation.</p>
          <h2>Experience</h2>
          <p class="t">Google</p><p>Senior Machine Learning Engineer</p><p>January 2021 - Present (3 years 11 months)</p><p>London, England, United Kingdom</p>
          <p class="t">Spotify</p><p>Research Engineer</p><p>June 2018 - December 2020 (2 years 7 months)</p><p>Stockholm</p>
          <h2>Education</h2>
          <p class="t">University of Cambridge</p><p>Doctor of Philosophy - PhD, Computer Science · (2014 - 2018)</p>
        </div></body></html>
        """;

    [ChromiumFact]
    public async Task An_exported_profile_with_its_sidebar_first_gives_the_name_links_skills_and_dated_roles()
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(await PrintedDocuments.PrintAndExtractAsync(ExportedProfile)).Profile;

        var facts = System.Text.Json.JsonSerializer.Serialize(profile, ProfileJson.Options);
        Assert.True(profile.Name == "Ada Lovelace", facts);
        Assert.True(profile.Links.Contains("linkedin.com/in/adalovelace") && profile.Links.Contains("github.com/ada"), facts);
        Assert.True(profile.Skills.SequenceEqual(["PyTorch", "Distributed Systems", "Kubernetes"]), facts);
        Assert.True(profile.Experience.Any(e => e is { Organization: "Google", Title: "Senior Machine Learning Engineer", Start: "2021-01", End: null }), facts);
        Assert.True(profile.Experience.Any(e => e is { Organization: "Spotify", Title: "Research Engineer", Start: "2018-06", End: "2020-12" }), facts);
        Assert.True(profile.Education.Any(e => e.Institution == "University of Cambridge"), facts);
    }

    [ChromiumFact]
    public async Task A_sidebar_cv_printed_by_chromium_reads_every_fact_in_its_field()
    {
        var result = await PrintedDocuments.PrintAndExtractAsync(Html);

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
