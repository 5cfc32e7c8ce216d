using Talent.Embeddings;
using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>What the embedding backlog's tests share: the two candidates they store, and a drainer with the shipped options.</summary>
public abstract class EmbeddingBacklogDraining
{
    private protected const string Researcher = """
        # Vera Video

        Research scientist working on video generation.

        ## Publications

        - [ICLR 2025] Long Video Generation with Latent Diffusion Transformers
        - Vera Video, Ada Frame
        """;

    private protected const string Engineer = """
        # Ben Backend

        Backend engineer at Acme Payments.

        ## Skills

        Go, PostgreSQL, Redis, Docker, Kubernetes
        """;

    /// <summary>A host (vectors off: nothing drains behind ingestion) that stored the researcher and the engineer.</summary>
    private protected static async Task<TalentTestHost> WithResearcherAndEngineerAsync()
    {
        var host = await TalentTestHost.StartAsync();
        await host.SubmitAsync("test:vera", "text/markdown", Researcher);
        await host.SubmitAsync("test:ben", "text/markdown", Engineer);
        await host.WaitForIndexAsync();
        return host;
    }

    private protected static EmbeddingDrainer Drainer(EmbeddingStore store, ITextEmbedder model, Talent.Server.Ingestion.IIngestionActivity? ingestion = null) =>
        new(store, model, Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance, ingestion: ingestion);
}
