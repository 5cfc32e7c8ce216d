using System.Globalization;

namespace Talent.Benchmarks.Ingest;

/// <summary>What one ingestion run measured.</summary>
internal static partial class IngestBenchmark
{
    /// <summary>
    /// With sentence vectors on, what the embedding backlog did during each path's median run: the texts it embedded
    /// (none while ingestion is busy: the worker holds it back) and the candidates left waiting for vectors at the end
    /// (the stored candidates the "profile stored" events put on it). Null with vectors off.
    /// </summary>
    private static string? VectorsBehind(params (string Path, Run Run)[] runs) =>
        runs.Any(r => r.Run.Vectors is null)
            ? null
            : "Sentence vectors on: texts the backlog embedded during each median run, and candidates waiting for vectors at its end: "
                + string.Join(", ", runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Path} {r.Run.Vectors!.TextsEmbedded} texts, {r.Run.Vectors.Waiting} waiting")))
                + ".";

    /// <summary>
    /// The shares of a run's time the one batch-writer thread spent writing and the index spent applying changes: a
    /// share near 1 is the stage that holds the rate back.
    /// </summary>
    private sealed record Busy(double Writer, double Index)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Writer:P0} / {Index:P0}");
    }

    /// <summary>
    /// One run; <c>IndexLag</c> is from the last document stored in SQLite to the index holding every change, <c>Jit</c> the
    /// time the JIT spent compiling meanwhile (a new host compiles its bus and services anew).
    /// </summary>
    private sealed record Run(int Documents, TimeSpan Elapsed, TimeSpan Published, int Candidates, string Settings, TimeSpan Cpu, TimeSpan IndexLag = default, TimeSpan Jit = default)
    {
        /// <summary>CPU milliseconds this process spent per profile (the broker's own CPU not included).</summary>
        public double CpuPerProfile => Cpu.TotalMilliseconds / Documents;

        /// <summary>How much of the run the batch writer and the index spent working (end-to-end runs only).</summary>
        public Busy? Busy { get; init; }

        /// <summary>The private broker's CPU during the run (RabbitMQ runs on a broker this benchmark started).</summary>
        public TimeSpan? BrokerCpu { get; init; }

        /// <summary>The embedding backlog at the run's end, with sentence vectors on.</summary>
        public VectorBacklog? Vectors { get; init; }

        /// <summary>CPU milliseconds the broker spent per profile, or null.</summary>
        public double? BrokerCpuPerProfile => BrokerCpu?.TotalMilliseconds / Documents;

        public double Rate => Documents / Math.Max(0.001, Elapsed.TotalSeconds);
    }

    /// <summary>The embedding backlog at the end of a run: texts this worker embedded since it started, candidates still waiting.</summary>
    private sealed record VectorBacklog(long TextsEmbedded, long Waiting);
}
