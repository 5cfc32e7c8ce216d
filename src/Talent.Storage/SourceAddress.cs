namespace Talent.Storage;

/// <summary>
/// What a recruiter is shown of where a source came from: a web address as it is (without any user name or password in
/// it), of a local file only its name. The full address of a file (<c>talent ingest</c> sends <c>file:</c> URIs) is a
/// path on the server's disk: for admins only.
/// </summary>
public static class SourceAddress
{
    public static string? Shown(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        var value = uri.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var address) && !address.IsFile && !address.IsUnc)
        {
            return address.Scheme is "http" or "https" && address.UserInfo.Length > 0
                ? new UriBuilder(address) { UserName = "", Password = "" }.Uri.AbsoluteUri
                : value;
        }

        // A file: URI, an absolute path (Unix, Windows, UNC) or a relative one: the last name in it.
        var path = address is { IsFile: true } ? address.LocalPath : value;
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.Length > 0 ? name : null;
    }
}
