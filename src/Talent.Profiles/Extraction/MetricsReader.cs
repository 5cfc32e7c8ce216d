using System.Globalization;
using System.Text.RegularExpressions;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Citation metrics a page states on a line of their own: "h-index: 12", "1,234 citations", "40 papers", or as a row of a
/// metrics table, all-time first ("Citations 1234 1100" under "All" and "Since 2019").
/// </summary>
internal static partial class MetricsReader
{
    [GeneratedRegex(@"^h-?index\s*:?\s*(?<n>\d{1,4})(?:\s+\d{1,4})?$|^(?<c>[\d,]{1,12})\s*citations$|^citations\s*:?\s*(?<c2>[\d,]{1,12})(?:\s+[\d,]{1,12})?$|^(?<p>\d{1,5})\s*papers$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MetricPattern();

    public static ProfileMetrics Read(IReadOnlyList<MarkupLine> lines)
    {
        int? hIndex = null, citations = null, papers = null;
        foreach (var line in lines)
        {
            if (line.Plain.Length > 40 || !line.Plain.AsSpan().ContainsAnyInRange('0', '9'))
            {
                continue; // every metric is a number
            }

            var m = MetricPattern().Match(line.Plain);
            if (!m.Success)
            {
                continue;
            }

            if (m.Groups["n"].Success)
            {
                hIndex ??= int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
            else if (m.Groups["c"].Success || m.Groups["c2"].Success)
            {
                var digits = (m.Groups["c"].Success ? m.Groups["c"].Value : m.Groups["c2"].Value).Replace(",", string.Empty, StringComparison.Ordinal);
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    citations ??= c;
                }
            }
            else if (m.Groups["p"].Success)
            {
                papers ??= int.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
            }
        }

        return new ProfileMetrics { HIndex = hIndex, Citations = citations, Papers = papers };
    }

}
