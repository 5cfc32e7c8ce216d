using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Storage;

namespace Talent.Tests.Storage;

/// <summary>
/// A candidate made of one source keeps no JSON of its own: every reader (the change log read by another process, a
/// rebuild, the candidate page, the embedding drain) gets the merge of its sources, as it got the stored merge before.
/// </summary>
public sealed class DerivedProfileTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 5, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Every_reader_gets_the_merge_of_a_candidates_sources_whether_its_row_keeps_it_or_not()
    {
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        var ana = Person("Ana Lima", "ana@example.org", "Graph Neural Networks for Traffic");
        var anaHome = Person("Ana Lima", "ana@example.org", "Traffic Forecasting with Graphs");
        var bo = Person("Bo Chen", "bo@example.org", "Sparse Attention at Scale");
        var writer = new CandidateStore(database, TimeProvider.System);
        var results = await writer.StoreBatchAsync([Accepted("ana-cv", ana).Prepare(), Accepted("bo-cv", bo).Prepare(), Accepted("ana-home", anaHome).Prepare()], CancellationToken.None);
        var anaId = results[0].Outcome!.CandidateId!.Value;
        var boId = results[1].Outcome!.CandidateId!.Value;
        Assert.Equal(anaId, results[2].Outcome!.CandidateId);

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // Bo is his one source: his row keeps no profile. Ana's two sources were merged and her row keeps the merge.
            Assert.Equal("", await connection.ExecuteScalarAsync<string>("SELECT profile_json FROM candidates WHERE id = @boId", new { boId }));
            Assert.StartsWith("{", await connection.ExecuteScalarAsync<string>("SELECT profile_json FROM candidates WHERE id = @anaId", new { anaId }), StringComparison.Ordinal);
        }

        var expected = new Dictionary<long, string>
        {
            [anaId] = ProfileJson.Serialize(ProfileMerger.Merge([new SourceProfile("ana-cv", ana, Received), new SourceProfile("ana-home", anaHome, Received)])),
            [boId] = ProfileJson.Serialize(ProfileMerger.Merge([new SourceProfile("bo-cv", bo, Received)])),
        };

        // Another process's store holds none of the profiles written here: it reads them all from SQLite.
        var reader = new CandidateStore(database, TimeProvider.System);
        var changes = await reader.ChangesSinceAsync(0, 100, CancellationToken.None);
        Assert.Equal(expected, changes.GroupBy(c => c.CandidateId).ToDictionary(g => g.Key, g => ProfileJson.Serialize(g.Last().Profile)));
        Assert.Equal(expected, reader.StreamCandidates(CancellationToken.None).ToDictionary(r => r.Id, r => ProfileJson.Serialize(r.ReadProfile())));
        Assert.Equal(expected[boId], ProfileJson.Serialize((await reader.GetCandidateAsync(boId, CancellationToken.None))!.Profile));
        var embedded = await new EmbeddingStore(database, TimeProvider.System).ProfilesAsync([anaId, boId], CancellationToken.None);
        Assert.Equal(expected, embedded.ToDictionary(p => p.Id, p => ProfileJson.Serialize(p.Profile)));
    }

    private static DocumentWrite Accepted(string sourceId, ExtractedProfile profile) =>
        new(new IncomingDocument(sourceId, 1, "text/markdown", "text of " + sourceId, null, "h-" + sourceId, Received), profile, null);

    private static ExtractedProfile Person(string name, string email, string paper) => new()
    {
        Name = name,
        Emails = [email],
        Publications = [new Publication { Title = paper, Venue = "KDD", Year = 2022, Kind = PublicationKind.Conference, FirstAuthor = true }],
        Skills = ["Python"],
    };
}
