using Talent.Server.Embeddings;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>
/// Workers sharing the backlog: the backlog's leases let several workers take different candidates and survive a
/// worker that stops mid-batch, a batch that outlasts its lease renews it, and a batch that fails goes back at once.
/// A worker gives way to its own ingestion: it holds its backlog back while ingestion stores documents, pauses a batch
/// that ingestion interrupts, and gives that batch back with the texts it embedded so far.
/// </summary>
public sealed class EmbeddingBacklogWorkerTests : EmbeddingBacklogDraining
{
    [Fact]
    public async Task A_batch_that_takes_longer_than_its_lease_renews_it_and_stays_its_workers()
    {
        await using var host = await TalentTestHost.StartAsync();
        var papers = string.Join("\n", Enumerable.Range(1, 50).Select(i => $"- [ICLR {2000 + (i % 25)}] Paper Number {i} on Learning Representations\n- Hana Long, Ada Frame"));
        var stored = await host.SubmitAsync("test:long", "text/markdown", $"# Hana Long\n\nResearch scientist.\n\n## Publications\n\n{papers}\n");
        await host.WaitForIndexAsync();
        var clock = new ManualClock();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), clock);
        await store.EnqueueAsync([(long)stored.CandidateId!], CancellationToken.None);

        // Each chunk of 16 texts takes four minutes of a ten-minute lease; another worker asks for work after each.
        var model = new FixedEmbedder(fail: false);
        var taken = new List<long>();
        model.OnEmbed = () =>
        {
            clock.Advance(TimeSpan.FromMinutes(4));
            taken.AddRange(store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None).GetAwaiter().GetResult());
        };
        var options = Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { LeaseSeconds = 600 });
        var drainer = new EmbeddingDrainer(store, model, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance, clock);

        var (candidates, texts) = await drainer.DrainAsync((_, _, _) => { }, CancellationToken.None);

        Assert.Equal(1, candidates);
        Assert.True(model.Calls >= 4, $"{texts} texts in {model.Calls} chunks: more than two leases' halves");
        Assert.Empty(taken);
        Assert.Equal((0L, 1L), await store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Workers_claim_different_candidates_and_an_expired_lease_is_claimed_again()
    {
        using var directory = new TempDirectory();
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var clock = new ManualClock();
        var store = new EmbeddingStore(database, clock);
        await store.EnqueueAsync([1, 2, 3, 4], CancellationToken.None);

        var first = await store.ClaimAsync(2, TimeSpan.FromMinutes(10), CancellationToken.None);
        var second = await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Empty(await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None));

        // The first worker stopped without saving: after its lease its candidates go to whoever asks.
        clock.Advance(TimeSpan.FromMinutes(11));
        var reclaimed = await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.Equal(4, reclaimed.Count);

        await store.SaveAsync("m", new Dictionary<string, byte[]>(), [new CandidateVectorKeys(1, null, []), new CandidateVectorKeys(2, null, [])], CancellationToken.None);
        Assert.Equal((2L, 2L), await store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_foreground_drain_that_fails_gives_its_batch_back_and_the_next_one_embeds_every_candidate()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Drainer(store, new FixedEmbedder(fail: true)).DrainAsync((_, _, _) => { }, CancellationToken.None));
        Assert.Equal((2L, 0L), await store.CountsAsync(CancellationToken.None));

        // Given back, not left leased for ten minutes: the next drain claims both at once.
        var reports = new List<(long Done, long Total)>();
        var (candidates, texts) = await Drainer(store, new FixedEmbedder(fail: false)).DrainAsync((done, total, _) => reports.Add((done, total)), CancellationToken.None);
        Assert.Equal(2, candidates);
        Assert.True(texts >= 2, $"{texts} texts");
        Assert.Equal([(0L, 2L), (2L, 2L)], reports);
        Assert.Equal((0L, 2L), await store.CountsAsync(CancellationToken.None));
        Assert.Equal((0, 0), await Drainer(store, new FixedEmbedder(fail: false)).DrainAsync((_, _, _) => { }, CancellationToken.None));
    }

    [Fact]
    public async Task A_worker_holds_its_backlog_back_while_its_ingestion_stores_documents_and_drains_it_after()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var ingestion = new Ingesting { Busy = true };
        var drainer = Drainer(store, new FixedEmbedder(fail: false), ingestion);
        await drainer.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = TestWait.Token();
            var status = await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            // Waiting before its first claim: the two candidates are on the backlog, none embedded.
            Assert.Equal((2L, 0L), (status.Waiting, status.Embedded));

            ingestion.Busy = false;
            status = await StatusWhenAsync(drainer, s => s is { Waiting: 0, Embedded: 2 }, timeout.Token);

            Assert.False(status.WaitingForIngestion);
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Ingestion_that_starts_mid_batch_pauses_the_batch_after_its_chunk_of_texts()
    {
        await using var host = await TalentTestHost.StartAsync(); // vectors off: nothing drains behind ingestion
        var store = await OneResearcherOfFortyPapersAsync(host);
        var (drainer, model, ingestion) = await DrainerInterruptedAfterItsFirstChunkAsync(store);
        try
        {
            using var timeout = TestWait.Token();
            var status = await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            Assert.Equal(1, model.Calls); // one chunk of 16 texts, then the batch waits
            Assert.Equal((1L, 0L), (status.Waiting, status.Embedded));

            model.OnEmbed = null;
            ingestion.Busy = false;
            status = await StatusWhenAsync(drainer, s => s is { Waiting: 0, Embedded: 1 }, timeout.Token);

            Assert.True(model.Calls >= 3, $"{model.Calls} chunks for 40 texts");
            Assert.Equal(40, model.Texts); // 40 titles: the first chunk's 16 were kept through the pause, not embedded again
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_batch_that_ingestion_interrupts_goes_back_to_the_backlog_with_its_texts_embedded_so_far()
    {
        await using var host = await TalentTestHost.StartAsync(); // vectors off: nothing drains behind ingestion
        var store = await OneResearcherOfFortyPapersAsync(host);
        var (drainer, model, _) = await DrainerInterruptedAfterItsFirstChunkAsync(store);
        try
        {
            using var timeout = TestWait.Token();
            await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            // A worker that is not ingesting takes the batch at once (no lease to wait out) and embeds only what is left.
            var other = new FixedEmbedder(fail: false);
            var (candidates, texts) = await Drainer(store, other).DrainAsync((_, _, _) => { }, timeout.Token);

            Assert.Equal((1, 24), (candidates, texts));
            Assert.Equal((1, 16, 24), (model.Calls, model.Texts, other.Texts));
            Assert.Equal((0L, 1L), await store.CountsAsync(CancellationToken.None));
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Stores one researcher of 40 papers (40 texts to embed, more than two chunks of 16) in the host; returns its embedding store.</summary>
    private static async Task<EmbeddingStore> OneResearcherOfFortyPapersAsync(TalentTestHost host)
    {
        var papers = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"- [ICLR 2024] Video Generation Study Number {i}\n- Vera Video"));
        await host.SubmitAsync("test:prolific", "text/markdown", $"# Vera Video\n\nResearcher.\n\n## Publications\n\n{papers}\n");
        await host.WaitForIndexAsync();
        return new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
    }

    /// <summary>A started drainer of a worker whose ingestion starts while the first chunk of its first batch is embedded.</summary>
    private static async Task<(EmbeddingDrainer Drainer, FixedEmbedder Model, Ingesting Ingestion)> DrainerInterruptedAfterItsFirstChunkAsync(EmbeddingStore store)
    {
        var ingestion = new Ingesting();
        var model = new FixedEmbedder(fail: false) { OnEmbed = () => ingestion.Busy = true };
        var drainer = Drainer(store, model, ingestion);
        await drainer.StartAsync(CancellationToken.None);
        return (drainer, model, ingestion);
    }

    /// <summary>The drainer's status once <paramref name="condition"/> holds (waits for it, not for a time).</summary>
    private static async Task<EmbeddingStatus> StatusWhenAsync(EmbeddingDrainer drainer, Func<EmbeddingStatus, bool> condition, CancellationToken cancellationToken)
    {
        var status = await drainer.StatusAsync(CancellationToken.None);
        while (!condition(status))
        {
            await Task.Delay(50, cancellationToken);
            status = await drainer.StatusAsync(CancellationToken.None);
        }

        return status;
    }

    /// <summary>Ingestion that stored documents a moment ago while <see cref="Busy"/>, and never otherwise.</summary>
    private sealed class Ingesting : Talent.Server.Ingestion.IIngestionActivity
    {
        private volatile bool busy;

        public bool Busy
        {
            get => busy;
            set => busy = value;
        }

        public TimeSpan? SinceLastWrite => busy ? TimeSpan.Zero : null;
    }
}
