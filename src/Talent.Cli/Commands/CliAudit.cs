using System.CommandLine;
using Talent.Server.Access;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// Reads of personal data through the command line (search, show, match, similar) go into the same audit trail as
/// HTTP reads: one entry per command, with the operating-system user as the client.
/// </summary>
internal static class CliAudit
{
    public static async Task RecordAsync(ParseResult parseResult, string action, string? detail, IEnumerable<long> candidateIds, CancellationToken cancellationToken)
    {
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        var entry = AuditTrail.CommandLineEntry(DateTimeOffset.UtcNow, Environment.UserName, action, detail, candidateIds);
        await new AccessStore(database, TimeProvider.System).AppendAuditAsync([entry], cancellationToken);
    }
}
