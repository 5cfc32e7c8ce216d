using System.ComponentModel.DataAnnotations;

namespace Talent.Server.Access;

/// <summary>Who may call the API (<c>Talent:Access</c>): API keys, anonymous local use, allowed hosts, rate limits.</summary>
public sealed class AccessOptions : IValidatableObject
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

    /// <summary>
    /// Expensive queries (wildcard, fuzzy, regular-expression, range or proximity searches, matches, similar candidates)
    /// a key (or, without a key, a client address) may have running at once; one more is answered 429.
    /// </summary>
    [Range(1, 1000)]
    public int ExpensiveQueriesAtOnce { get; init; } = 2;

    /// <summary>
    /// Host names (with an optional <c>:port</c>; <c>*.example.org</c> for subdomains; <c>*</c> for any) a request's
    /// <c>Host</c> header may name. Empty: on a loopback binding only <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>
    /// (any port), so a web page on another name that resolves to this machine (DNS rebinding) is refused; on any other
    /// binding every name (keys are required there).
    /// </summary>
    public string[] AllowedHosts { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in AllowedHosts.Where(h => !HostValidation.IsWellFormedPattern(h)))
        {
            yield return new ValidationResult(
                $"Talent:Access:AllowedHosts: '{host}' is not a host name, an address, '*.domain' or '*' (with an optional :port)", [nameof(AllowedHosts)]);
        }
    }
}
