using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Talent.Embeddings;
using Talent.Search.Ranking;
using Talent.Server.Configuration;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>Registers sentence vectors: the model, the store, the vector source for ranking and, in a worker, the backlog.</summary>
public static class EmbeddingServices
{
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>()?.Enabled ?? false;

    public static void Add(IServiceCollection services, IConfiguration configuration, bool worker)
    {
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new EmbeddingStore(sp.GetRequiredService<TalentDatabase>(), sp.GetRequiredService<TimeProvider>()));
        if (!IsEnabled(configuration))
        {
            return;
        }

        services.AddSingleton<ITextEmbedder>(sp => new MiniLmEmbedder(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Threads));
        services.AddSingleton<ICandidateVectorSource, StoredVectorSource>();
        if (worker)
        {
            // The backlog's model runs apart from the queries' one, behind everything else the process does.
            services.AddSingleton(sp => new BackgroundEmbedder(new MiniLmEmbedder(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Threads)));
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<EmbeddingDrainer>(sp, sp.GetRequiredService<BackgroundEmbedder>()));
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddingDrainer>());
            services.AddSingleton<ProfileStoredAnnouncer>();
            services.AddHostedService(sp => sp.GetRequiredService<ProfileStoredAnnouncer>());
        }
    }

    /// <summary>The consumer that fills the backlog; workers on RabbitMQ compete for its one queue.</summary>
    public static void AddConsumers(IBusRegistrationConfigurator bus, IConfiguration configuration, BusOptions options)
    {
        if (IsEnabled(configuration))
        {
            bus.AddConsumer<CandidateProfilesStoredConsumer>().Endpoint(e => e.Name = options.QueueName("CandidateProfilesStored"));
        }
    }

    /// <summary><c>GET /health/embeddings</c>: the backlog, the vectors stored and the drain rate.</summary>
    public static void MapEmbeddingStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/health/embeddings", async (IServiceProvider sp, CancellationToken cancellationToken) =>
        {
            if (sp.GetService<EmbeddingDrainer>() is { } drainer)
            {
                return Results.Ok(await drainer.StatusAsync(cancellationToken));
            }

            var (waiting, embedded) = await sp.GetRequiredService<EmbeddingStore>().CountsAsync(cancellationToken);
            return Results.Ok(new EmbeddingStatus(IsEnabled(sp.GetRequiredService<IConfiguration>()), waiting, embedded, 0, 0, 0));
        });
}
