using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using Talent.Server.Access;
using Talent.Server.Api;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent shortlist create|list|rename|delete|add|remove|show|export</c>: the HTTP API's shortlists from the command
/// line, by the same rules (<see cref="ShortlistStore"/>) and in the same audit trail. Shortlists live in SQLite only,
/// never in the index, so a change needs no process holding the data folder: it is a write transaction on the database
/// (WAL, busy timeout), which SQLite orders with the holder's own writes. Reads open the database and the index
/// read-only, as <c>talent search</c> does.
/// </summary>
internal static class ShortlistCommand
{
    public static Command Create()
    {
        var shortlist = new Command("shortlist", "Named lists of candidates with tags and notes");
        shortlist.Subcommands.Add(CreateList());
        shortlist.Subcommands.Add(List());
        shortlist.Subcommands.Add(Rename());
        shortlist.Subcommands.Add(Delete());
        shortlist.Subcommands.Add(Add());
        shortlist.Subcommands.Add(Remove());
        shortlist.Subcommands.Add(Show());
        shortlist.Subcommands.Add(Export());
        return shortlist;
    }

    private static Argument<string> ListArgument() => new("LIST") { Description = "The shortlist's id or name" };

    private static Argument<long> CandidateArgument() => new("CANDIDATE") { Description = "A candidate id" };

    private static Option<string?> TagFilter() => new("--tag") { Description = "Only the candidates with this tag" };

