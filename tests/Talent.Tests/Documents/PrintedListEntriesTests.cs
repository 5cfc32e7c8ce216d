using Talent.Profiles;
using Talent.Tests.Web;

namespace Talent.Tests.Documents;

/// <summary>
/// Publication lists printed by Chromium as HTML lists: a bulleted entry whose bold title wraps onto a second line, and a
/// numbered entry whose second line (the book a chapter is in) begins under its text, right of its number. Each entry is
/// read whole: its title, venue and year.
/// </summary>
public sealed class PrintedListEntriesTests
{
    private const string Page = """
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { font-family: sans-serif; font-size: 10pt; margin: 1.5cm; width: 11cm; }
        h1 { font-size: 22pt; } h2 { font-size: 14pt; }
        </style></head><body>
        <h1>Irene Vasquez</h1>
        <p>Statistician working on brain connectivity and multivariate methods.</p>
        <h2>Publications</h2>
        <ul>
        <li><b>Relating Whole-Brain Functional Connectivity to Reported Emotion in a Large Sample of Young Adults Using Group-Regularized Correlation Analysis</b><br>
        L. Tozzi, <b>I. Vasquez</b>, M. Glasser.<br><i>NeuroImage</i>, 237: 118137, 2021.</li>
        <li><b>Principal Curves for Inferring Chromatin Architecture</b><br><b>I. Vasquez</b>, T. Hastie.<br><i>Biostatistics</i>, 22(4): 834–850, 2020.</li>
        </ul>
        <h2>Book chapters</h2>
        <ol>
        <li>Hikosaka K., <b>Vasquez I.</b> and Oikawa S. (2016), Trait-Based Approaches to Niche and Coexistence in Subalpine Moorlands.<br>Structure and Function of Mountain Ecosystems in Japan.</li>
        </ol>
        </body></html>
        """;

    [ChromiumFact]
    public async Task A_wrapped_bold_title_and_a_numbered_entrys_second_line_stay_in_their_entries()
    {
        var result = await PrintedDocuments.PrintAndExtractAsync(Page);

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        var facts = System.Text.Json.JsonSerializer.Serialize(profile.Publications, ProfileJson.Options);
        Assert.True(profile.Publications.Count == 3, facts);
        Assert.True(profile.Publications.Any(p => p is { Venue: "NeuroImage", Year: 2021 }
            && p.Title.StartsWith("Relating Whole-Brain", StringComparison.Ordinal) && p.Title.EndsWith("Correlation Analysis", StringComparison.Ordinal)), facts);
        Assert.True(profile.Publications.Any(p => p is { Venue: "Biostatistics", Year: 2020 }), facts);
        Assert.True(profile.Publications.Any(p => p is { Venue: "Structure and Function of Mountain Ecosystems in Japan", Year: 2016 }), facts);
    }
}
