using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Talent.Cli.Commands;

/// <summary>Whether <c>talent serve</c> can listen on its addresses, checked before start-up writes anything.</summary>
internal static class ListenCheck
{
    /// <summary>
    /// One line naming the address when it is not an http(s) address (exit 2) or its port is taken (exit 1); hosts this
    /// check cannot bind to itself are left to the server.
    /// </summary>
    public static void EnsureFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Wildcard hosts (*, +) are not valid URI hosts: they are checked as "every address".
            var readable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(readable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"cannot listen on '{url}': not an http or https address such as http://127.0.0.1:5080");
            }

            if (uri.Port <= 0)
            {
                continue;
            }

            var address = string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
                : null;
            if (address is null)
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new WorkException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on {url}: the address is in use (another talent serve, or another program, listens on port {uri.Port})"));
            }
            catch (SocketException)
            {
                // Not an address of this machine, or not permitted: the server's own bind says what is wrong.
            }
        }
    }
}
