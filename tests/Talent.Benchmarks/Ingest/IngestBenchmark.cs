using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Benchmarks.Corpus;
using Talent.Contracts;
using Talent.Profiles.Catalogs;
using Talent.Server;
using Talent.Server.Configuration;
using Talent.Server.Embeddings;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Benchmarks.Ingest;

/// <summary>
/// Ingestion throughput, side by side in one run over the same seeded synthetic documents: end to end
/// through a private RabbitMQ node (publish all, until SQLite and the index hold every document), the
/// same with a plain-JSON producer on RabbitMQ's own client instead of MassTransit, the same with
/// everything published before the worker starts (a backlog drained), the same through the
/// in-memory transport, and bare Lucene.Net indexing of the same extracted profiles (no bus, no SQLite).
/// Before that, where one document's time goes, on one thread.
/// </summary>
internal static partial class IngestBenchmark
{
    /// <summary>Warm-up passes at most, each through every path (see <see cref="RunAsync"/>).</summary>
    private const int MaxWarmupPasses = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntOption(args, "--documents", 20_000);
        var seed = IntOption(args, "--seed", 42);
        var rounds = IntOption(args, "--rounds", 3);
        var externalBroker = StringOption(args, "--rabbitmq");
        if (externalBroker is null && !PrivateBroker.IsInstalled)
        {
            await Console.Error.WriteLineAsync("rabbitmq-server is not installed (/usr/lib/rabbitmq/bin); install it or pass --rabbitmq URL");
            return 2;
        }

