using System.ComponentModel.DataAnnotations;

namespace Talent.Server.Embeddings;

/// <summary><c>Talent:Embeddings</c>: sentence vectors computed behind ingestion and used by match and similar.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Talent:Embeddings";

    /// <summary>
    /// Compute vectors (worker) and rank with them (query service). Off, ranking uses words alone. The model loads
    /// on first use and takes a core while the backlog drains.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Candidates one worker claims and embeds together.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads the model may use (one keeps the other cores for ingestion and queries).</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>How long a claimed batch belongs to its worker; a worker that stopped leaves it to others after this.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>
    /// How long this worker's ingestion must have stored nothing before its backlog is embedded: vectors are computed
    /// behind ingestion, in the time it leaves, so a bulk load runs at full speed and its vectors follow it. 0 embeds
    /// alongside ingestion (on a thread of the lowest priority either way).
    /// </summary>
    [Range(0, 600_000)]
    public int AfterIngestionMilliseconds { get; set; } = 2000;

    /// <summary>Query vectors kept, so a repeated description is embedded once.</summary>
    [Range(0, 1_000_000)]
    public int QueryCacheSize { get; set; } = 10_000;

    /// <summary>
    /// Memory for the candidates' vectors last read by search, match and similar, kept for the requests after (about
    /// 1.6 KB a paper: 128 MB holds some 80,000 papers); 0 reads them from the database every time.
    /// </summary>
    [Range(0, 65_536)]
    public int VectorCacheMegabytes { get; set; } = 128;
}
