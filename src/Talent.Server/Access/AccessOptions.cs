using System.ComponentModel.DataAnnotations;

namespace Talent.Server.Access;

/// <summary>Who may call the API (<c>Talent:Access</c>): API keys, anonymous local use, rate limits.</summary>
public sealed class AccessOptions
{
    public const string Section = "Talent:Access";

    /// <summary>
    /// Requests without a key are allowed (with every role) when the service listens on loopback addresses only and
    /// the request comes from this machine. Any other binding requires keys.
    /// </summary>
    public bool AllowAnonymousOnLoopback { get; init; } = true;

    /// <summary>Requests without a key are allowed from anywhere, on any binding. Dangerous: logged as a warning at start.</summary>
    public bool AllowAnonymousOnAnyAddress { get; init; }

    /// <summary>Requests a key (or, without a key, a client address) may make in a burst.</summary>
    [Range(1, 100_000)]
    public int BurstLimit { get; init; } = 100;

    /// <summary>Requests per second a key (or a client address) regains after a burst.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; init; } = 50;
}
