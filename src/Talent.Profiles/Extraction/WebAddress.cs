namespace Talent.Profiles.Extraction;

/// <summary>URL normalisation and classification: personal homepages versus profile links (GitHub user, Scholar, ...).</summary>
internal static class WebAddress
{
    private static readonly string[] ProfileHosts =
    [
        "github.com", "gitlab.com", "scholar.google.com", "linkedin.com", "twitter.com", "x.com", "orcid.org",
        "dblp.org", "dblp.uni-trier.de", "semanticscholar.org", "researchgate.net", "huggingface.co", "kaggle.com",
    ];

    private static readonly string[] NotPersonalHosts =
    [
        "arxiv.org", "doi.org", "dl.acm.org", "ieeexplore.ieee.org", "openreview.net", "proceedings.neurips.cc",
        "aclanthology.org", "youtube.com", "youtu.be", "medium.com", "wikipedia.org", "google.com", "bit.ly",
        "openaccess.thecvf.com", "papers.nips.cc", "proceedings.mlr.press", "zhihu.com", "bilibili.com",
    ];

    /// <summary>
    /// The endings of files a page links relatively (<c>index.html</c>, <c>cv.pdf</c>): a link without a scheme that ends so
    /// is a path on the same site, not a web address.
    /// </summary>
    private static readonly string[] FileEndings =
    [
        "html", "htm", "php", "asp", "aspx", "jsp", "pdf", "md", "txt", "png", "jpg", "jpeg", "gif", "svg", "xml", "json",
        "bib", "tex", "doc", "docx", "ppt", "pptx", "zip", "css", "js",
    ];

    /// <summary>
    /// Lower-case host and path without scheme, query, fragment or trailing slash; without <c>www.</c> too unless
    /// <paramref name="keepWww"/> (the form shown, as the document wrote it, where the key compares without it).
    /// </summary>
    public static string? Normalize(string url, bool keepWww = false)
    {
        var text = url.Trim().TrimEnd('.', ',', ';', ')');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        else if (IsRelativeFile(text))
        {
            return null;
        }

        var cut = text.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            // A Scholar profile is identified by its query (citations?user=ID); keep only that parameter.
            var user = text.IndexOf("user=", cut, StringComparison.Ordinal);
            var isScholar = text.Contains("scholar.google.", StringComparison.OrdinalIgnoreCase);
            var query = isScholar && user > 0 ? "?" + text[user..].Split('&')[0] : string.Empty;
            text = text[..cut].TrimEnd('/') + query;
        }

        text = text.TrimEnd('/');
        if (text.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^"/index.html".Length];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = (slash >= 0 ? text[..slash] : text).ToLowerInvariant();
        if (!keepWww && host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (!host.Contains('.', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        return slash >= 0 ? DblpPerson(host, text[slash..]) ?? host + text[slash..] : host;
    }

    /// <summary>
    /// A dblp person page by its one address, whichever mirror and form a document links: "dblp.uni-trier.de/pid/12/345.html",
    /// "dblp.org/pid/12/345.xml" and the address dblp's XML of the person gives, "dblp.org/pid/12/345", are one person.
    /// </summary>
    private static string? DblpPerson(string host, string path)
    {
        if (host is not ("dblp.org" or "dblp.uni-trier.de" or "dblp.dagstuhl.de") || !path.StartsWith("/pid/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var ending in (string[])[".html", ".xml", ".bib", ".rss"])
        {
            if (path.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return "dblp.org" + path[..^ending.Length];
            }
        }

        return "dblp.org" + path;
    }

    private static bool IsRelativeFile(string text)
    {
        var end = text.IndexOfAny(['?', '#']);
        var path = (end >= 0 ? text[..end] : text).TrimEnd('/');
        var dot = path.LastIndexOf('.');
        return dot >= 0 && path.IndexOf('/', dot) < 0
            && FileEndings.Contains(path[(dot + 1)..].ToLowerInvariant(), StringComparer.Ordinal);
    }

    public static string HostOf(string normalized)
    {
        var slash = normalized.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? normalized[..slash] : normalized;
    }

    /// <summary>A profile link (a GitHub user rather than a repository, a Scholar page) in normalised form, or null.</summary>
    public static string? AsProfileLink(string normalized)
    {
        var host = HostOf(normalized);
        if (!ProfileHosts.Any(h => host.Equals(h, StringComparison.Ordinal) || host.EndsWith("." + h, StringComparison.Ordinal)))
        {
            return null;
        }

        if (host is "github.com" or "gitlab.com" or "huggingface.co" or "twitter.com" or "x.com")
        {
            var path = normalized[host.Length..].Trim('/');
            return path.Length > 0 && !path.Contains('/', StringComparison.Ordinal) ? normalized : null;
        }

        if (host.StartsWith("scholar.google.", StringComparison.Ordinal))
        {
            // A Scholar profile names its user; a search or a "cited by" list ("scholar?cites=…") is nobody's profile.
            return normalized.Contains("?user=", StringComparison.Ordinal) ? normalized : null;
        }

        return normalized;
    }

    /// <summary>
    /// Web addresses a record lists for its person, sorted as a profile holds them: their own sites (homepages) and their
    /// pages elsewhere (links), normalised, each once; what is not a web address is left out.
    /// </summary>
    public static (List<string> Homepages, List<string> Links) Sort(IEnumerable<string> urls)
    {
        var homepages = new List<string>();
        var links = new List<string>();
        foreach (var url in urls)
        {
            if (Normalize(url) is not { } normalized || homepages.Contains(normalized) || links.Contains(normalized))
            {
                continue;
            }

            if (AsHomepage(normalized, labelled: true) is { } homepage)
            {
                homepages.Add(homepage);
            }
            else
            {
                links.Add(normalized);
            }
        }

        return (homepages, links);
    }

    /// <summary>A personal site: a <c>*.github.io</c> page, a <c>~user</c> page or any host that is not a publisher or profile service.</summary>
    public static string? AsHomepage(string normalized, bool labelled)
    {
        var host = HostOf(normalized);
        if (AsProfileLink(normalized) is not null || ProfileHosts.Any(h => host.EndsWith(h, StringComparison.Ordinal))
            || NotPersonalHosts.Any(h => host.Equals(h, StringComparison.Ordinal) || host.EndsWith("." + h, StringComparison.Ordinal)))
        {
            return null;
        }

        if (host.EndsWith(".github.io", StringComparison.Ordinal) || host.EndsWith(".gitlab.io", StringComparison.Ordinal))
        {
            return host;
        }

        if (normalized.Contains("/~", StringComparison.Ordinal))
        {
            return normalized;
        }

        return labelled ? normalized : null;
    }
}
