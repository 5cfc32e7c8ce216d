using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Benchmarks.Corpus;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Storage;

namespace Talent.Benchmarks.Ingest;

/// <summary>The single-thread stage table (where one document's time goes) and the bare Lucene.Net row.</summary>
internal static partial class IngestBenchmark
{
    private static void PrintStages(List<Stage> stages, int documents)
    {
        Console.WriteLine($"Where one document's time goes, on one thread ({documents} documents, after warm-up passes; CPU is the process's, collector included):");
        Console.WriteLine();
        Console.WriteLine("| stage | per document | CPU per document | allocated per document |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var stage in stages)
        {
            var cell = stage.Name.Contains("bytes", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"{stage.Value / 1024:0.0} KB")
                : string.Create(CultureInfo.InvariantCulture, $"{stage.Value:0} µs");
            var allocated = stage.Allocated is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB") : "";
            var cpu = stage.Cpu is { } micros ? string.Create(CultureInfo.InvariantCulture, $"{micros:0} µs") : "";
            Console.WriteLine($"| {stage.Name} | {cell} | {cpu} | {allocated} |");
        }
    }

    private static List<CandidateProfile> Extract(ProfileCatalogs catalogs, IReadOnlyList<SyntheticDocument> documents)
    {
        var extractor = new ProfileExtractor(catalogs);
        return documents.AsParallel().AsOrdered().Select(d => Merge(d, Accepted(extractor, d))).ToList();
    }

    private static ExtractedProfile Accepted(ProfileExtractor extractor, SyntheticDocument document) =>
        extractor.Extract(new DocumentInput(document.SourceId, document.ContentType, document.Content)) is ExtractionResult.Accepted accepted
            ? accepted.Profile
            : throw new InvalidOperationException($"synthetic document {document.SourceId} was rejected");

    private static CandidateProfile Merge(SyntheticDocument document, ExtractedProfile profile) =>
        ProfileMerger.Merge([new SourceProfile(document.SourceId, profile, DateTimeOffset.UnixEpoch)]);

    /// <summary>The same profiles as Lucene documents (Talent's mapping) straight into an IndexWriter on one thread, one commit.</summary>
    private static Run BareLucene(ProfileCatalogs catalogs, IReadOnlyList<CandidateProfile> profiles)
    {
        var path = Path.Combine(Path.GetTempPath(), "talent-bench-lucene-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var cpu = CpuTime();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var clock = Stopwatch.StartNew();
            using (var directory = new NIOFSDirectory(new DirectoryInfo(path)))
            using (var text = new EnglishAnalyzer(LuceneVersion.LUCENE_48))
            using (var analyzer = CandidateDocument.IndexAnalyzer(text))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() }))
            {
                for (var i = 0; i < profiles.Count; i++)
                {
                    writer.AddDocument(CandidateDocument.Create(i + 1, profiles[i], DateTimeOffset.UnixEpoch, catalogs));
                }

                writer.Commit();
            }

            return new Run(profiles.Count, clock.Elapsed, TimeSpan.Zero, profiles.Count, "", CpuTime() - cpu);
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>
    /// The profiles indexed in small segments (a commit every 100) and merged into one, as a worker's index merges while
    /// it grows: warms up Lucene's merging.
    /// </summary>
    private static void MergedLucene(ProfileCatalogs catalogs, IReadOnlyList<CandidateProfile> profiles)
    {
        var path = Path.Combine(Path.GetTempPath(), "talent-bench-merge-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var directory = new NIOFSDirectory(new DirectoryInfo(path));
            using var text = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
            using var analyzer = CandidateDocument.IndexAnalyzer(text);
            using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() });
            for (var i = 0; i < profiles.Count; i++)
            {
                writer.AddDocument(CandidateDocument.Create(i + 1, profiles[i], DateTimeOffset.UnixEpoch, catalogs));
                if (i % 100 == 99)
                {
                    writer.Commit();
                }
            }

