using System.ComponentModel.DataAnnotations;

namespace Talent.Server.Configuration;

/// <summary><c>Talent:Data</c>: where the SQLite database lives.</summary>
public sealed class DataOptions
{
    public const string Section = "Talent:Data";

    /// <summary>Folder of <c>talent.db</c>. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string Directory { get; set; } = "data";

    public string DatabasePath => Path.Combine(Path.GetFullPath(Directory), "talent.db");
}

/// <summary><c>Talent:Index</c>: the Lucene index derived from the database.</summary>
public sealed class IndexOptions
{
    public const string Section = "Talent:Index";

    /// <summary>Folder holding the index directories.</summary>
    [Required]
    public string Directory { get; set; } = "indexes";

    /// <summary>
    /// Least time between two index commits while changes keep coming (each commit flushes a segment and syncs it to
    /// disk); a change after a quiet spell is applied at once, and so are the last changes of a burst once no more
    /// come for 100 ms.
    /// </summary>
    [Range(0, 60_000)]
    public int CommitDelayMilliseconds { get; set; } = 1000;

    /// <summary>Changes read from the database per batch when catching up.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often a query-only process (read-only index) looks for the worker's new commits.</summary>
    [Range(10, 60_000)]
    public int RefreshMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Whether a process that writes the index rebuilds it in the background when it starts and finds its documents made
    /// with another analysis of words (a newer Talent, another <c>config/compounds.json</c>); searches go on meanwhile. The
    /// command line's one-shot commands turn it off and say so instead.
    /// </summary>
    public bool RebuildWhenAnalysisChanges { get; set; } = true;
}

/// <summary><c>Talent:Bus</c>: the message transport.</summary>
public sealed class BusOptions
{
    public const string Section = "Talent:Bus";

    /// <summary><c>inmemory</c> (one process) or <c>rabbitmq</c>.</summary>
    [Required]
    [RegularExpression("^(inmemory|rabbitmq)$", ErrorMessage = "Talent:Bus:Transport must be 'inmemory' or 'rabbitmq'.")]
    public string Transport { get; set; } = "inmemory";

    /// <summary>RabbitMQ connection URL (used with the rabbitmq transport).</summary>
    [Required]
    public string RabbitMqUrl { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Queue the ingestion worker consumes documents from.</summary>
    [Required]
    public string DocumentQueue { get; set; } = "talent-profile-documents";

    /// <summary>
    /// Name of this node when several nodes each keep their own database and index (read replicas): its queues
    /// get <c>-{Node}</c> appended, so every node receives every document, erasure and reindex request.
    /// Empty: processes share one set of queues and split the work between them.
    /// </summary>
    [RegularExpression("^([a-z0-9][a-z0-9-]{0,39})?$", ErrorMessage = "Talent:Bus:Node must be empty or up to 40 lower-case letters, digits and hyphens.")]
    public string Node { get; set; } = "";

    /// <summary>The name of <paramref name="queue"/> for this node.</summary>
    public string QueueName(string queue) => Node.Length == 0 ? queue : queue + "-" + Node;

    /// <summary>
    /// Documents one worker has in flight at once: extracted in parallel, then stored together. A batch never
    /// holds more documents than this, so keep it above <c>Talent:Ingestion:BatchMessageLimit</c> (about twice)
    /// to extract the next batch while one is written.
    /// </summary>
    [Range(1, 1024)]
    public int ConcurrencyLimit { get; set; } = 128;

    /// <summary>Messages the broker sends ahead of acknowledgements (RabbitMQ prefetch count); at least the concurrency limit.</summary>
    [Range(1, 65535)]
    public int PrefetchCount { get; set; } = 256;

    /// <summary>Immediate retries of a transient fault (database busy, I/O) before a message goes to the error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;
}

/// <summary><c>Talent:Ingestion</c>: limits on incoming documents.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Talent:Ingestion";

    /// <summary>Largest document accepted, in bytes (UTF-8 text, or the PDF or DOCX file): the one size limit of every entry point.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most pages of a PDF read; a longer one is refused before its pages are read.</summary>
    [Range(1, 10_000)]
    public int MaxPdfPages { get; set; } = Talent.Profiles.Documents.DocumentLimits.DefaultMaxPages;

    /// <summary>The limits handed to the document readers.</summary>
    public Talent.Profiles.Documents.DocumentLimits Limits => new(MaxDocumentBytes, MaxPdfPages);

    /// <summary>Most documents stored in one SQLite transaction (capped by <c>Talent:Bus:ConcurrencyLimit</c>).</summary>
    [Range(1, 10_000)]
    public int BatchMessageLimit { get; set; } = 64;

    /// <summary>How long a batch waits for more documents after its first one, in milliseconds; 0 writes what is there at once.</summary>
    [Range(0, 10_000)]
    public int BatchTimeLimitMilliseconds { get; set; } = 20;
}

/// <summary><c>Talent:Catalogs</c>: venues, skills and topics.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Talent:Catalogs";

    /// <summary>Folder with venues.json, skills.json and topics.json; empty means the <c>config</c> folder shipped beside the binary.</summary>
    public string Directory { get; set; } = "";

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "config") : Path.GetFullPath(Directory);
}

/// <summary><c>Talent:Demo</c>: sample profiles for a first look.</summary>
public sealed class DemoOptions
{
    public const string Section = "Talent:Demo";

    /// <summary>Load the bundled sample profiles when the database has no documents yet.</summary>
    public bool Enabled { get; set; }
}
