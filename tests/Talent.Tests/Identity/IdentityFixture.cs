using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Storage;

namespace Talent.Tests.Identity;

/// <summary>A store on a fresh SQLite file, and helpers to feed it documents and read back who is who.</summary>
internal sealed class IdentityStore : IAsyncDisposable
{
    private static readonly Lazy<ProfileExtractor> Extractor = new(() => new ProfileExtractor(ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"))));

    private readonly TempDirectory directory;

    private IdentityStore(TempDirectory directory, TalentDatabase database)
    {
        this.directory = directory;
        Database = database;
        Store = new CandidateStore(database, TimeProvider.System);
    }

    public TalentDatabase Database { get; }

    public CandidateStore Store { get; private set; }

    public static async Task<IdentityStore> CreateAsync(TempDirectory? directory = null)
    {
        directory ??= new TempDirectory();
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        return new IdentityStore(directory, database);
    }

    /// <summary>A new store over the same file, as after a restart.</summary>
    public void Restart() => Store = new CandidateStore(Database, TimeProvider.System);

    public static ExtractedProfile Extract(string sourceId, string markdown, string contentType = "text/markdown") =>
        Extractor.Value.Extract(new DocumentInput(sourceId, contentType, markdown)) is ExtractionResult.Accepted accepted
            ? accepted.Profile
            : throw new InvalidOperationException($"{sourceId} was not accepted by extraction");

    /// <summary>The profile extraction accepts, or null when it rejects the document.</summary>
    public static ExtractedProfile? TryExtract(string sourceId, string content, string contentType) =>
        Extractor.Value.Extract(new DocumentInput(sourceId, contentType, content)) is ExtractionResult.Accepted accepted ? accepted.Profile : null;

    public static IncomingDocument Document(string sourceId, long version, string content) =>
        new(sourceId, version, "text/markdown", content, null, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))), DateTimeOffset.UnixEpoch.AddSeconds(version));

    public Task<StoreOutcome> AcceptAsync(string sourceId, ExtractedProfile profile, long version = 1, string? content = null) =>
        Store.StoreAcceptedAsync(Document(sourceId, version, content ?? sourceId + ProfileJson.Serialize(profile)), profile, CancellationToken.None);

    /// <summary>Source ids grouped by candidate, each group sorted, groups sorted: comparable across stores whatever their ids.</summary>
    public async Task<List<string>> GroupingAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(long CandidateId, string SourceId)>(
            "SELECT candidate_id, source_id FROM sources WHERE status = 'accepted'");
        return rows.GroupBy(r => r.CandidateId).Select(g => string.Join(' ', g.Select(r => r.SourceId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The same grouping as the candidates' derived profiles state it (what search, pages and exports show).</summary>
    public List<string> ProfileGrouping() =>
        Store.StreamCandidates(CancellationToken.None)
            .Select(c => string.Join(' ', c.ReadProfile().SourceIds.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The candidate of a source, or null.</summary>
    public async Task<long?> CandidateOfAsync(string sourceId)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long?>("SELECT candidate_id FROM sources WHERE source_id = @sourceId", new { sourceId });
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