            writer.ForceMerge(1);
            writer.Commit();
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>
    /// One document's path, stage by stage on one thread, each timed over the same documents in the last of
    /// <paramref name="passes"/> passes (the others warm up the JIT), with the process's CPU time (which a loaded machine
    /// does not inflate as it does the clock) and the bytes it allocated (nothing else runs meanwhile, so the process's
    /// CPU and allocations are the stage's).
    /// </summary>
    private static async Task<List<Stage>> StagesAsync(ProfileCatalogs catalogs, IReadOnlyList<SyntheticDocument> documents, int passes)
    {
        var extractor = new ProfileExtractor(catalogs);
        var stages = new List<Stage>();
        for (var pass = 0; pass < passes; pass++)
        {
            stages.Clear();
            var meter = StageMeter.Start();
            var extracted = documents.Select(d => Accepted(extractor, d)).ToList();
            stages.Add(meter.Stop("extraction (ProfileExtractor)", documents.Count));

            var data = Path.Combine(Path.GetTempPath(), "talent-bench-stages-" + Guid.NewGuid().ToString("N")[..12]);
            System.IO.Directory.CreateDirectory(data);
            try
            {
                var database = new TalentDatabase(Path.Combine(data, "talent.db"));
                await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
                var store = new CandidateStore(database, TimeProvider.System);
                var writes = documents.Select((d, i) => new DocumentWrite(new IncomingDocument(d.SourceId, 1, d.ContentType, d.Content, null, d.SourceId, DateTimeOffset.UtcNow), extracted[i], null)).ToList();
                var half = writes.Count / 2;

                meter = StageMeter.Start();
                foreach (var write in writes.Take(half))
                {
                    await store.CheckSourceAsync(write.Document.SourceId, 1, write.Document.ContentHash, CancellationToken.None);
                }

                stages.Add(meter.Stop("version check before extraction (one read)", half));

                meter = StageMeter.Start();
                foreach (var write in writes.Take(half))
                {
                    await store.StoreAcceptedAsync(write.Document, write.Profile!, CancellationToken.None); // writes hold profiles
                }

                stages.Add(meter.Stop("identity + SQLite, one transaction per document", half));

                // As the worker does: each consumer prepares its own write (in parallel), the batch writer stores them.
                meter = StageMeter.Start();
                foreach (var write in writes.Skip(half))
                {
                    write.Prepare();
                }

                stages.Add(meter.Stop("preparing a write (keys, JSON, the candidate alone) on the consumer's thread", writes.Count - half));

                var written = WrittenBytes();
                meter = StageMeter.Start();
                foreach (var batch in writes.Skip(half).Chunk(64))
                {
                    await store.StoreBatchAsync(batch, CancellationToken.None);
                }

                stages.Add(meter.Stop("identity + SQLite, 64 prepared documents per transaction (the batch writer's one thread)", writes.Count - half));
                stages.Add(new Stage("… bytes SQLite wrote per document meanwhile (log, database, temporary files)", (WrittenBytes() - written) / (double)(writes.Count - half), null, null));

                meter = StageMeter.Start();
                var changes = await store.ChangesSinceAsync(0, writes.Count * 2, CancellationToken.None);
                stages.Add(meter.Stop("reading the change log for the index", writes.Count));

                meter = StageMeter.Start();
                foreach (var change in changes)
                {
                    CandidateDocument.Create(change.CandidateId, change.Profile!, change.UpdatedAt, catalogs); // the log holds upserts only here
                }

                stages.Add(meter.Stop("… of which the Lucene document alone (built, not indexed)", writes.Count));

                using var index = CandidateIndex.OpenForWriting(Path.Combine(data, "index"), catalogs, NullLogger.Instance);
                meter = StageMeter.Start();
                foreach (var change in changes)
                {
                    index.Upsert(change.CandidateId, change.Profile!, change.UpdatedAt);
                }

                index.Commit(changes[^1].Sequence);
                stages.Insert(stages.Count - 1, meter.Stop("index: Lucene document + IndexWriter, one commit", writes.Count));
                stages.AddRange(TextValueStages(catalogs, changes));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                System.IO.Directory.Delete(data, recursive: true);
            }
        }

        return stages;
    }

    /// <summary>
    /// A row of the stage table: time (or bytes written) per document, and the process's CPU microseconds and bytes
    /// allocated per document when measured.
    /// </summary>
    private sealed record Stage(string Name, double Value, double? Cpu, double? Allocated);

    /// <summary>Wall time, process CPU time and bytes allocated from <see cref="Start"/> to <see cref="Stop"/>.</summary>
    private readonly record struct StageMeter(Stopwatch Clock, TimeSpan CpuBefore, long AllocatedBefore)
    {
        public static StageMeter Start() => new(Stopwatch.StartNew(), CpuTime(), GC.GetTotalAllocatedBytes(precise: true));

        public Stage Stop(string name, int documents) => new(
            name,
            Clock.Elapsed.TotalMicroseconds / Math.Max(1, documents),
            (CpuTime() - CpuBefore).TotalMicroseconds / Math.Max(1, documents),
            (GC.GetTotalAllocatedBytes(precise: true) - AllocatedBefore) / (double)Math.Max(1, documents));
    }

    /// <summary>Bytes this process has handed to write calls so far (<c>wchar</c> in /proc/self/io).</summary>
    private static long WrittenBytes() =>
        long.Parse(File.ReadLines("/proc/self/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
}
