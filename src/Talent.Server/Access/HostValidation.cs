using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Talent.Server.Access;

/// <summary>
/// Which names a request's <c>Host</c> header may give (<see cref="AccessOptions.AllowedHosts"/>). On a loopback binding
/// the default is the loopback names only: a web page on some other name that its owner points at 127.0.0.1 (DNS
/// rebinding) shares that name's origin with this service, and the browser would let it read every answer; refusing the
/// name closes that door. Anonymous local use also needs a loopback name (<see cref="AnonymousAccess"/>).
/// </summary>
internal sealed class HostValidation(IServer server, IOptions<AccessOptions> options)
{
    private readonly Lazy<bool> loopbackOnly = new(() => AnonymousAccess.ListensOnLoopbackOnly(server));

    public bool Allows(HostString host)
    {
        var patterns = options.Value.AllowedHosts;
        if (patterns.Length == 0)
        {
            return !loopbackOnly.Value || IsLoopbackName(host);
        }

        return host.HasValue && patterns.Any(p => Matches(p, host));
    }

    /// <summary>What the 400 for a refused name says.</summary>
    public string Describe() =>
        options.Value.AllowedHosts.Length == 0
            ? "This service answers to localhost, 127.0.0.1 and [::1] only; set Talent:Access:AllowedHosts to serve other names."
            : $"This service answers to {string.Join(", ", options.Value.AllowedHosts)} only (Talent:Access:AllowedHosts).";

    /// <summary><c>localhost</c> or a loopback address, with any port.</summary>
    public static bool IsLoopbackName(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host;
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>A host name, an address, <c>*.domain</c> or <c>*</c>, each with an optional <c>:port</c>.</summary>
    public static bool IsWellFormedPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Any(char.IsWhiteSpace) || pattern.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        var host = new HostString(pattern);
        var name = host.Host.StartsWith("*.", StringComparison.Ordinal) ? host.Host[2..] : host.Host;
        return name == "*" || Uri.CheckHostName(name.Trim('[', ']')) != UriHostNameType.Unknown;
    }

    private static bool Matches(string pattern, HostString host)
    {
        var allowed = new HostString(pattern);
        if (allowed.Port is { } port && port != host.Port)
        {
            return false;
        }

        var name = allowed.Host;
        return name == "*"
            || string.Equals(name, host.Host, StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("*.", StringComparison.Ordinal) && host.Host.EndsWith(name[1..], StringComparison.OrdinalIgnoreCase));
    }
}
