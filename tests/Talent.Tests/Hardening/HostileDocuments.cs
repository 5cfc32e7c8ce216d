using System.Globalization;
using System.Text;

namespace Talent.Tests.Hardening;

/// <summary>Documents of about 2 MB built to be slow to read: one shape each, named for what it repeats.</summary>
internal static class HostileDocuments
{
    /// <summary>About 1.9 MB: the size the hardening bar names (2 MB), well within the 5 MB document limit.</summary>
    public const int Size = 1_990_000;

    /// <summary>The four shapes the ingestion test posts: e-mails, phones, <c>&lt;</c> runs, deep lists.</summary>
    public static IReadOnlyList<(string Name, string ContentType, string Content)> All { get; } =
    [
        ("e-mails", "text/markdown", Repeat(i => string.Create(CultureInfo.InvariantCulture, $"person{i}@mail{i % 97}.example.org, "))),
        ("phones", "text/plain", Repeat(i => string.Create(CultureInfo.InvariantCulture, $"+44 20 {i % 10_000:D4} {i / 10_000 % 10_000:D4}; "))),
        ("< runs", "text/html", Repeat(i => new string('<', 1 + (i % 64)) + "a ")),
        ("deep lists", "text/markdown", Repeat(i => new string(' ', 2 * (i % 500)) + "- item\n")),
    ];

    /// <summary>More shapes the benchmark measures as well (the test leaves them out to stay short).</summary>
    public static IReadOnlyList<(string Name, string ContentType, string Content)> More { get; } =
    [
        ("< runs in markdown", "text/markdown", Repeat(_ => "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n")),
        ("deep HTML lists", "text/html", Repeat(i => i % 400 < 200 ? "<ul><li>x" : "</li></ul>")),
        ("labelled 'at' addresses", "text/markdown", Repeat(i => string.Create(CultureInfo.InvariantCulture, $"E-mail: person{i} at mail{i % 97} dot example dot org, mail: a at b at c\n"))),
        ("citations with a state for a year", "text/markdown", Repeat(i => (i == 0 ? "## Publications\n\n" : "")
            + string.Create(CultureInfo.InvariantCulture, $"Smith, B., Roe, J. K., Lee, A. (in press) (submitted) (accepted at Venue {i}). A title of paper {i} here. (in press)\n\n"))),
        ("blocks in one list item", "text/html", Repeat(i => (i == 0 ? "<ul><li><div>" : "") + "<p>x y z</p><i></i>")),
        ("blocks in one table cell", "text/html", Repeat(i => (i == 0 ? "<table><tr><th>Title</th><th>Year</th></tr><tr><td>" : "") + "<div>A title of a paper</div><span></span>")),
        ("counts under an entry", "text/markdown", Repeat(i => (i == 0 ? "## Publications\n\n" : "") + "Some title words here\n12 34\n")),
        ("attributes of one tag", "text/html", Repeat(i => (i % 50_000 == 0 ? ">link</a></p><p><a href=\"https://example.org\"" : "") + string.Create(CultureInfo.InvariantCulture, $" a{i}=\"{i}\""))),
        ("a row of many cells", "text/markdown", Repeat(i => (i == 0 ? "## Skills\n\n" : "") + "| Rust ")),
        ("nested LaTeX lists", "application/x-tex", Repeat(_ => "\\begin{itemize}\\item Rust ")),
        ("LaTeX arguments never closed", "application/x-tex", Repeat(i => string.Create(CultureInfo.InvariantCulture, $"\\cvitem{{Skill {i}}}{{Rust\n"))),
        ("joined BibTeX abbreviations", "application/x-bibtex", Repeat(i => string.Create(CultureInfo.InvariantCulture, $"@string{{a{i + 1} = a{i} # a{i}}}\n@article{{k{i}, title={{T}}, journal=a{i + 1}, year=2020}}\n"))),
    ];

    private static string Repeat(Func<int, string> piece)
    {
        var text = new StringBuilder(Size + 1024);
        text.Append("# Hostile Document\n\n");
        for (var i = 0; text.Length < Size; i++)
        {
            text.Append(piece(i));
        }

        text.Length = Size;
        return text.ToString();
    }
}