    private static Command CreateList()
    {
        var name = new Argument<string>("NAME") { Description = "The new shortlist's name (1-100 characters)" };
        var command = new Command("create", "Create a shortlist") { name, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var created = Succeeded(await store.CreateAsync(parseResult.GetValue(name), Actor(), cancellationToken));
            Write(parseResult, created, $"created shortlist {created.Id}: {created.Name}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every shortlist: id, name, candidates, owner") { Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var lists = await (await OpenAsync(parseResult, cancellationToken)).ListAsync(cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(lists);
                return ExitCodes.Success;
            }

            foreach (var list in lists)
            {
                Console.WriteLine($"{list.Id,4}  {list.Name}  ({Count(list.Entries)}; created by {list.Owner} {list.CreatedAt:yyyy-MM-dd})");
            }

            Console.WriteLine($"{lists.Count} shortlist{(lists.Count == 1 ? "" : "s")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rename()
    {
        var list = ListArgument();
        var name = new Argument<string>("NAME") { Description = "The new name" };
        var command = new Command("rename", "Rename a shortlist") { list, name };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var id = await ResolveAsync(store, parseResult.GetValue(list), cancellationToken);
            var renamed = Succeeded(await store.RenameAsync(id, parseResult.GetValue(name), Actor(), cancellationToken));
            Console.WriteLine($"renamed shortlist {renamed.Id}: {renamed.Name}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete()
    {
        var list = ListArgument();
        var command = new Command("delete", "Delete a shortlist and its entries") { list };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var deleted = Succeeded(await store.DeleteAsync(await ResolveAsync(store, parseResult.GetValue(list), cancellationToken), Actor(), cancellationToken));
            Console.WriteLine($"deleted shortlist {deleted.Id}: {deleted.Name} ({Count(deleted.Entries)})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add()
    {
        var list = ListArgument();
        var candidate = CandidateArgument();
        var tags = new Option<string[]>("--tag") { Description = "A tag (repeatable; at most 10, each up to 40 characters)" };
        var note = new Option<string?>("--note") { Description = "A note (up to 2,000 characters)" };
        var command = new Command("add", "Put a candidate on a shortlist, or change their tags and note there") { list, candidate, tags, note, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var id = await ResolveAsync(store, parseResult.GetValue(list), cancellationToken);
            var entry = Succeeded(await store.PutEntryAsync(id, parseResult.GetValue(candidate), parseResult.GetValue(tags), parseResult.GetValue(note), Actor(), cancellationToken));
            Write(parseResult, entry, $"candidate {entry.CandidateId} on shortlist {id}{(entry.Tags.Count == 0 ? "" : " tagged " + string.Join(", ", entry.Tags))}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var list = ListArgument();
        var candidate = CandidateArgument();
        var command = new Command("remove", "Take a candidate off a shortlist") { list, candidate };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await OpenAsync(parseResult, cancellationToken);
            var id = await ResolveAsync(store, parseResult.GetValue(list), cancellationToken);
            Succeeded(await store.RemoveEntryAsync(id, parseResult.GetValue(candidate), Actor(), cancellationToken));
            Console.WriteLine($"candidate {parseResult.GetValue(candidate)} taken off shortlist {id}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var list = ListArgument();
        var tag = TagFilter();
        var command = new Command("show", "A shortlist's candidates as cards: name, title, employer, place, tags, note") { list, tag, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (view, cards) = await ReadAsync(parseResult, parseResult.GetValue(list), parseResult.GetValue(tag), "shortlist", cancellationToken);
            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(view);
                return ExitCodes.Success;
            }

            Console.WriteLine($"{view.Name} (shortlist {view.Id}, {Count(view.Entries)}, created by {view.Owner} {view.CreatedAt:yyyy-MM-dd}){(view.Tag is null ? "" : $", tagged {view.Tag}: {cards.Count}")}");
            if (view.Tags.Count > 0)
            {
                Console.WriteLine("tags: " + string.Join(", ", view.Tags.Select(t => $"{t.Value} ({t.Count})")));
            }

            foreach (var (card, rank) in cards.Select((c, i) => (c, i + 1)))
            {
                Console.WriteLine();
                Console.WriteLine($"{rank}. {card.Name}  [id {card.CandidateId}]");
                var role = string.Join(" at ", new[] { card.Title, card.Employer }.Where(s => !string.IsNullOrEmpty(s)));
                var line = string.Join(" · ", new[] { role, card.Location }.Where(s => !string.IsNullOrEmpty(s)));
                if (line.Length > 0)
                {
                    Console.WriteLine($"   {line}");
                }

                if (card.Tags.Count > 0)
                {
                    Console.WriteLine($"   tags: {string.Join(", ", card.Tags)}");
                }

                if (card.Note is { } note)
                {
                    Console.WriteLine($"   note: {TextLine.Of(note)}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export()
    {
        var list = ListArgument();
        var tag = TagFilter();
        var format = new Option<string>("--format") { Description = "csv (default) or json (one object per line)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("export", "A shortlist's candidates as CSV or JSON lines, the columns of GET /api/shortlists/{id}/export") { list, tag, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (_, cards) = await ReadAsync(parseResult, parseResult.GetValue(list), parseResult.GetValue(tag), "shortlist export", cancellationToken);
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 16 * 1024);
            if (string.Equals(parseResult.GetValue(format), "json", StringComparison.Ordinal))
            {
                await ShortlistCards.WriteJsonLinesAsync(cards, stdout, cancellationToken);
            }
            else
            {
                await ShortlistCards.WriteCsvAsync(cards, stdout, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A shortlist's candidates as cards (the index read-only, as <c>talent search</c> opens it); the read is audited.</summary>
    private static async Task<(ShortlistView View, List<ShortlistCard> Cards)> ReadAsync(
        ParseResult parseResult, string? list, string? tag, string action, CancellationToken cancellationToken)
    {
        var (filter, error) = tag is null ? (null, null) : ShortlistRules.CheckTag(tag);
        if (error is not null)
        {
            throw new UsageException("--tag: " + error);
        }

        var store = await OpenAsync(parseResult, cancellationToken);
        var id = await ResolveAsync(store, list, cancellationToken);
        var shortlist = await store.GetAsync(id, cancellationToken) ?? throw new WorkException($"no shortlist with id {id}");
        var entries = await store.EntriesAsync(id, filter, cancellationToken) ?? throw new WorkException($"no shortlist with id {id}");
        var configuration = CliSettings.Configuration(parseResult);
        var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section), readsDocuments: false);
        var indexRoot = Path.GetFullPath(CliSettings.Options<IndexOptions>(configuration, IndexOptions.Section).Directory);
        using var index = CandidateIndex.OpenReadOnly(IndexLocation.Current(indexRoot), catalogs, NullLogger.Instance, CliSettings.Options<SearchOptions>(configuration, SearchOptions.Section));
        var cards = ShortlistCards.Compose(entries, index);
        await CliAudit.RecordAsync(parseResult, action, $"shortlist {id}", cards.Select(c => c.CandidateId), cancellationToken);
        var view = new ShortlistView(shortlist.Id, shortlist.Name, shortlist.Owner, shortlist.CreatedAt, shortlist.Entries, filter, await store.TagsAsync(id, cancellationToken), cards);
        return (view, cards);
    }

    /// <summary>A list named by id, or else by name (whatever its case).</summary>
    private static async Task<long> ResolveAsync(ShortlistStore store, string? list, CancellationToken cancellationToken)
    {
        var text = list?.Trim() ?? "";
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await store.GetAsync(id, cancellationToken) is not null)
        {
            return id;
        }

        var named = (await store.ListAsync(cancellationToken)).FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase));
        return named?.Id ?? throw new WorkException($"no shortlist with id or name '{TextLine.Of(text)}'");
    }

    /// <summary>The value of a change that succeeded; otherwise its reason in one line (exit 2 for bad input, 1 for something not found).</summary>
    private static T Succeeded<T>(ShortlistResult<T> result) => result switch
    {
        { Succeeded: true, Value: { } value } => value,
        { Failure: ShortlistFailure.Invalid } => throw new UsageException($"{result.Field}: {result.Error}"),
        _ => throw new WorkException(result.Error ?? "the shortlist change failed"),
    };

    private static void Write<T>(ParseResult parseResult, T value, string line)
    {
        if (parseResult.GetValue(Output.Json))
        {
            Output.WriteJson(value);
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    private static string Count(int entries) => $"{entries} candidate{(entries == 1 ? "" : "s")}";

    /// <summary>The command line's user, as the audit trail names command-line callers.</summary>
    private static ShortlistActor Actor() =>
        new($"{Environment.UserName} (command line)", null, AuditTrail.CommandLineClient + Environment.UserName);

    private static async Task<ShortlistStore> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await CliSettings.OpenDatabaseAsync(parseResult, cancellationToken);
        return new ShortlistStore(database, TimeProvider.System);
    }
}
