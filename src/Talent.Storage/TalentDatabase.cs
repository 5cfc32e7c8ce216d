using System.Data;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Talent.Storage;

/// <summary>
/// The SQLite file that is Talent's source of truth: opens connections (WAL, busy timeout, foreign
/// keys) and applies the embedded, numbered migrations in order at start.
/// </summary>
public sealed class TalentDatabase
{
    private readonly string connectionString;

    /// <summary>
    /// The batch writer's connections: a pool of their own (connection strings key the pools), so the one writer, which
    /// takes its turns one at a time, gets back the same connection and finds its page cache warm.
    /// </summary>
    private readonly string writerConnectionString;

    static TalentDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public TalentDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        writerConnectionString = new SqliteConnectionStringBuilder(connectionString) { Cache = SqliteCacheMode.Private }.ToString();
    }

    public string Path { get; }

    /// <summary>The log the automatic checkpoint waits for (65,536 pages of 2 KB).</summary>
    private const long CheckpointLogBytes = 128L * 1024 * 1024;

    // wal_autocheckpoint: the log is copied into the database once it holds 128 MB (65,536 pages of 2 KB) rather than
    // SQLite's 1,000 pages: the pages every batch rewrites (index roots, the newest leaves) are copied once per checkpoint instead of
    // every few batches, which took a quarter off the batch writer's time per document (docs/benchmarks.md).
    // page_size (set before the file exists; a database keeps the size it was created with): a document's identity
    // keys land in random leaves of the key table, and every leaf a batch changes goes into the log whole, so the log
    // takes a page per key; 2 KB pages instead of SQLite's 4 KB wrote 42 KB per document instead of 52 (docs/benchmarks.md).
    // temp_store: the batch writer's savepoint per document keeps a statement journal of the pages it changes, which
    // SQLite otherwise spills to a new file in /var/tmp (four times the bytes of the log itself, and copies of personal
    // data outside the data folder); in memory it is a few pages per document.
    private const string WriterSettings = ConnectionSettings + " PRAGMA cache_size = -65536;";

    private const string ConnectionSettings = "PRAGMA page_size = 2048; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;";

    /// <summary>Opens a connection for one unit of work.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection, ConnectionSettings);
        return connection;
    }

    /// <summary>
    /// Applies the connection settings the first time a SQLite connection is handed out. The pool keeps connections
    /// open between uses and the settings last as long as the connection, so they are not run again on every open
    /// (a version check per document opens one). Synchronous for every caller: SQLite's async methods run
    /// synchronously anyway.
    /// </summary>
    private static void Configure(SqliteConnection connection, string settings)
    {
        if (!Configured.TryGetValue(Handle(connection), out _))
        {
            connection.Execute(settings);

            // The checkpoint threshold is counted in pages, and a database keeps the page size it was created with.
            var pageSize = connection.ExecuteScalar<long>("PRAGMA page_size");
            connection.Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {CheckpointLogBytes / pageSize}"));

            Configured.TryAdd(Handle(connection), Marker);
        }
    }

    private static SQLitePCL.sqlite3 Handle(SqliteConnection connection) =>
        connection.Handle ?? throw new InvalidOperationException("The connection is not open.");

    /// <summary>SQLite connections whose settings are applied (weakly held: a connection the pool drops is forgotten).</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

    private static readonly object Marker = new();

    /// <summary>
    /// Opens a connection for the batch writer, with a larger page cache (64 MB): the pages of the keys and indexes it
    /// updates are read again batch after batch, and reading them from the file is most of a large database's write cost.
    /// </summary>
    public async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(writerConnectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection, WriterSettings);
        return connection;
    }

    /// <summary>Opens a connection for one unit of work on a thread that may block (a long read on a thread of its own).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Configure(connection, ConnectionSettings);
        return connection;
    }

    /// <summary>
    /// Erasure: copies the write-ahead log into the database and truncates it, so erased rows (already zeroed in
    /// the database by <c>secure_delete</c>) leave no older page images behind in the <c>-wal</c> file. False when a
    /// reader kept it from finishing within the busy timeout (the log is then truncated by a later checkpoint).
    /// </summary>
    public static async Task<bool> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // The pragma answers one row: busy (1 when it could not finish), frames in the log, frames copied.
        var busy = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        return busy == 0;
    }

    /// <summary>Starts a write transaction that takes the write lock at once, so read-then-write decisions cannot race.</summary>
    public static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);

    /// <summary>Applies every migration newer than the recorded schema version; returns the version now in force.</summary>
    public Task<int> MigrateAsync(ILogger logger, CancellationToken cancellationToken) => MigrateAsync(logger, int.MaxValue, cancellationToken);

    /// <summary>Applies the migrations up to <paramref name="upTo"/> only: an older schema, to test upgrading from it.</summary>
    internal async Task<int> MigrateAsync(ILogger logger, int upTo, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!); // a full path always has a directory
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var current = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version") ?? 0;
        foreach (var (version, sql) in Migrations().Where(m => m.Version > current && m.Version <= upTo))
        {
            await using var transaction = BeginWrite(connection);
            // A worker and a query service started together on one data folder both migrate: the one that
            // waited for the write lock finds the migration applied.
            var applied = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;
            if (applied >= version)
            {
                current = applied;
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @appliedAt)",
                new { version, appliedAt = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            Log.MigrationApplied(logger, version);
            current = version;
        }

        return current;
    }

    /// <summary>The highest migration shipped in this build.</summary>
    public static int LatestVersion => Migrations().Max(m => m.Version);

    private static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = typeof(TalentDatabase).Assembly;
        const string prefix = "Talent.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n.AsSpan(prefix.Length, 4), provider: System.Globalization.CultureInfo.InvariantCulture), Sql: Read(assembly, n)))
            .OrderBy(m => m.Version);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!; // listed by GetManifestResourceNames just before
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
