using System.CommandLine;
using System.Globalization;
using Talent.Server.Access;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary><c>talent admin keys create|list|revoke</c> and <c>talent admin audit</c>.</summary>
internal static class AccessCommands
{
    public static Command Keys()
    {
        var keys = new Command("keys", "API keys for the HTTP API (sent as X-Api-Key)");

        var role = new Option<string>("--role") { Description = "recruiter (search, candidate pages) or admin (everything)", Required = true };
        role.AcceptOnlyFromAmong([.. AccessStore.Roles]);
        var name = new Option<string?>("--name") { Description = "Who or what the key is for" };
        var create = new Command("create", "Create a key; it is printed once, as the last word of the last line") { role, name };
        create.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var (key, secret) = await store.CreateKeyAsync(parseResult.GetValue(role)!, parseResult.GetValue(name), cancellationToken); // required option
            Console.WriteLine($"created key {key.Id} ({key.Role}{(key.Name is null ? "" : ", " + key.Name)}); it is shown only now:");
            Console.WriteLine(secret);
            return ExitCodes.Success;
        });

        var list = new Command("list", "Every key: id, role, prefix, name, created, revoked") { Output.Json };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var all = await store.ListKeysAsync(cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(all);
                return ExitCodes.Success;
            }

            foreach (var key in all)
            {
                Console.WriteLine($"{key.Id,4}  {key.Role,-9}  {key.Prefix}…  {key.Name ?? "-"}  created {key.CreatedAt}{(key.RevokedAt is null ? "" : "  revoked " + key.RevokedAt)}");
            }

            Console.WriteLine($"{all.Count} key{(all.Count == 1 ? "" : "s")}");
            return ExitCodes.Success;
        });

        var id = new Argument<long>("ID") { Description = "Key id (from talent admin keys list)" };
        var revoke = new Command("revoke", "Revoke a key: requests with it get 401 from now on") { id };
        revoke.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var keyId = parseResult.GetValue(id);
            if (!await store.RevokeKeyAsync(keyId, cancellationToken))
            {
                throw new WorkException($"no live key with id {keyId}");
            }

            Console.WriteLine($"revoked key {keyId}");
            return ExitCodes.Success;
        });

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    public static Command Audit()
    {
        var limit = new Option<int>("--limit") { Description = "Most entries to show, newest first", DefaultValueFactory = _ => 100 };
        var audit = new Command("audit", "Who searched what, who opened which candidate") { limit, Output.Json };
        audit.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(limit);
            if (count is < 1 or > 100_000)
            {
                throw new UsageException($"--limit must be between 1 and 100000, not {count}");
            }

            var store = await OpenAsync(parseResult, cancellationToken);
            var entries = await store.ReadAuditAsync(count, cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(entries);
                return ExitCodes.Success;
            }

            foreach (var entry in entries)
            {
                var who = entry.KeyId is not null ? $"key {entry.KeyId} ({entry.KeyRole}, {entry.KeyPrefix}…) from {entry.Client ?? "?"}"
                    : entry.Client?.StartsWith(AuditTrail.CommandLineClient, StringComparison.Ordinal) == true ? $"command line (user {entry.Client[AuditTrail.CommandLineClient.Length..]})"
                    : $"anonymous from {entry.Client ?? "?"}";
                var shown = entry.CandidateIds.Count == 0 ? "" : "  → candidates " + string.Join(", ", entry.CandidateIds.Select(c => c.ToString(CultureInfo.InvariantCulture)));
                // One entry, one line, whatever the stored text holds.
                Console.WriteLine($"{entry.At}  {who}  {entry.Action} {TextLine.Of(entry.Detail)}{shown}");
            }

            Console.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
            return ExitCodes.Success;
        });
        return audit;
    }

    private static async Task<AccessStore> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        return new AccessStore(database, TimeProvider.System);
    }
}
