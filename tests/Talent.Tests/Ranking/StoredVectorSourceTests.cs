using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>
/// The query service keeps the candidates' vectors it read for the requests after: a candidate embedded again must be
/// read again, one whose vectors were removed must have none, and keeping them must give what the database holds.
/// </summary>
public sealed class StoredVectorSourceTests
{
    [Theory]
    [InlineData(128)]
    [InlineData(0)]
    public async Task Vectors_kept_between_requests_are_the_stored_ones_and_a_candidate_embedded_again_is_read_again(int cacheMegabytes)
    {
        using var directory = new TempDirectory();
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        var clock = new SteppingClock();
        var store = new EmbeddingStore(database, clock);
        var source = new StoredVectorSource(store, new NoModel(), Options.Create(new EmbeddingOptions { VectorCacheMegabytes = cacheMegabytes }));
        await store.SaveAsync("m", Vectors(("own-1", 0.1f), ("paper-a", 0.2f), ("own-2", 0.4f)), [
            new CandidateVectorKeys(1, "own-1", [("Paper A", "paper-a")]),
            new CandidateVectorKeys(2, "own-2", [])], CancellationToken.None);

        for (var read = 0; read < 3; read++) // read, admitted, kept
        {
            var found = source.FindMany([1, 2, 3]);
            Assert.Equal([1L, 2L], found.Keys.Order());
            Assert.Equal([0.1f, 0.9f], found[1].Profile ?? []);
            Assert.Equal([0.2f, 0.8f], found[1].Publication("Paper A") ?? []);
            Assert.Equal([0.4f, 0.6f], source.Find(2)?.Profile ?? []);
        }

        // Candidate 1 embedded again: another paper, other words of their own.
        await store.SaveAsync("m", Vectors(("own-1b", 0.7f), ("paper-b", 0.3f)), [
            new CandidateVectorKeys(1, "own-1b", [("Paper B", "paper-b")])], CancellationToken.None);

        var again = source.FindMany([1, 2]);
        Assert.Equal([0.7f, 0.3f], again[1].Profile ?? []);
        Assert.Null(again[1].Publication("Paper A"));
        Assert.Equal([0.3f, 0.7f], again[1].Publication("Paper B") ?? []);
        Assert.Equal([0.4f, 0.6f], again[2].Profile ?? []);

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM candidate_vectors WHERE candidate_id = 2";
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Equal([1L], source.FindMany([1, 2]).Keys);
        Assert.Null(source.Find(2));
    }

    private static Dictionary<string, byte[]> Vectors(params (string Key, float First)[] vectors) =>
        vectors.ToDictionary(v => v.Key, v => VectorMath.ToBytes([v.First, 1 - v.First]), StringComparer.Ordinal);

    /// <summary>A clock a second later at every reading, as vectors written one after the other are.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now = now.AddSeconds(1);
    }

    private sealed class NoModel : ITextEmbedder
    {
        public string Model => "none";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no query is embedded here");
    }
}
