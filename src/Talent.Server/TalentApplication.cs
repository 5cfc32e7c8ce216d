using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Contracts;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Search;
using Talent.Server.Access;
using Talent.Server.Api;
using Talent.Server.Configuration;
using Talent.Server.Demo;
using Talent.Server.Embeddings;
using Talent.Server.Health;
using Talent.Server.Identity;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;
using Talent.Storage;

namespace Talent.Server;

/// <summary>What a process hosts.</summary>
[Flags]
public enum TalentRoles
{
    /// <summary>The query service: HTTP API, web page, search.</summary>
    Query = 1,

    /// <summary>The ingestion worker: consumers, database writes, index synchronisation.</summary>
    Worker = 2,

    All = Query | Worker,
}

/// <summary>
/// Builds every Talent process the same way: <c>talent serve</c>, <c>talent worker</c>, one-shot CLI
/// commands and the tests all come through here.
/// </summary>
public static class TalentApplication
{
    /// <summary>The largest request body the server reads (a document upload of 5 MB, base64-encoded in JSON, fits).</summary>
    public const int MaxRequestBodyBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Configuration in order of precedence (last wins): option defaults, <c>config/appsettings.json</c>
    /// beside the binary, <c>config/appsettings.{Environment}.json</c>, environment variables
    /// (<c>Talent__Bus__Transport</c>), then <paramref name="overrides"/> (the CLI's flags).
    /// </summary>
    public static void AddTalentConfiguration(IConfigurationManager configuration, string environmentName, IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        configuration.Sources.Clear();
        var configDirectory = Path.Combine(AppContext.BaseDirectory, "config");
        configuration.AddJsonFile(Path.Combine(configDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(configDirectory, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }
    }

    /// <summary>Logs go to stderr (stdout is for results), filtered by the <c>Logging</c> section.</summary>
    public static void AddTalentLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>The web application builder for <c>talent serve</c> and the HTTP tests.</summary>
    public static WebApplicationBuilder CreateWebBuilder(IEnumerable<KeyValuePair<string, string?>>? overrides, TalentRoles roles = TalentRoles.All)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        AddTalentConfiguration(builder.Configuration, builder.Environment.EnvironmentName, overrides);
        AddTalentLogging(builder.Logging, builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Long queries must reach the handler so it can answer 400 with a reason, not 414.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        AddTalentServices(builder, roles);
        AddOptions<AccessOptions>(builder.Services, AccessOptions.Section);
        AccessServices.Add(builder);
        // A body over the limit is answered before any endpoint sees it: its problem details still say what the limit is.
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status == Microsoft.AspNetCore.Http.StatusCodes.Status413PayloadTooLarge
                ? $"The request body is over the {MaxRequestBodyBytes / (1024 * 1024)} MB limit."
                : null);
        // Requests that cannot be bound reach BadRequestProblems, which says what was wrong with them.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<Api.BadRequestProblems>();
        builder.Services.AddOpenApi(Api.OpenApiSecurity.Configure);
        builder.Services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddHostedService<ServerAnnouncement>();
        // Data-protection keys live in the data folder (the volume in a container), so they outlast a restart.
        var dataDirectory = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>()?.Directory ?? "data";
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDirectory), "keys")));
        builder.Services.AddSingleton<ServiceReadiness>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("talent", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps the HTTP API, health endpoints, OpenAPI document and web page.</summary>
    public static WebApplication BuildWebApplication(WebApplicationBuilder builder)
    {
        KeepThreadsForParallelSearch();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        AccessServices.Use(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        // Recruiters search and read candidates; admins do everything, erasure and documents included.
        var recruiter = app.MapGroup("").RequireAuthorization(ApiKeyAuthentication.RecruiterPolicy);
        var admin = app.MapGroup("").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        recruiter.MapSearchEndpoints();
        recruiter.MapCandidateEndpoints();
        recruiter.MapIdentityEndpoints();
        recruiter.MapMatchEndpoints();
        recruiter.MapSuggestEndpoints();
        recruiter.MapVenueEndpoints();
        recruiter.MapDocumentFormatEndpoints();
        recruiter.MapShortlistEndpoints();
        recruiter.MapAccessEndpoints();
        admin.MapDocumentEndpoints();
        admin.MapRejectedEndpoints();
        admin.MapPartialEndpoints();
        admin.MapCommandEndpoints();
        if (app.Services.GetService<IndexRebuilder>() is not null)
        {
            // Rebuilds run where the index writer is: processes with the worker role.
            admin.MapAdminEndpoints();
        }
        else
        {
            // A query-only process asks the worker through the broker and follows the generation it publishes.
            admin.MapWorkerReindexEndpoints();
        }
        app.MapHealthEndpoints();
        app.MapEmbeddingStatus();
        app.MapWebPage();
        return app;
    }

    /// <summary>
    /// A search over a large index runs on every core at once (one slice of segments each), from the thread pool. With the
    /// pool's default of one ready thread per core, the request's own thread plus whatever else is running leaves no thread
    /// for the other slices, which then wait for the one thread and double the answer time now and then; a few more ready
    /// threads keep every slice running at once. (More threads than cores is harmless for this work: it is CPU-bound and
    /// short, and the system shares the cores between them.)
    /// </summary>
    private static void KeepThreadsForParallelSearch()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Math.Max(8, Environment.ProcessorCount * 4)), completionPorts);
    }

    /// <summary>Registers options, catalogs, storage, index and (for the worker) the bus consumers.</summary>
    public static void AddTalentServices(IHostApplicationBuilder builder, TalentRoles roles)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        AddOptions<DataOptions>(services, DataOptions.Section);
        AddOptions<IndexOptions>(services, IndexOptions.Section);
        AddOptions<BusOptions>(services, BusOptions.Section);
        AddOptions<IngestionOptions>(services, IngestionOptions.Section);
        AddOptions<CatalogOptions>(services, CatalogOptions.Section);
        AddOptions<DemoOptions>(services, DemoOptions.Section);
        AddOptions<SearchOptions>(services, SearchOptions.Section);

        AddStores(services);

        var writesIndex = roles.HasFlag(TalentRoles.Worker);
        AddLiveIndex(services, writesIndex);

        // Order matters: hosted services start in registration order, so the database is migrated and
        // the index open before the bus delivers the first message.
        services.AddSingleton<StartupInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupInitializer>());
        AddIndexWriting(services, writesIndex);

        // After the start-up initialiser: the embedding drainer reads tables the migrations create.
        EmbeddingServices.Add(services, builder.Configuration, roles.HasFlag(TalentRoles.Worker));
        AddBus(builder, roles);
        if (writesIndex)
        {
            // After the bus (registered above): documents accepted before the last stop and not stored yet go again.
            services.AddHostedService<InboxReplay>();
            services.AddHostedService<PendingErasureResumer>();
        }

        services.AddSingleton<DemoLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoLoader>());
    }

    /// <summary>The catalogs, the extractor, the database and the stores over it.</summary>
    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton(sp => ProfileCatalogs.Load(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.ResolvedDirectory));
        services.AddSingleton(sp => new ProfileExtractor(sp.GetRequiredService<ProfileCatalogs>(), sp.GetRequiredService<IOptions<IngestionOptions>>().Value.Limits));
        services.AddSingleton(sp => new TalentDatabase(sp.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath));
        services.AddSingleton<CandidateStore>();
        services.AddSingleton<IdentityDecisions>();
        services.AddSingleton<DocumentInbox>();
        services.AddSingleton<AccessStore>();
        services.AddSingleton<ShortlistStore>();
    }

    /// <summary>
    /// The live index. Only a process with the worker role writes the index; a query-only process opens it read-only
    /// (no lock) and follows the worker's commits and swapped generations, so both can share one data folder.
    /// </summary>
    private static void AddLiveIndex(IServiceCollection services, bool writesIndex) =>
        services.AddSingleton(sp =>
        {
            var path = IndexLocation.Current(Path.GetFullPath(sp.GetRequiredService<IOptions<IndexOptions>>().Value.Directory));
            var catalogs = sp.GetRequiredService<ProfileCatalogs>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Talent.Search");
            var search = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            var live = writesIndex
                ? new LiveIndex(CandidateIndex.OpenForWriting(path, catalogs, logger, search, clock), deleteRetired: true)
                : new LiveIndex(CandidateIndex.OpenReadOnly(path, catalogs, logger, search, clock), deleteRetired: false);
            live.Current.Vectors = sp.GetService<Talent.Search.Ranking.ICandidateVectorSource>();
            return live;
        });

    /// <summary>The worker's writers (synchroniser, batch writer, ingestion, erasure, rebuild), or the reader's refresher.</summary>
    private static void AddIndexWriting(IServiceCollection services, bool writesIndex)
    {
        if (writesIndex)
        {
            services.AddSingleton<IndexSynchronizer>();
            services.AddHostedService(sp => sp.GetRequiredService<IndexSynchronizer>());
            // Registered after the synchroniser and before the bus, so it stops after the consumers that wait for it.
            services.AddSingleton<DocumentBatchWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<DocumentBatchWriter>());
            services.AddSingleton<IIngestionActivity>(sp => sp.GetRequiredService<DocumentBatchWriter>());
            services.AddSingleton<DocumentIngestion>();
            services.AddSingleton<ErrorQueueEraser>();
            services.AddSingleton<ErasureFinisher>();
            services.AddSingleton<IndexRebuilder>();
        }
        else
        {
            services.AddHostedService<IndexRefresher>();
        }
    }

    /// <summary>The bus: the worker's consumers, the request clients, and the transport (in memory or RabbitMQ).</summary>
    private static void AddBus(IHostApplicationBuilder builder, TalentRoles roles)
    {
        var services = builder.Services;
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddMassTransit(x =>
        {
            // Talent holds personal data and runs on its owner's machines: it sends nothing to third parties, and
            // MassTransit's usage report would try to reach its vendor from every process.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            if (roles.HasFlag(TalentRoles.Worker))
            {
                x.AddConsumer<ProfileDocumentSubmittedConsumer, ProfileDocumentSubmittedConsumerDefinition>();
                // Read replicas (Talent:Bus:Node) each get their own queue, bound to the same message exchange.
                x.AddConsumer<CandidateRemovalRequestedConsumer>().Endpoint(e => e.Name = bus.QueueName("CandidateRemovalRequested"));
                x.AddConsumer<ReindexRequestedConsumer>().Endpoint(e => e.Name = bus.QueueName("ReindexRequested"));
                x.AddConsumer<IdentityDecisionMadeConsumer>().Endpoint(e => e.Name = bus.QueueName("IdentityDecisionMade"));
                EmbeddingServices.AddConsumers(x, builder.Configuration, bus);
            }

            x.AddRequestClient<ProfileDocumentSubmitted>(RequestTimeout.After(m: 2));
            // An erasure answers once the index files are purged too, which takes longer than one document.
            x.AddRequestClient<CandidateRemovalRequested>(RequestTimeout.After(m: 10));
            if (string.Equals(bus.Transport, "rabbitmq", StringComparison.Ordinal))
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(bus.RabbitMqUrl));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
    }

    private static void AddOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
