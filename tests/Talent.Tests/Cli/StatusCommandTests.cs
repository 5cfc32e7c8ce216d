using System.Text.Json;
using Talent.Cli.Commands;
using Talent.Server.Demo;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Tests.Cli;

/// <summary><c>talent admin status</c>: what a data folder holds, read from its database and index.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_counts_documents_and_candidates_and_says_the_index_holds_every_change()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        var documents = DemoLoader.Documents().Count;

        var status = await StatusAsync(data);
        Assert.Equal(documents, status.GetProperty("documents").GetProperty("received").GetInt64());
        Assert.Equal(0, status.GetProperty("documents").GetProperty("rejected").GetInt64());
        var candidates = status.GetProperty("candidates").GetInt64();
        Assert.InRange(candidates, 1, documents);
        var index = status.GetProperty("index");
        Assert.Equal(candidates, index.GetProperty("candidates").GetInt64());
        Assert.Equal(0, index.GetProperty("changesBehind").GetInt64());
        Assert.Equal(index.GetProperty("databaseSequence").GetInt64(), index.GetProperty("appliedSequence").GetInt64());
        var vectors = status.GetProperty("vectors");
        Assert.False(vectors.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, vectors.GetProperty("embedded").GetInt64());

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", data, "admin", "status");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"documents         {documents} received: {documents} accepted", stdout, StringComparison.Ordinal);
        Assert.Contains("every change of the database applied", stdout, StringComparison.Ordinal);
        Assert.Contains($"0 of {candidates} candidates have them", stdout, StringComparison.Ordinal);
        Assert.Contains("talent admin embed computes the rest", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_says_how_far_an_index_is_behind_the_database_without_catching_it_up()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        var indexes = Path.Combine(data, "indexes");
        var before = Path.Combine(temp.Path, "indexes-before");
        CopyDirectory(indexes, before);

        var late = Path.Combine(temp.Path, "late.md");
        await File.WriteAllTextAsync(late, "# Ada Quinlan\n\nada.quinlan@example.org\n\n## Experience\n\n* Staff Engineer, Northwind (2019 - now)\n\n## Skills\n\nRust, Kafka, PostgreSQL\n");
        var (ingested, _, ingestErr) = await TalentProcess.RunAsync("--data", data, "ingest", late);
        Assert.True(ingested == 0, ingestErr);
        Directory.Delete(indexes, recursive: true);
        CopyDirectory(before, indexes);

        var index = (await StatusAsync(data)).GetProperty("index");
        var behind = index.GetProperty("changesBehind").GetInt64();
        Assert.True(behind > 0, index.ToString());
        Assert.Equal(index.GetProperty("databaseSequence").GetInt64() - index.GetProperty("appliedSequence").GetInt64(), behind);

        // Reading the status does not change the index: asked again, it is as far behind.
        Assert.Equal(behind, (await StatusAsync(data)).GetProperty("index").GetProperty("changesBehind").GetInt64());
        var (_, stdout, _) = await TalentProcess.RunAsync("--data", data, "admin", "status");
        Assert.Contains($"{behind} changes behind the database", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_folder_with_nothing_ingested_says_so_in_one_line()
    {
        using var temp = new TempDirectory();
        var (exit, stdout, stderr) = await TalentProcess.RunAsync("--data", temp.Path, "admin", "status");
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("talent: no database at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_the_server_holding_the_folder_and_what_its_backlog_does()
    {
        using var temp = new TempDirectory();
        var data = await TalentProcess.IngestDemoAsync(temp);
        await using (var serve = await ServeProcess.StartAsync(data, new Dictionary<string, string>()))
        {
            var server = (await StatusAsync(data)).GetProperty("server");
            Assert.Equal(serve.Client.BaseAddress!.ToString(), server.GetProperty("address").GetString());
            Assert.False(server.GetProperty("embeddings").GetProperty("enabled").GetBoolean());

            var (_, stdout, _) = await TalentProcess.RunAsync("--data", data, "admin", "status");
            Assert.Contains($"talent serve at {serve.Client.BaseAddress} holds this folder; sentence vectors are off there", stdout, StringComparison.Ordinal);
        }

        var after = await StatusAsync(data);
        Assert.False(after.TryGetProperty("server", out _), after.ToString());
    }

    [Fact]
    public void The_server_line_says_how_fast_its_backlog_drains_or_why_it_does_not()
    {
        static string Line(EmbeddingStatus? embeddings) => StatusCommand.Lines(new DataFolderStatus(
            "/data", new SourceCounts(3, 0, 0), 3, null, new VectorStatus(true, 0, 3), new ServerStatus("http://127.0.0.1:5080/", embeddings))).Last();

        Assert.EndsWith("holds this folder; its backlog drains at 12.5 candidates/s, about 3 min left", Line(new EmbeddingStatus(true, 2000, 10, 3, 18, 40, 12.5, 160)), StringComparison.Ordinal);
        Assert.EndsWith("about 45 s left", Line(new EmbeddingStatus(true, 500, 10, 3, 18, 40, 12.5, 44.2)), StringComparison.Ordinal);
        Assert.EndsWith("about 2.2 h left", Line(new EmbeddingStatus(true, 100_000, 10, 3, 18, 40, 12.5, 8000)), StringComparison.Ordinal);
        Assert.EndsWith("it holds its backlog back while it ingests", Line(new EmbeddingStatus(true, 2000, 10, 3, 18, 40, WaitingForIngestion: true)), StringComparison.Ordinal);
        Assert.EndsWith("its backlog is empty", Line(new EmbeddingStatus(true, 0, 10, 3, 18, 40)), StringComparison.Ordinal);
        Assert.EndsWith("its backlog is empty", Line(new EmbeddingStatus(true, 0, 10, 3, 18, 40, 7.3, 0)), StringComparison.Ordinal); // just drained
        Assert.EndsWith("it drained nothing in the last minute", Line(new EmbeddingStatus(true, 7, 10, 3, 18, 40)), StringComparison.Ordinal);
        Assert.EndsWith("sentence vectors are off there", Line(new EmbeddingStatus(false, 0, 0, 0, 0, 0)), StringComparison.Ordinal);
        Assert.EndsWith("holds this folder, but did not answer GET /health/embeddings", Line(null), StringComparison.Ordinal);
    }

    [Fact]
    public void The_vectors_line_says_what_the_server_holding_the_folder_ranks_with_over_this_command_s_setting()
    {
        static string Vectors(bool here, EmbeddingStatus? server) => StatusCommand.Lines(new DataFolderStatus(
            "/data", new SourceCounts(3, 0, 0), 3, null, new VectorStatus(here, 3, 0), server is null ? null : new ServerStatus("http://127.0.0.1:5080/", server)))
            .Single(l => l.StartsWith("sentence vectors", StringComparison.Ordinal));

        Assert.EndsWith("the server's search, match and similar use them", Vectors(false, new EmbeddingStatus(true, 0, 3, 0, 0, 0)), StringComparison.Ordinal);
        Assert.EndsWith("off at the server (Talent:Embeddings:Enabled): it ranks by words alone", Vectors(true, new EmbeddingStatus(false, 0, 3, 0, 0, 0)), StringComparison.Ordinal);
        Assert.EndsWith("; search, match and similar use them", Vectors(true, null), StringComparison.Ordinal);
        Assert.EndsWith("off (Talent:Embeddings:Enabled): ranking by words alone", Vectors(false, null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "status")]
    [InlineData("search", "video")]
    [InlineData("admin", "rejected")]
    public async Task A_database_file_that_is_not_one_is_refused_in_one_line_naming_it(string command, string argument)
    {
        using var temp = new TempDirectory();
        var database = Path.Combine(temp.Path, "talent.db");
        await File.WriteAllTextAsync(database, "these are not the pages of a database, but a file that has the database's name\n");

        var (exit, _, stderr) = await TalentProcess.RunAsync("--data", temp.Path, command, argument);
        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal($"talent: cannot use the database {database}: SQLite Error 26: 'file is not a database' (is --data the data folder?)", line);
    }

    internal static async Task<JsonElement> StatusAsync(string data, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exit, stdout, stderr) = await TalentProcess.RunWithAsync(environment ?? new Dictionary<string, string>(), "--data", data, "admin", "status", "--json");
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
