using System.Globalization;
using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// A scholar-style page's publications: a date line ("Mar 4, 2024"), the title, the authors and the abstract under it,
/// read as preprints of that year.
/// </summary>
internal static partial class ScholarEntries
{
    [GeneratedRegex(@"^(?:[A-Z]{2,3}(?:\.[A-Z]{2,3})?)?(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?<year>(?:19|20)\d{2})(?:\s*(?:Code|PDF|Video|Project))*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ScholarDatePattern();

    /// <summary>A scholar page's date line ("Mar 4, 2024"): its ", " and year found before the pattern is tried.</summary>
    private static Match ScholarDate(string line) =>
        line.Contains(", ", StringComparison.Ordinal) && line.AsSpan().ContainsAnyInRange('0', '9') ? ScholarDatePattern().Match(line) : Match.Empty;

    public static bool IsScholarDate(string line) => ScholarDate(line).Success;

    /// <summary>The entries of a section that dates them as a scholar page does, each line it read added to <paramref name="consumed"/>.</summary>
    public static List<Publication> Read(List<MarkupLine> lines, string? person, HashSet<int> consumed, VenueCatalog venues)
    {
        var result = new List<Publication>();
        for (var i = 0; i < lines.Count; i++)
        {
            var date = ScholarDate(lines[i].Plain);
            if (!date.Success)
            {
                continue;
            }

            var block = new List<MarkupLine>();
            var j = i + 1;
            for (; j < lines.Count && !IsScholarDate(lines[j].Plain) && lines[j].Heading is null; j++)
            {
                if (!lines[j].IsBlank)
                {
                    block.Add(lines[j]);
                }
            }

            if (block.Count == 0)
            {
                continue;
            }

            var title = PublicationNotation.CleanTitle(block[0].Text);
            var authors = block.Count > 1 ? AuthorList.Parse(block[1].Plain, 1) : null;
            var abstractLines = block.Skip(authors is null ? 1 : 2).Select(l => l.Plain).ToList();
            var arxiv = venues.Find("arXiv");
            var publication = new Publication
            {
                Title = title,
                Venue = arxiv?.Name ?? "arXiv",
                VenueRaw = lines[i].Plain,
                Year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture),
                Kind = PublicationKind.Preprint,
                Abstract = abstractLines.Count > 0 ? string.Join(' ', abstractLines) : null,
            };
            result.Add(PublicationNotation.WithAuthors(publication, authors ?? [], person, authors is null ? null : block[1].Plain));
            consumed.Add(lines[i].Index);
            foreach (var line in block)
            {
                consumed.Add(line.Index);
            }

            i = j - 1;
        }

        return result;
    }
}
