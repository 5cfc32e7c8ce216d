namespace Talent.Benchmarks;

/// <summary>
/// Talent's benchmarks, one per area: <c>dotnet run -c Release --project tests/Talent.Benchmarks -- AREA [options]</c>.
/// Each area adds its own entry to <see cref="Areas"/>.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> Areas = new(StringComparer.Ordinal)
    {
        ["extraction"] = ("Profile extraction over the labelled evaluation set (documents/s/core)", ExtractionBenchmark.Run),
        ["ingest"] = ("profiles/s end to end through RabbitMQ and the in-memory transport vs bare Lucene.Net, and where one document's time goes: --documents N --seed S --rounds R [--warmup N] [--rabbitmq URL] [--stages-only] [--stage-passes N] [--stage-documents N]", Ingest.IngestBenchmark.RunAsync),
        ["search"] = ("ingestion, reindex, HTTP query latency and throughput, reindex under query load, query service memory, vs in-process, bare Lucene.Net and SQLite FTS5: --candidates N --seed S --rounds R --clients C --data DIR [--hostile-only: after ingestion, only the hostile queries: time to answer or refuse, CPU of a full run, CPU after a client gives up] [--field-sets-only: after ingestion, only the same HTTP load against the candidates indexed with the recruiter fields and with the field set before them]", Search.SearchBenchmark.RunAsync),
        ["formats"] = ("extraction documents/s/core by format: the evaluation set as written, as 2-page PDF CVs and as DOCX, side by side: [--rounds N]", Formats.FormatBenchmark.RunAsync),
        ["hostile"] = ("extraction time of the 2 MB hostile documents (e-mails, phones, < runs, deep lists) at 1/4, 1/2 and all of their size: [--shape NAME]", Hostile.HostileDocumentBenchmark.RunAsync),
        ["embeddings"] = ("how fast the embedding backlog drains (the worker's own drain over a copy of a data folder's database) and the time to embed every candidate in it: --data DIR [--candidates N] [--threads T]", Embeddings.EmbeddingBenchmark.RunAsync),
        ["vectors"] = ("search, match and similar over HTTP with sentence vectors beside lexical only, and the query service's memory: a copy of a data folder's database filled with the worker's vector rows (seeded vectors, not the model's): --data DIR [--copy DIR] [--seed S] [--requests N] [--rounds R] [--fill-minutes M] [--fill-only]", Search.SearchBenchmark.VectorsAsync),
        ["corpus"] = ("writes the documents of people FROM..TO of the synthetic corpus to a folder: --from N --to N --seed S --out DIR", Corpus.SyntheticCorpus.WriteAsync),
        ["mix"] = ("the search benchmark's query strings, one per line", Search.SearchBenchmark.PrintMixAsync),
        ["host"] = ("(used by search) the query service over --data at --urls until standard input closes", Search.QueryService.HostAsync),
    };

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Areas.TryGetValue(args[0], out var area))
        {
            await Console.Error.WriteLineAsync("usage: Talent.Benchmarks AREA [options]; areas:");
            foreach (var (name, (description, _)) in Areas.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"  {name,-12} {description}");
            }

            return 2;
        }

        return await area.Run(args[1..]);
    }
}
