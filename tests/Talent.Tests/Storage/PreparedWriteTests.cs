using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>
/// A write prepared on the consumer's thread (<see cref="DocumentWrite.Prepare"/>) is stored exactly as the batch writer
/// would store it unprepared: the same candidates, source rows and identity keys.
/// </summary>
public sealed class PreparedWriteTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Prepared_and_unprepared_batches_store_the_same_rows()
    {
        var unprepared = await StoreAsync("unprepared", prepare: false);
        var prepared = await StoreAsync("prepared", prepare: true);

        Assert.Equal(unprepared.Outcomes, prepared.Outcomes);
        Assert.Equal(unprepared.Candidates, prepared.Candidates);
        Assert.Equal(unprepared.Sources, prepared.Sources);
        Assert.Equal(unprepared.Keys, prepared.Keys);
        Assert.Equal(unprepared.Profiles, prepared.Profiles);
        // The batch held new candidates, a merge through a shared e-mail, a new version and a rejection.
        Assert.Equal(
            [StoreOutcome.Accepted, StoreOutcome.Accepted, StoreOutcome.Merged, StoreOutcome.Accepted, StoreOutcome.Accepted, StoreOutcome.Rejected],
            prepared.Outcomes.Select(o => o.Split(' ')[0]));
        Assert.Equal(3, prepared.Candidates.Count);
        Assert.Contains(prepared.Keys, k => k.StartsWith("title|", StringComparison.Ordinal));

        // The source's profile, and a candidate made of it alone: its row keeps no JSON of its own, and the store reads it
        // as the merge of that source, the candidate the writer stored whole before.
        var cy = Person("Cy Park", "cy@example.org", "Sparse Attention at Scale");
        var cyId = prepared.Outcomes[3].Split(' ')[1];
        Assert.Contains($"cy-cv accepted {cyId} {ProfileJson.Serialize(cy)}", prepared.Sources);
        Assert.Contains($"{cyId} Cy Park ", prepared.Candidates);
        Assert.Contains($"{cyId} {ProfileJson.Serialize(ProfileMerger.Merge([new SourceProfile("cy-cv", cy, Received)]))}", prepared.Profiles);
        // A candidate of two sources keeps its merged profile.
        Assert.Contains(prepared.Candidates, c => c.StartsWith(prepared.Outcomes[2].Split(' ')[1] + " Ana Lima {", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_prepared_for_one_profile_stores_the_profile_it_holds_when_stored()
    {
        var database = await DatabaseAsync("copied");
        var store = new CandidateStore(database, TimeProvider.System);
        var first = Accepted("cv", 1, Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic")).Prepare();
        var changed = first with { Profile = Person("Ana Lima", "ana@example.org", "Sparse Attention at Scale") };

        var results = await store.StoreBatchAsync([changed], CancellationToken.None);

        var ana = await store.GetCandidateAsync(results[0].Outcome!.CandidateId!.Value, CancellationToken.None);
        Assert.Equal(["Sparse Attention at Scale"], ana!.Profile.Publications.Select(p => p.Publication.Title));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var titles = await connection.QueryAsync<string>("SELECT value FROM identity_keys WHERE kind = 'title'");
        Assert.Equal(["sparse attention at scale"], titles);
    }

    private async Task<Stored> StoreAsync(string name, bool prepare)
    {
        var database = await DatabaseAsync(name);
        var store = new CandidateStore(database, TimeProvider.System);
        List<DocumentWrite> writes =
        [
            Accepted("ana-cv", 1, Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic", "Python")),
            Accepted("bo-cv", 1, Person("Bo Chen", "bo@example.org", "Sparse Attention at Scale", "Rust")),
            Accepted("ana-homepage", 1, Person("Ana Lima", "ANA@example.org", "Traffic Forecasting with Graphs", "PyTorch")),
            Accepted("cy-cv", 1, Person("Cy Park", "cy@example.org", "Sparse Attention at Scale")),
            Accepted("bo-cv", 2, Person("Bo Chen", "bo@example.org", "Sparse Attention at Scale, Revisited", "Go")),
            new(new IncomingDocument("empty", 1, "text/markdown", "", null, "h-empty", Received), null, "document is empty"),
        ];
        var results = await store.StoreBatchAsync(prepare ? writes.Select(w => w.Prepare()).ToList() : writes, CancellationToken.None);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        var profiles = new List<string>();
        foreach (var id in await connection.QueryAsync<long>("SELECT id FROM candidates ORDER BY id"))
        {
            profiles.Add($"{id} {ProfileJson.Serialize((await store.GetCandidateAsync(id, CancellationToken.None))!.Profile)}");
        }

        return new Stored(
            results.Select(r => $"{r.Outcome!.Outcome} {r.Outcome.CandidateId}").ToList(),
            (await connection.QueryAsync<string>("SELECT id || ' ' || coalesce(name, '') || ' ' || profile_json FROM candidates ORDER BY id")).ToList(),
            (await connection.QueryAsync<string>("SELECT source_id || ' ' || status || ' ' || coalesce(candidate_id, '') || ' ' || coalesce(profile_json, '') FROM sources ORDER BY source_id")).ToList(),
            (await connection.QueryAsync<string>("SELECT kind || '|' || value || '|' || source_id || '|' || candidate_id FROM identity_keys ORDER BY 1")).ToList(),
            profiles);
    }

    private async Task<TalentDatabase> DatabaseAsync(string name)
    {
        var database = new TalentDatabase(Path.Combine(directory.Path, name + ".db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        return database;
    }

    private static DocumentWrite Accepted(string sourceId, long version, ExtractedProfile profile) =>
        new(new IncomingDocument(sourceId, version, "text/markdown", "text of " + sourceId, null, $"h-{sourceId}-{version}", Received), profile, null);

    private static ExtractedProfile Person(string name, string email, string paper, string? skill = null) => new()
    {
        Name = name,
        Emails = [email.ToLowerInvariant()],
        Publications = [new Publication { Title = paper, Venue = "KDD", Year = 2022, Kind = PublicationKind.Conference, FirstAuthor = true }],
        Skills = skill is null ? [] : [skill],
    };

    private sealed record Stored(List<string> Outcomes, List<string> Candidates, List<string> Sources, List<string> Keys, List<string> Profiles);
}
