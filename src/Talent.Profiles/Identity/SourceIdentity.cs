using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Identity;

/// <summary>
/// What one source document says about who its person is, normalised once: the name (or, for a nameless
/// publication list, the author who appears on most of its entries), strong keys (e-mail, homepage, profile
/// links), publication titles and institution periods.
/// </summary>
public sealed class SourceIdentity
{
    /// <summary>Titles shorter than this (normalised) are too generic to identify anyone.</summary>
    internal const int MinTitleKeyLength = 16;

    private SourceIdentity(string sourceId, ExtractedProfile profile, string? uri)
    {
        SourceId = sourceId;
        Sites = SiteOf(uri) is { } site ? new HashSet<string>(StringComparer.Ordinal) { site } : new HashSet<string>(StringComparer.Ordinal);
        // "Wei Zhang / 张伟": each part is a form of the same name.
        Name = PersonName.Of(profile.AlternateNames.Count == 0 ? profile.Name : string.Join(" / ", [profile.Name ?? string.Empty, .. profile.AlternateNames]));
        NameInferred = Name is null && (Name = PersonName.Of(OwnerOfPublications(profile))) is not null;
        Emails = profile.Emails.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);
        Homepages = profile.Homepages.Select(h => WebAddress.Normalize(h) ?? h.ToLowerInvariant()).Where(IsWebAddress).ToHashSet(StringComparer.Ordinal);
        Links = profile.Links.Select(l => WebAddress.Normalize(l) ?? l.ToLowerInvariant()).Where(IsWebAddress).ToHashSet(StringComparer.Ordinal);
        Orcids = Links.Where(l => l.StartsWith("orcid.org/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Titles = profile.Publications.Select(p => CatalogKey.Of(p.Title)).Where(k => k.Length >= MinTitleKeyLength).ToHashSet(StringComparer.Ordinal);
        Periods = profile.Education.Where(e => e.Institution is not null).Select(e => new Period(CatalogKey.Of(e.Institution!), e.Institution!, e.Start, e.End))
            .Concat(profile.Experience.Where(e => e.Organization is not null).Select(e => new Period(CatalogKey.Of(e.Organization!), e.Organization!, e.Start, e.End)))
            .Where(p => p.Key.Length > 0)
            .ToList();
    }

    public string SourceId { get; }

    /// <summary>The person's name as the document states it, or inferred from its publications' authors; null when neither.</summary>
    public PersonName? Name { get; }

    /// <summary>True when <see cref="Name"/> was not stated but inferred from the author lists.</summary>
    public bool NameInferred { get; }

    public IReadOnlySet<string> Emails { get; }

    public IReadOnlySet<string> Homepages { get; }

    public IReadOnlySet<string> Links { get; }

    public IReadOnlySet<string> Orcids { get; }

    /// <summary>The personal site or repository the document was taken from (see <see cref="SiteOf"/>), when known.</summary>
    public IReadOnlySet<string> Sites { get; }

    public IReadOnlySet<string> Titles { get; }

    public IReadOnlyList<Period> Periods { get; }

    public static SourceIdentity Of(string sourceId, ExtractedProfile profile, string? uri = null)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(profile);
        return new SourceIdentity(sourceId, profile, uri);
    }

    /// <summary>
    /// The personal site or repository an address belongs to: a GitHub or GitLab repository (<c>github.com/owner/repo</c>),
    /// a <c>*.github.io</c> or <c>*.gitlab.io</c> site, or a <c>host/~user</c> home directory. Other hosts (a university's
    /// web server, a lab's site) hold many people's pages and are no site of one person: null, as for local files.
    /// </summary>
    public static string? SiteOf(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = parsed.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host is "github.com" or "gitlab.com" or "raw.githubusercontent.com" && segments.Length >= 2)
        {
            return $"{(host == "gitlab.com" ? host : "github.com")}/{segments[0].ToLowerInvariant()}/{segments[1].ToLowerInvariant()}";
        }

        if (host.EndsWith(".github.io", StringComparison.Ordinal) || host.EndsWith(".gitlab.io", StringComparison.Ordinal))
        {
            return host;
        }

        return segments.Length > 0 && segments[0].StartsWith('~') ? $"{host}/{segments[0].ToLowerInvariant()}" : null;
    }

    /// <summary>
    /// The keys storage indexes to find the sources that may be the same person: e-mails, homepages, links, titles
    /// and, for each institution period, the name with the institution (a name alone finds nobody).
    /// </summary>
    public IReadOnlyList<IdentityKey> Keys()
    {
        var keys = new List<IdentityKey>();
        keys.AddRange(Emails.Select(e => new IdentityKey("email", e)));
        keys.AddRange(Homepages.Select(h => new IdentityKey("homepage", h)));
        keys.AddRange(Links.Select(l => new IdentityKey("link", l)));
        keys.AddRange(Sites.Select(s => new IdentityKey("site", s)));
        keys.AddRange(Titles.Select(t => new IdentityKey("title", t)));
        if (Name is not null && !NameInferred)
        {
            foreach (var form in Name.Forms)
            {
                var name = string.Join(' ', form.Order(StringComparer.Ordinal));
                keys.AddRange(Periods.Select(p => new IdentityKey("person", name + "|" + p.Key)));
            }
        }

        return keys.Distinct().ToList();
    }

    /// <summary>
    /// True for an address with a host (<c>zangwei.dev</c>, <c>github.com/x</c>); a relative link a page makes to itself
    /// (<c>index.html</c>, <c>cv.pdf</c>) is on every site and identifies nobody.
    /// </summary>
    internal static bool IsWebAddress(string address)
    {
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? address : address[..slash];
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1)
        {
            return false;
        }

        var last = host[(dot + 1)..];
        return last.All(char.IsAsciiLetter) && last is not ("html" or "htm" or "php" or "pdf" or "md" or "jemdoc" or "xml" or "asp" or "aspx" or "txt");
    }

    /// <summary>
    /// For a document without a stated name (a BibTeX list, a nameless publications page): the author on most of its
    /// entries, when that author is on at least half of them and on more than any other.
    /// </summary>
    private static string? OwnerOfPublications(ExtractedProfile profile)
    {
        var withAuthors = profile.Publications.Where(p => p.Authors.Count > 0).ToList();
        if (withAuthors.Count < 2)
        {
            return null;
        }

        var counts = new Dictionary<string, (int Count, string Written)>(StringComparer.Ordinal);
        foreach (var author in withAuthors.SelectMany(p => p.Authors.Select(a => (Key: AuthorList.SortedKey(a), Written: a)).DistinctBy(a => a.Key)))
        {
            counts[author.Key] = counts.TryGetValue(author.Key, out var seen) ? (seen.Count + 1, seen.Written) : (1, author.Written);
        }

        var ranked = counts.Values.OrderByDescending(c => c.Count).Take(2).ToList();
        var top = ranked[0];
        return top.Count * 2 >= withAuthors.Count && (ranked.Count == 1 || top.Count > ranked[1].Count) ? top.Written : null;
    }
}

/// <summary>A time at an institution or organisation: its catalog key, its name as written, and its dates.</summary>
public sealed record Period(string Key, string Name, string? Start, string? End);
