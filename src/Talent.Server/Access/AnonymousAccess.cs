using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Talent.Server.Access;

/// <summary>
/// Decides whether a request without a key is allowed: only when the service listens on loopback addresses only, the
/// request comes from this machine and names the service by a loopback name (<c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c>: a page under another name pointed at this machine gets no anonymous access), or when
/// <see cref="AccessOptions.AllowAnonymousOnAnyAddress"/> is set.
/// </summary>
internal sealed class AnonymousAccess(IServer server, IOptions<AccessOptions> options, ILogger<AnonymousAccess> logger)
{
    private readonly Lazy<bool> loopbackOnly = new(() => ListensOnLoopbackOnly(server));

    public bool Allows(HttpContext context)
    {
        if (options.Value.AllowAnonymousOnAnyAddress)
        {
            return true;
        }

        var remote = context.Connection.RemoteIpAddress;
        // No remote address: an in-process test server, not a socket.
        return options.Value.AllowAnonymousOnLoopback && loopbackOnly.Value && (remote is null || IPAddress.IsLoopback(remote))
            && HostValidation.IsLoopbackName(context.Request.Host);
    }

    /// <summary>Says at start how the service can be reached: loudly when it is open to the network.</summary>
    public void Announce()
    {
        if (options.Value.AllowAnonymousOnAnyAddress)
        {
            Log.OpenToAnyone(logger, string.Join(", ", Addresses(server)));
        }
        else if (!loopbackOnly.Value)
        {
            Log.KeysRequired(logger, string.Join(", ", Addresses(server)));
        }
    }

    internal static bool IsLoopbackAddress(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    internal static bool ListensOnLoopbackOnly(IServer server) => Addresses(server).All(IsLoopbackAddress);

    private static ICollection<string> Addresses(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
}
