using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Benchmarks.Embeddings;

/// <summary>
/// Fills the embedding store of a copy of a benchmark database as the worker would after draining its whole backlog:
/// every candidate put on the backlog as a worker does at start, then the worker's own drain
/// (<see cref="EmbeddingDrainer"/>: claim, read profiles, key every text, store new text vectors and every
/// candidate's keys in one transaction) with <see cref="SeededEmbedder"/> in place of the model. The rows and keys are
/// the drainer's; only the vector values differ. It stops after a time limit and carries on where it stopped when run
/// again (the backlog is the bookmark).
/// </summary>
internal static class VectorFill
{
    private const int BatchSize = 500;

    /// <summary>Copies <paramref name="source"/> to <paramref name="copy"/> (<c>VACUUM INTO</c>) unless the copy exists already.</summary>
    public static async Task CopyAsync(string source, string copy)
    {
        if (File.Exists(copy))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(copy) ?? ".");
        var clock = Stopwatch.StartNew();
        Console.Error.WriteLine($"copying {source} to {copy} (the original is not changed)");
        var partial = copy + ".partial";
        File.Delete(partial);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $copy";
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("$copy", partial);
            await command.ExecuteNonQueryAsync();
        }

        File.Move(partial, copy);
        Console.Error.WriteLine($"copied in {clock.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Drains the copy's backlog with seeded vectors for at most <paramref name="limit"/>; true when nothing is left.</summary>
    public static async Task<bool> FillAsync(string database, int seed, TimeSpan limit)
    {
        var talent = new TalentDatabase(database);
        await talent.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        var store = new EmbeddingStore(talent, TimeProvider.System);
        var added = await store.EnqueueMissingAsync(CancellationToken.None);
        var options = Options.Create(new EmbeddingOptions { Enabled = true, BatchSize = BatchSize, LeaseSeconds = 60 });
        var drainer = new EmbeddingDrainer(store, new SeededEmbedder(seed), options, NullLogger<EmbeddingDrainer>.Instance);
        var (waiting, embedded) = await store.CountsAsync(CancellationToken.None);
        Console.Error.WriteLine($"vector fill: {added} candidates newly put on the backlog, {waiting} waiting, {embedded} with vectors");
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < limit)
        {
            var claimed = await store.ClaimAsync(BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), CancellationToken.None);
            if (claimed.Count == 0)
            {
                var status = await drainer.StatusAsync(CancellationToken.None);
                Console.Error.WriteLine($"vector fill: done, {done} candidates and {status.TextsEmbedded} texts this run in {clock.Elapsed.TotalSeconds:0} s");
                return true;
            }

            await drainer.EmbedAsync(claimed, CancellationToken.None);
            done += claimed.Count;
            if (done % 20_000 < BatchSize)
            {
                Console.Error.WriteLine($"vector fill: {done} candidates this run ({done / clock.Elapsed.TotalSeconds:0}/s)");
            }
        }

        Console.Error.WriteLine($"vector fill: stopped after {clock.Elapsed.TotalSeconds:0} s with {done} candidates filled this run; run again to go on");
        return false;
    }
}