        var catalogs = ProfileCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "config"));
        var corpus = new SyntheticCorpus(catalogs, seed);
        var documents = Enumerable.Range(0, count).SelectMany(corpus.Documents).Take(count).ToList();
        var messages = documents.Select(Message).ToList();
        var warmupCount = IntOption(args, "--warmup", 5_000);
        var warmup = new SyntheticCorpus(catalogs, seed + 1);
        var warmupDocuments = Enumerable.Range(0, warmupCount).SelectMany(warmup.Documents).Take(warmupCount).ToList();
        var warmupMessages = warmupDocuments.Select(Message).ToList();

        Console.Error.WriteLine($"{count} documents, seed {seed}, {Environment.ProcessorCount} cores; stages on one thread");
        var stageDocuments = Math.Min(IntOption(args, "--stage-documents", 4_000), count);
        var stages = await StagesAsync(catalogs, documents.Take(stageDocuments).ToList(), Math.Max(2, IntOption(args, "--stage-passes", 2)));
        if (args.Contains("--stages-only"))
        {
            PrintStages(stages, stageDocuments);
            return 0;
        }

        await using var broker = externalBroker is null ? await PrivateBroker.StartAsync() : null;
        var brokerUrl = externalBroker ?? broker!.AmqpUrl; // one of the two is set
        // A worker runs for days: the rounds measure it after the JIT has optimised its hot paths (which tiered compilation
        // does only after a while) and the collector has sized its heaps. One pass was not enough: the first measured run
        // still spent ~1.9 s compiling, ten times a later one. Passes go on until one compiles for less than a second.
        // A warm-up run is too short for the index to merge segments, which a measured run and a worker do all the time:
        // each pass also merges an index of the warm-up documents, so merging is not compiled (and run unoptimised) in the
        // first measured run.
        var warmupProfiles = Extract(catalogs, warmupDocuments);
        for (var pass = 1; pass <= MaxWarmupPasses; pass++)
        {
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            await EndToEndAsync("inmemory", brokerUrl, warmupMessages);
            await EndToEndAsync("rabbitmq", brokerUrl, warmupMessages);
            await EndToEndAsync("rabbitmq", brokerUrl, warmupMessages, Producer.PlainJson);
            MergedLucene(catalogs, warmupProfiles);
            jit = System.Runtime.JitInfo.GetCompilationTime() - jit;
            Console.Error.WriteLine($"warm-up pass {pass}: {warmupCount:N0} other documents through each path, {jit.TotalMilliseconds:0} ms compiling");
            if (jit < TimeSpan.FromSeconds(1))
            {
                break;
            }
        }

        var rabbit = new List<Run>();
        var plain = new List<Run>();
        var backlog = new List<Run>();
        var memory = new List<Run>();
        var bare = new List<Run>();
        var profiles = Extract(catalogs, documents);
        for (var round = 1; round <= rounds; round++)
        {
            // Each round starts with another path, so no path is always the one right after the warm-up or the bare run.
            var paths = new (List<Run> Runs, Func<Task<Run>> Run)[]
            {
                (rabbit, () => EndToEndAsync("rabbitmq", brokerUrl, messages, broker: broker)),
                (plain, () => EndToEndAsync("rabbitmq", brokerUrl, messages, Producer.PlainJson, broker)),
                (backlog, () => EndToEndAsync("rabbitmq", brokerUrl, messages, Producer.Backlog, broker)),
                (memory, () => EndToEndAsync("inmemory", brokerUrl, messages)),
            };
            for (var i = 0; i < paths.Length; i++)
            {
                var path = paths[(round - 1 + i) % paths.Length];
                path.Runs.Add(await path.Run());
            }

            bare.Add(BareLucene(catalogs, profiles));
            Console.Error.WriteLine($"round {round}: rabbitmq {rabbit[^1].Rate:0}/s ({rabbit[^1].CpuPerProfile:0.00} CPU ms each), rabbitmq plain JSON {plain[^1].Rate:0}/s ({plain[^1].CpuPerProfile:0.00}), rabbitmq backlog {backlog[^1].Rate:0}/s ({backlog[^1].CpuPerProfile:0.00}), in-memory {memory[^1].Rate:0}/s ({memory[^1].CpuPerProfile:0.00}), bare Lucene.Net {bare[^1].Rate:0}/s ({bare[^1].CpuPerProfile:0.00}); index lag after the last document stored {rabbit[^1].IndexLag.TotalMilliseconds:0} / {plain[^1].IndexLag.TotalMilliseconds:0} / {backlog[^1].IndexLag.TotalMilliseconds:0} / {memory[^1].IndexLag.TotalMilliseconds:0} ms; compiling {rabbit[^1].Jit.TotalMilliseconds:0} / {plain[^1].Jit.TotalMilliseconds:0} / {backlog[^1].Jit.TotalMilliseconds:0} / {memory[^1].Jit.TotalMilliseconds:0} ms; batch writer / index busy {rabbit[^1].Busy} · {plain[^1].Busy} · {backlog[^1].Busy} · {memory[^1].Busy} of each run; broker CPU per profile {rabbit[^1].BrokerCpuPerProfile:0.00} / {plain[^1].BrokerCpuPerProfile:0.00} / {backlog[^1].BrokerCpuPerProfile:0.00} ms");
        }

        PrintStages(stages, stageDocuments);
        Console.WriteLine();
        Console.WriteLine($"Profiles/second, {count} documents (seed {seed}), {rounds} rounds, {Environment.ProcessorCount} cores; best and median of the rounds:");
        Console.WriteLine();
        Console.WriteLine("| path | best | median | median time | median vs bare Lucene.Net | worker CPU per profile | broker CPU per profile | batch writer / index busy (median run) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var bareMedian = Median(bare).Rate;
        foreach (var (path, runs) in new[]
        {
            ("RabbitMQ end to end (publish → consume → SQLite + index)", rabbit),
            ("RabbitMQ end to end, plain-JSON producer (RabbitMQ's client, persistent, confirmed)", plain),
            ("RabbitMQ, a worker draining a backlog (all published before it starts)", backlog),
            ("in-memory transport end to end", memory),
            ("bare Lucene.Net indexing of the extracted profiles", bare),
        })
        {
            var median = Median(runs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {runs.Max(r => r.Rate):0} | {median.Rate:0} | {median.Elapsed.TotalSeconds:0.0} s | {median.Rate / bareMedian:0.00}× | {median.CpuPerProfile:0.00} ms | {(median.BrokerCpuPerProfile is { } brokerCpu ? $"{brokerCpu:0.00} ms" : "—")} | {median.Busy?.ToString() ?? "—"} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RabbitMQ / in-memory (medians): {Median(rabbit).Rate / Median(memory).Rate:0.00}×. Candidates after each end-to-end run: {rabbit[0].Candidates} (scholar pages merge with their person's CV). Publishing alone took {Median(rabbit).Published.TotalSeconds:0.0} s (RabbitMQ) and {Median(memory).Published.TotalSeconds:0.0} s (in-memory) of the end-to-end time. The index held every change {Median(rabbit).IndexLag.TotalMilliseconds:0} ms (RabbitMQ) and {Median(memory).IndexLag.TotalMilliseconds:0} ms (in-memory) after the last document was stored. The JIT compiled for {Median(rabbit).Jit.TotalMilliseconds:0} ms during the median RabbitMQ run (each run starts a new host)."));
        Console.WriteLine(CpuCeilings(("RabbitMQ end to end", Median(rabbit)), ("plain JSON", Median(plain)), ("backlog", Median(backlog)), ("in-memory", Median(memory))));
        if (VectorsBehind(("RabbitMQ end to end", Median(rabbit)), ("plain JSON", Median(plain)), ("backlog", Median(backlog)), ("in-memory", Median(memory))) is { } vectors)
        {
            Console.WriteLine(vectors);
        }

        Console.WriteLine($"Settings: {rabbit[0].Settings}.");
        return 0;
    }

    /// <summary>
    /// The most profiles per second the machine's cores allow at a run's CPU per profile (worker and broker together,
    /// every core busy): what a path's rate can reach before anything else waits.
    /// </summary>
    private static string CpuCeilings(params (string Path, Run Run)[] runs) =>
        $"CPU ceilings ({Environment.ProcessorCount} cores ÷ (worker + broker CPU per profile), medians): "
        + string.Join(", ", runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Path} {Environment.ProcessorCount * 1000 / (r.Run.CpuPerProfile + (r.Run.BrokerCpuPerProfile ?? 0)):0}/s")))
        + ".";

    private static ProfileDocumentSubmitted Message(SyntheticDocument document) => new()
    {
        SourceId = document.SourceId,
        Version = 1,
        ContentType = document.ContentType,
        Content = document.Content,
    };

    /// <summary>
    /// Publishes every message with MassTransit (through RabbitMQ on a bus of its own, in memory on the worker's) or, for
    /// <see cref="Producer.PlainJson"/>, as plain JSON on RabbitMQ's own client, in the same process while the worker
    /// consumes, and waits until SQLite and the index hold them all. For
    /// <see cref="Producer.Backlog"/>, the worker declares its queue and stops, another bus publishes everything, and the
    /// clock (and the worker's CPU time) starts when the worker starts again: a backlog drained.
    /// </summary>
    private static async Task<Run> EndToEndAsync(string transport, string brokerUrl, IReadOnlyList<ProfileDocumentSubmitted> messages, Producer producer = Producer.MassTransit, PrivateBroker? broker = null)
    {
        var publishFirst = producer == Producer.Backlog;
        // What the previous run left behind (its host, database pages, index buffers) is collected before this one
        // starts, not by a full collection in the middle of it.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var data = Path.Combine(Path.GetTempPath(), "talent-bench-ingest-" + Guid.NewGuid().ToString("N")[..12]);
        if (publishFirst)
        {
            using (var declaring = WorkerHost(transport, brokerUrl, data))
            {
                await declaring.StartAsync();
                await declaring.StopAsync();
            }

            await PublishAsync(brokerUrl, messages);
        }

        var host = WorkerHost(transport, brokerUrl, data);
        try
        {
            // Connected before the bus starts: a backlog is consumed from the first moment, and its clock includes the start.
            var consumed = ConsumedDocuments.ConnectTo(host.Services.GetRequiredService<IBus>());
            if (!publishFirst)
            {
                await host.StartAsync();
            }

            // A MassTransit producer through RabbitMQ is a bus of its own (a producer elsewhere, on a connection of its
            // own), started before the clock; in memory there is only the worker's bus.
            await using var producerBus = producer == Producer.MassTransit && transport == "rabbitmq" ? await StartProducerBusAsync(brokerUrl) : null;

            var cpu = CpuTime();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var writer = host.Services.GetRequiredService<DocumentBatchWriter>();
            var synchronizer = host.Services.GetRequiredService<IndexSynchronizer>();
            var (writing, applying) = (writer.WritingTime, synchronizer.ApplyingTime);
            var brokerCpu = broker?.CpuTime();
            var clock = Stopwatch.StartNew();
            if (publishFirst)
            {
                await host.StartAsync();
            }
            else if (producer == Producer.PlainJson)
            {
                var bus = host.Services.GetRequiredService<IOptions<BusOptions>>().Value;
                await PublishPlainJsonAsync(brokerUrl, bus.QueueName(bus.DocumentQueue), messages);
            }
            else
            {
                var publish = (IPublishEndpoint?)producerBus?.Bus ?? host.Services.GetRequiredService<IPublishEndpoint>();
                foreach (var chunk in messages.Chunk(500))
                {
                    await Task.WhenAll(chunk.Select(m => publish.Publish(m)));
                }
            }

            var store = host.Services.GetRequiredService<CandidateStore>();

            var published = publishFirst ? TimeSpan.Zero : clock.Elapsed;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            await consumed.WaitForAsync(messages.Count, timeout.Token);
            var stored = clock.Elapsed;

            await synchronizer.WaitForCatchUpAsync(timeout.Token);
            var elapsed = clock.Elapsed;
            cpu = CpuTime() - cpu;
            jit = System.Runtime.JitInfo.GetCompilationTime() - jit;
            var busy = new Busy((writer.WritingTime - writing) / elapsed, (synchronizer.ApplyingTime - applying) / elapsed);
            brokerCpu = broker?.CpuTime() - brokerCpu;

            var candidates = await store.CountCandidatesAsync(CancellationToken.None);
            var indexed = host.Services.GetRequiredService<LiveIndex>().Current.Count;
            var rejected = await store.ListRejectedAsync(10, CancellationToken.None);
            if (indexed != candidates || rejected.Count > 0)
            {
                throw new InvalidOperationException($"{transport}: {candidates} candidates in SQLite, {indexed} in the index, {rejected.Count} rejected");
            }

            var backlog = host.Services.GetService<EmbeddingDrainer>() is { } drainer ? await drainer.StatusAsync(CancellationToken.None) : null;
            return new Run(messages.Count, elapsed, published, candidates, Settings(host.Services), cpu, elapsed - stored, jit)
            {
                Busy = busy,
                BrokerCpu = brokerCpu,
                Vectors = backlog is null ? null : new VectorBacklog(backlog.TextsEmbedded, backlog.Waiting),
            };
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Publishes on a bus of its own, as a producer elsewhere would, to the exchange the worker's queue is bound to.</summary>
    private static async Task PublishAsync(string brokerUrl, IReadOnlyList<ProfileDocumentSubmitted> messages)
    {
        await using var producer = await StartProducerBusAsync(brokerUrl);
        foreach (var chunk in messages.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(m => producer.Bus.Publish(m)));
        }
    }

    private static async Task<ProducerBus> StartProducerBusAsync(string brokerUrl)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(brokerUrl)));
        await bus.StartAsync();
        return new ProducerBus(bus);
    }

    /// <summary>A started MassTransit bus that publishes only; stopped on dispose.</summary>
    private sealed class ProducerBus(IBusControl bus) : IAsyncDisposable
    {
        public IBusControl Bus => bus;

        public async ValueTask DisposeAsync() => await bus.StopAsync();
    }

    /// <summary>
    /// Publishes as a producer without MassTransit does (README, "raw JSON"): the plain JSON body, persistent, through
    /// the default exchange to the document queue, with publisher confirms (each publish completes when the broker has
    /// taken the message), 500 in flight on one channel.
    /// </summary>
    private static async Task PublishPlainJsonAsync(string brokerUrl, string queue, IReadOnlyList<ProfileDocumentSubmitted> messages)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(brokerUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new RabbitMQ.Client.CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new RabbitMQ.Client.BasicProperties { ContentType = "application/json", DeliveryMode = RabbitMQ.Client.DeliveryModes.Persistent };
        foreach (var chunk in messages.Chunk(500))
        {
            var confirms = new List<Task>(chunk.Length);
            foreach (var message in chunk)
            {
                confirms.Add(channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, JsonSerializer.SerializeToUtf8Bytes(message, PlainJson)).AsTask());
            }

            await Task.WhenAll(confirms);
        }
    }

    /// <summary>The README's JSON shape: camelCase, absent values left out.</summary>
    private static readonly JsonSerializerOptions PlainJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The host <c>talent worker</c> builds: bus, consumers, batch writer, SQLite, index synchroniser; no HTTP.</summary>
    private static IHost WorkerHost(string transport, string brokerUrl, string data)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        TalentApplication.AddTalentConfiguration(builder.Configuration, builder.Environment.EnvironmentName, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = data,
            ["Talent:Index:Directory"] = Path.Combine(data, "indexes"),
            ["Talent:Bus:Transport"] = transport,
            ["Talent:Bus:RabbitMqUrl"] = brokerUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        TalentApplication.AddTalentLogging(builder.Logging, builder.Configuration);
        TalentApplication.AddTalentServices(builder, TalentRoles.Worker);
        return builder.Build();
    }

    /// <summary>The settings in force (config/appsettings.json beside the binary).</summary>
    private static string Settings(IServiceProvider services)
    {
        var bus = services.GetRequiredService<IOptions<BusOptions>>().Value;
        var ingestion = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        var index = services.GetRequiredService<IOptions<Server.Configuration.IndexOptions>>().Value;
        return string.Create(CultureInfo.InvariantCulture, $"concurrency {bus.ConcurrencyLimit}, prefetch {bus.PrefetchCount}, batch message limit {ingestion.BatchMessageLimit}, batch time limit {ingestion.BatchTimeLimitMilliseconds} ms, index commit delay {index.CommitDelayMilliseconds} ms, index batch {index.BatchSize}, {GarbageCollector()}");
    }

    /// <summary>Which garbage collector runs (DATAS, adapting the heap to the live data, only applies to the server one).</summary>
    private static string GarbageCollector()
    {
        if (!GCSettings.IsServerGC)
        {
            return "workstation GC";
        }

        var adapting = GC.GetConfigurationVariables().TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode, CultureInfo.InvariantCulture) == 1;
        var collector = adapting ? "server GC adapting to the heap size (DATAS)" : "server GC on a fixed budget";
        return Gen0Budget() is { } budget ? $"{collector}, generation 0 budget at least {budget / (1024 * 1024)} MB (DOTNET_GCgen0size)" : collector;
    }

    /// <summary>
    /// The smallest generation-0 budget the environment sets (<c>DOTNET_GCgen0size</c>, hexadecimal bytes), or null. The
    /// runtime reads it from the environment only, not from runtimeconfig.json.
    /// </summary>
    private static long? Gen0Budget()
    {
        var value = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? Environment.GetEnvironmentVariable("COMPlus_GCgen0size");
        var digits = value?.Trim() is { } text && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : value?.Trim();
        return long.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : null;
    }

    private static Run Median(List<Run> runs) => runs.OrderBy(r => r.Rate).ElementAt(runs.Count / 2);

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>CPU time of this process so far (every thread).</summary>
    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Who publishes in an end-to-end run.</summary>
    private enum Producer
    {
        /// <summary>MassTransit, while the worker consumes: a bus of the benchmark's own through RabbitMQ, the worker's in memory.</summary>
        MassTransit,

        /// <summary>A plain-JSON producer on RabbitMQ's own client, while the worker consumes.</summary>
        PlainJson,

        /// <summary>A MassTransit bus of the benchmark's own, everything before the worker starts (a backlog).</summary>
        Backlog,
    }
}
