using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads a reference in citation style, in any text format: <c>Authors. Title. In Proceedings of the 40th
/// International Conference on Machine Learning (ICML), 2023.</c>, <c>Authors. Title. In Advances in Neural
/// Information Processing Systems 36, 2023.</c>, IEEE's <c>Authors, "Title," in Proc. ..., 2021.</c> or
/// <c>Authors. Title. Journal of Machine Learning Research, 24(1), 2023.</c>. The venue comes from its full name
/// through the venue catalog.
/// </summary>
internal static partial class Citation
{
    internal sealed record Reading(string Authors, string Title, VenueReading Venue, string VenueRaw);

    [GeneratedRegex(@"[.,]\s*[""“”]?\s*\b(?:In|in)\s+(?<venue>Proc|Proceedings|Advances|Findings|the|The|Annual|International|Conference|Workshop|IEEE|ACM|[A-Z]{2})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InMarkerPattern();

    [GeneratedRegex(@"[""“](?<title>[^""“”]{8,300})[,.]?[""”]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex QuotedTitlePattern();

    [GeneratedRegex(@"\.\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SentenceEndPattern();

    public static Reading? Read(string text, VenueCatalog venues)
    {
        if (text.Length is < 20 or > 1000)
        {
            return null;
        }

        var marker = InMarkerPattern().Match(text);
        string head;
        string venueText;
        if (marker.Success)
        {
            head = text[..marker.Index];
            venueText = text[marker.Groups["venue"].Index..];
        }
        else
        {
            // No "In": the last sentence that names a catalog venue is the venue ("... Title. Journal of ..., 2023.").
            var ends = SentenceEnds(text);
            if (ends.Count < 2)
            {
                return null;
            }

            var last = ends[^1];
            var candidate = text[(last.Index + last.Length)..];
            if (venues.FindIn(candidate).Count == 0 && ends.Count >= 3)
            {
                last = ends[^2];
                candidate = text[(last.Index + last.Length)..];
            }

            if (venues.FindIn(candidate).Count == 0)
            {
                return null;
            }

            head = text[..last.Index];
            venueText = candidate;
        }

        var reading = VenueNotation.Parse(venueText.Trim().TrimEnd('.'), venues);
        if (reading is not { Known: true })
        {
            return null;
        }

        var quoted = QuotedTitlePattern().Match(head);
        if (quoted.Success)
        {
            var authors = head[..quoted.Index].Trim().TrimEnd(',', ' ');
            return new Reading(authors, quoted.Groups["title"].Value.Trim(), reading, venueText.Trim().TrimEnd('.'));
        }

        // "Authors. Title": the longest run of sentences that reads as an author list is the authors.
        Match? split = null;
        foreach (var end in SentenceEnds(head))
        {
            if (AuthorList.Parse(head[..end.Index], 1) is not null && head.Length - end.Index - end.Length >= 8)
            {
                split = end;
            }
        }

        if (split is null)
        {
            return null;
        }

        // "Jane Roe and Alan Turing. 2023. Title. In …": the ACM reference format sets the year between them.
        var title = head[(split.Index + split.Length)..].Trim();
        return new Reading(head[..split.Index], title[PublicationFeatures.LeadingYearLength(title)..].TrimEnd('.'), reading, venueText.Trim().TrimEnd('.'));
    }

    /// <summary>Where sentences end: a full stop and the spaces after it, when more text follows.</summary>
    private static List<Match> SentenceEnds(string text) =>
        SentenceEndPattern().Matches(text).Where(m => m.Index + m.Length < text.Length).ToList();
}
