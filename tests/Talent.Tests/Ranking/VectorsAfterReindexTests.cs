using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Server.Configuration;
using Talent.Server.Embeddings;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>
/// Sentence vectors are keyed by the exact text embedded. A newer Talent may read a stored document differently or put
/// more into a person's own words; <c>talent admin reindex</c> then finds the candidates whose stored keys are not those
/// of their texts now and puts them back on the embedding backlog, which embeds only the texts that changed.
/// </summary>
public sealed class VectorsAfterReindexTests
{
    [Fact]
    public async Task A_reindex_puts_back_on_the_backlog_the_candidates_whose_vectors_are_of_older_texts()
    {
        await using var host = await TalentTestHost.StartAsync();
        var researcher = await host.SubmitAsync("test:vera", "text/markdown", "# Vera Video\n\nResearch scientist working on video generation.\n\n## Publications\n\n- [ICLR 2025] Long Video Generation with Latent Diffusion Transformers\n- Vera Video, Ada Frame\n");
        var engineer = await host.SubmitAsync("test:ben", "text/markdown", "# Ben Backend\n\nBackend engineer at Acme Payments.\n\n## Skills\n\nGo, PostgreSQL, Redis, Docker, Kubernetes\n");
        await host.WaitForIndexAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var model = new FixedEmbedder(fail: false);
        var drainer = new EmbeddingDrainer(store, model, Options.Create(new EmbeddingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance);
        await drainer.DrainAsync((_, _, _) => { }, CancellationToken.None);
        var rebuilder = Rebuilder(host, store);

        // Vectors of the texts the profiles give now: nothing to do.
        Assert.Equal(0, (await rebuilder.RebuildAsync(null, CancellationToken.None)).VectorsOutOfDate);
        Assert.Equal((0L, 2L), await store.CountsAsync(CancellationToken.None));

        // The engineer's own words and the researcher's paper were embedded as an older Talent wrote them.
        using (var connection = host.Get<TalentDatabase>().Open())
        {
            connection.Execute("UPDATE candidate_vectors SET profile_key = 'own words of an older version' WHERE candidate_id = @id", new { id = engineer.CandidateId });
            connection.Execute("UPDATE candidate_vectors SET publication_keys = '[[\"Long Video Generation\",\"0123\"]]' WHERE candidate_id = @id", new { id = researcher.CandidateId });
        }

        var status = await rebuilder.RebuildAsync(null, CancellationToken.None);
        Assert.Equal(ReindexStatus.Succeeded, status.State);
        Assert.Equal(2, status.VectorsOutOfDate);
        Assert.Equal((2L, 2L), await store.CountsAsync(CancellationToken.None));

        // The texts themselves have vectors already: the backlog stores the current keys without running the model.
        var calls = model.Calls;
        var (candidates, texts) = await drainer.DrainAsync((_, _, _) => { }, CancellationToken.None);
        Assert.Equal((2, 0), (candidates, texts));
        Assert.Equal(calls, model.Calls);
        Assert.Equal(0, (await rebuilder.RebuildAsync(null, CancellationToken.None)).VectorsOutOfDate);
        Assert.NotNull(store.Find((long)engineer.CandidateId!)?.Profile);
    }

    [Fact]
    public async Task With_sentence_vectors_off_a_reindex_leaves_the_backlog_alone()
    {
        await using var host = await TalentTestHost.StartAsync();
        var engineer = await host.SubmitAsync("test:ben", "text/markdown", "# Ben Backend\n\nBackend engineer at Acme Payments.\n\n## Skills\n\nGo, Redis\n");
        await host.WaitForIndexAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        await new EmbeddingDrainer(store, new FixedEmbedder(fail: false), Options.Create(new EmbeddingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance)
            .DrainAsync((_, _, _) => { }, CancellationToken.None);
        using (var connection = host.Get<TalentDatabase>().Open())
        {
            connection.Execute("UPDATE candidate_vectors SET profile_key = 'older' WHERE candidate_id = @id", new { id = engineer.CandidateId });
        }

        var status = await Rebuilder(host, store, enabled: false).RebuildAsync(null, CancellationToken.None);
        Assert.Equal(0, status.VectorsOutOfDate);
        Assert.Equal((0L, 1L), await store.CountsAsync(CancellationToken.None));
    }

    private static IndexRebuilder Rebuilder(TalentTestHost host, EmbeddingStore store, bool enabled = true) => new(
        host.Get<CandidateStore>(),
        host.Get<IndexSynchronizer>(),
        host.Get<ProfileCatalogs>(),
        host.Get<IOptions<IndexOptions>>(),
        host.Get<IOptions<SearchOptions>>(),
        TimeProvider.System,
        host.Get<ILoggerFactory>(),
        store,
        Options.Create(new EmbeddingOptions { Enabled = enabled }));
}
