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

    /// <summary>Lower-case host and path without scheme, <c>www.</c>, query, fragment or trailing slash.</summary>
    public static string? Normalize(string url)
    {
        var text = url.Trim().TrimEnd('.', ',', ';', ')');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
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
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (!host.Contains('.', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        return slash >= 0 ? host + text[slash..] : host;
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

        return normalized;
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
