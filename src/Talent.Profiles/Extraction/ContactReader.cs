using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads how to reach the owner: e-mails (de-obfuscated), phones in international notation, the owner's homepages and
/// profile links, and the place a contact line names. Contact link labels and homepage labels come from
/// <c>config/vocabulary.json</c>.
/// </summary>
internal sealed partial class ContactReader(ExtractionVocabulary vocabulary, CountryCatalog countries, InstitutionCatalog institutions)
{
    [GeneratedRegex(@"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,8}){1,4}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?:[a-z0-9-]+\.)+(?:dev|io|com|org|net|me|edu|ai|cn|sg|xyz|art|page|site|info|co|uk|de|fr|ca|jp|hk|tw|us|app|tech|blog)(?:/[^\s)\]|]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BareDomainPattern();

    [GeneratedRegex(@"\be-?mail(?:\s+address)?\s+(?:at|@)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MailDomainLeadPattern();

    /// <summary>The header's e-mail addresses, or the whole document's when the header has none.</summary>
    public static List<string> Emails(IReadOnlyList<MarkupLine> lines, List<MarkupLine> header)
    {
        var emails = EmailsIn(header);
        return emails.Count > 0 ? emails : EmailsIn(lines);
    }

    /// <summary>The text with its e-mail addresses left out.</summary>
    public static string WithoutEmails(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? EmailPattern().Replace(text, " ") : text;

    /// <summary>The header's phone numbers.</summary>
    public static List<string> Phones(List<MarkupLine> header) => FactList.Distinct(header.SelectMany(l => PhonesIn(l.Plain)));

    /// <summary>
    /// The owner's homepages and profile links: addresses in the header, and links whose text names the owner's site
    /// below it; a link whose text is a person's name points at someone else.
    /// </summary>
    public (List<string> Homepages, List<string> Links) FindWebAddresses(IReadOnlyList<MarkupLine> lines, List<MarkupLine> header, List<Section> sections)
    {
        var found = new WebAddresses();
        foreach (var line in header)
        {
            // A bare domain has a dot: most header lines (a name, a title, an address) have none and are not searched.
            if (!line.Plain.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var withoutEmails = line.Plain.Contains('@', StringComparison.Ordinal) ? EmailPattern().Replace(line.Plain, " ") : line.Plain;
            bool? labelled = line.Index < 8 ? true : null; // looked for once, at the line's first address
            foreach (var m in BareDomainsIn(withoutEmails))
            {
                labelled ??= IsLabelledAsSite(line.Plain);
                found.Classify(m, labelled: labelled.Value, inHeader: true);
            }
        }

        // The header and the section headings ("Selected Publications ([all](https://jane.github.io/publications))") link the
        // owner's own pages; section bodies link everyone else's.
        var bodyLines = sections.Where(s => s.Kind != SectionKind.Header).SelectMany(s => s.Lines).Select(l => l.Index).ToHashSet();
        var headerLines = lines.Select(l => l.Index).Where(i => !bodyLines.Contains(i)).ToHashSet();
        foreach (var line in lines.Where(l => l.Links.Count > 0))
        {
            foreach (var link in line.Links.Where(l => !l.IsImage))
            {
                // A link whose text is a person's name points at someone else (an advisor, a host, a co-author).
                if (link.Label is { } label && AuthorList.LooksLikeName(label, allowSingle: false))
                {
                    continue;
                }

                // Below the header a page links co-authors', labs' and projects' sites: only a link labelled as the
                // owner's site ("Homepage", "Website", "Blog") is a homepage there.
                var labelled = link.Label is { } l && vocabulary.IsHomepageLabel(l);
                found.Classify(link.Url, labelled, inHeader: headerLines.Contains(line.Index));
            }
        }

        return (found.Homepages, found.Links);
    }

    /// <summary>True when a header line says it holds the owner's site ("🏠", "Homepage:", "Website", "web:").</summary>
    private static bool IsLabelledAsSite(string line) =>
        line.Contains("🏠", StringComparison.Ordinal) || line.Contains("homepage", StringComparison.OrdinalIgnoreCase)
        || line.Contains("website", StringComparison.OrdinalIgnoreCase) || line.Contains("web:", StringComparison.OrdinalIgnoreCase);

    public string? FindLocation(List<MarkupLine> header, string? name)
    {
        foreach (var line in header)
        {
            if (!(line.Plain.Contains('@', StringComparison.Ordinal) && EmailPattern().IsMatch(line.Plain)) && !PhonesIn(line.Plain).Any())
            {
                continue;
            }

            foreach (var part in line.Plain.Split(['♦', '·', '|', '•', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length is < 2 or > 40 || part.Any(char.IsDigit) || part.Contains('@', StringComparison.Ordinal)
                    || part.Contains('.', StringComparison.Ordinal) || part.Any(c => c > 0x2000)
                    || vocabulary.ContactLinkLabels.Contains(part.ToLowerInvariant())
                    || string.Equals(part, name, StringComparison.OrdinalIgnoreCase) || !char.IsUpper(part[0]))
                {
                    continue;
                }

                return part;
            }
        }

        // A line of its own that is a place ending in a country ("London, England, United Kingdom", "Stockholm, Sweden"),
        // as a profile states where its owner lives under the name.
        // "Location: Lisbon, Portugal": the place after its label.
        return header.Select(l => l.Plain.Contains(':', StringComparison.Ordinal) ? l.Plain[(l.Plain.LastIndexOf(':') + 1)..].Trim() : l.Plain.Trim())
            .FirstOrDefault(IsPlaceLine);
    }

    private bool IsPlaceLine(string plain)
    {
        if (plain.Length is < 5 or > 60 || !plain.Contains(',', StringComparison.Ordinal) || plain.Any(char.IsDigit)
            || plain.Contains('@', StringComparison.Ordinal) || plain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = plain.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length <= 4 && countries.IsCountryName(parts[^1])
            && parts.All(p => p.Length > 0 && char.IsUpper(p[0]) && p.Split(' ').Length <= 3 && institutions.Find(p) is null);
    }

    /// <summary>
    /// The addresses a field meant for an e-mail address holds, written plainly or hidden ("isaac dot rankin at stat dot
    /// ubc dot ca", "jane[at]example.org"); none when it holds no address.
    /// </summary>
    public static List<string> EmailsInField(string value)
    {
        var text = EmailObfuscation.Reveal("Email: " + value.Trim());
        return text.Contains('@', StringComparison.Ordinal) ? FactList.Distinct(EmailPattern().Matches(text).Select(m => m.Value.ToLowerInvariant())) : [];
    }

    /// <summary>E-mail addresses in the lines, lower-cased, each once; the pattern runs only on lines with an <c>@</c>.</summary>
    private static List<string> EmailsIn(IEnumerable<MarkupLine> lines) =>
        FactList.Distinct(lines.Select(l => EmailObfuscation.Reveal(l.Plain)).Where(t => t.Contains('@', StringComparison.Ordinal))
            .SelectMany(t => EmailPattern().Matches(t).Select(m => m.Value.ToLowerInvariant())));

    /// <summary>Phone numbers in international notation, each not followed by a further digit.</summary>
    private static IEnumerable<string> PhonesIn(string text) =>
        text.Contains('+', StringComparison.Ordinal)
            ? PhonePattern().Matches(text).Where(m => m.Index + m.Length == text.Length || !char.IsDigit(text[m.Index + m.Length])).Select(m => m.Value.Trim())
            : [];

    /// <summary>Domain names written without a scheme ("jane.dev/cv"), not part of an e-mail address or a longer name.</summary>
    private static IEnumerable<string> BareDomainsIn(string text) =>
        BareDomainPattern().Matches(text)
            .Where(m => (m.Index == 0 || !(char.IsLetterOrDigit(text[m.Index - 1]) || text[m.Index - 1] is '@' or '_' or '.' or '-'))
                && (m.Index + m.Length == text.Length || !(char.IsLetterOrDigit(text[m.Index + m.Length]) || text[m.Index + m.Length] is '_' or '.'))
                // "Verified email at example.edu": the domain of an e-mail address, not a site.
                && !MailDomainLeadPattern().IsMatch(text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(m.Index, 40))))
            .Select(m => m.Value);

    /// <summary>Web addresses found so far: profile links (GitHub, Scholar, ...) and the owner's homepages, each once.</summary>
    private sealed class WebAddresses
    {
        private readonly HashSet<string> homeKeys = new(StringComparer.Ordinal);

        public List<string> Homepages { get; } = [];

        public List<string> Links { get; } = [];

        public void Classify(string url, bool labelled, bool inHeader)
        {
            if (WebAddress.Normalize(url) is not { } normalized)
            {
                return;
            }

            if (WebAddress.AsProfileLink(normalized) is { } profile)
            {
                FactList.AddDistinct(Links, profile);
            }
            else if ((inHeader || labelled) && WebAddress.AsHomepage(normalized, labelled) is { } home && homeKeys.Add(home))
            {
                // Shown as written (a "www." kept), compared without it.
                var written = WebAddress.Normalize(url, keepWww: true) ?? home;
                FactList.AddDistinct(Homepages, home.Length < normalized.Length ? WebAddress.HostOf(written) : written);
            }
        }
    }
}
